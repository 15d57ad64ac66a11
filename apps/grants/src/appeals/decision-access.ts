import type { EntityManager } from 'typeorm';
import { ApiError, isStaff, type AuthUser } from '@app/common';
import { GrantApplication } from '../applications/application.entity.js';
import { Decision } from '../ranking/decision.entity.js';
import { Appeal } from './appeal.entity.js';

const DECISION_NOT_FOUND = { pl: 'Nie ma takiej decyzji', en: 'No such decision' };

export interface DecisionWithAppeal {
  decision: Decision;
  application: GrantApplication;
  appeal: Appeal | null;
}

/** A decision as its applicant (own only, 404 otherwise) or staff may see it. */
export async function decisionFor(
  manager: EntityManager,
  user: AuthUser,
  id: string,
): Promise<DecisionWithAppeal> {
  const decision = await manager.findOne(Decision, { where: { id } });
  if (!decision) throw ApiError.notFound(DECISION_NOT_FOUND);
  const application = await manager.findOneOrFail(GrantApplication, {
    where: { id: decision.applicationId },
  });
  if (!isStaff(user) && application.applicantUserId !== user.id)
    throw ApiError.notFound(DECISION_NOT_FOUND);
  const appeal = await manager.findOne(Appeal, { where: { decisionId: id } });
  return { decision, application, appeal };
}
