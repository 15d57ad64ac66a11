import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService, warsawDate, type AuthUser } from '@app/common';
import { field, invalid } from '../../../shared/problems.js';
import { assertAgreementNotSigned, assertNotGivenUp, lockAward } from '../../award-access.js';
import type { Award } from '../../award.entities.js';
import type { AgreementPreparationDto } from '../../awards.dto.js';

export interface PrepareAgreementInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly preparation: AgreementPreparationDto;
}

/**
 * The agreement is ready to sign: the planned day and place are recorded and the applicant is
 * told (what to bring). Preparing again (another day or place) updates it and tells them again.
 */
@Injectable()
export class PrepareAgreement {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({ user, awardId: id, preparation: dto }: PrepareAgreementInput): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await lockAward(manager, id);
      assertNotGivenUp(award);
      assertAgreementNotSigned(award);
      if (dto.signingOn < warsawDate(this.clock.now()))
        throw invalid([field('signingOn', 'Data z przeszłości', 'A date in the past')]);
      const now = this.clock.now();
      const before = award.agreementPreparedAt
        ? { signingOn: award.agreementSigningOn, place: award.agreementPlace }
        : null;
      award.agreementSigningOn = dto.signingOn;
      award.agreementPlace = dto.place ?? null;
      award.agreementNotes = dto.notes ?? null;
      award.agreementPreparedAt = now;
      award.agreementPreparedBy = user.id;
      award.updatedAt = now;
      await manager.save(award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: id,
        action: before ? 'agreement-prepared-again' : 'agreement-prepared',
        changes: {
          ...(before ? { before } : {}),
          signingOn: dto.signingOn,
          place: dto.place ?? null,
          notes: dto.notes ?? null,
        },
      });
      await emit('grants.agreement.prepared', {
        centreId: award.centreId,
        awardId: id,
        reference: award.reference,
        amount: award.amount,
        signingOn: dto.signingOn,
        ...(dto.place ? { place: dto.place } : {}),
        applicant: award.applicant,
        preparedAt: now.toISOString(),
      });
      return award;
    });
  }
}
