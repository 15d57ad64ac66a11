import type { EntityManager } from 'typeorm';
import { ApiError, isStaff, type AuthUser } from '@app/common';
import { Award } from './award.entities.js';
import { AwardsErrors } from './awards.errors.js';

export const AWARD_NOT_FOUND = { pl: 'Nie ma takiego wsparcia', en: 'No such award' };

/** An award its applicant (own only, 404 otherwise) or staff may see; locked when asked. */
export async function awardFor(
  manager: EntityManager,
  user: AuthUser,
  id: string,
  lock = false,
): Promise<Award> {
  const award = await manager.findOne(Award, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!award || (!isStaff(user) && award.applicantUserId !== user.id))
    throw ApiError.notFound(AWARD_NOT_FOUND);
  return award;
}

/** The award locked for the transaction (staff routes); 404 when there is none. */
export async function lockAward(manager: EntityManager, id: string): Promise<Award> {
  const award = await manager.findOne(Award, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!award) throw ApiError.notFound(AWARD_NOT_FOUND);
  return award;
}

/** A given-up award takes no agreement and no payment: 409. */
export function assertNotGivenUp(award: Award): void {
  if (award.status === 'given-up') {
    throw ApiError.conflict(AwardsErrors.AWARD_GIVEN_UP, {
      pl: 'Z tego wsparcia zrezygnowano',
      en: 'This award was given up',
    });
  }
}

/** The agreement of an award is prepared and signed once: 409 after. */
export function assertAgreementNotSigned(award: Award): void {
  if (award.status !== 'granted') {
    throw ApiError.conflict(AwardsErrors.AGREEMENT_ALREADY_SIGNED, {
      pl: 'Umowa o udzielenie wsparcia została już zawarta',
      en: 'The agreement has already been signed',
    });
  }
}
