import { Injectable } from '@nestjs/common';
import { AuditService, Clock } from '@app/common';
import { refillDeadline } from '../../../domain/index.js';
import { Call } from '../../../calls/call.entity.js';
import type { Award, AwardJob } from '../../../awards/award.entities.js';
import type { Tx } from '../../../shared/tx.js';

export interface OpenVacancyInput {
  readonly award: Award;
  /** An active job, locked by the caller. */
  readonly job: AwardJob;
  readonly vacancyDate: string;
}

/**
 * A funded job became vacant (reported, or found in a monthly report): it is to be filled by the
 * refill deadline (the call's `refillMonths` after the vacancy), and the applicant is told.
 */
@Injectable()
export class OpenVacancy {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async execute(
    { manager, emit }: Tx,
    { award, job, vacancyDate }: OpenVacancyInput,
  ): Promise<void> {
    const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
    job.status = 'vacant';
    job.vacancyDate = vacancyDate;
    job.refillDeadline = refillDeadline(vacancyDate, call.refillMonths);
    job.refilledOn = null;
    job.updatedAt = this.clock.now();
    await manager.save(job);
    await this.audit.record(manager, {
      entityType: 'award-job',
      entityId: job.id,
      action: 'vacancy-reported',
      fromState: 'active',
      toState: 'vacant',
      changes: { vacancyDate, refillDeadline: job.refillDeadline },
    });
    await emit('grants.job.vacancy-reported', {
      centreId: award.centreId,
      awardId: award.id,
      jobId: job.id,
      reference: award.reference,
      position: job.position,
      vacancyDate,
      refillDeadline: job.refillDeadline,
      applicant: award.applicant,
    });
  }
}
