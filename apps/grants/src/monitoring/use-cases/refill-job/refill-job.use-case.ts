import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  warsawDate,
  type AuthUser,
} from '@app/common';
import { isRefillMissed } from '../../../domain/index.js';
import type { AwardJob } from '../../../awards/award.entities.js';
import { field, invalid } from '../../../shared/problems.js';
import { monitoredJob } from '../../monitored-job.js';
import type { RefillDto } from '../../monitoring.dto.js';
import { MonitoringErrors } from '../../monitoring.errors.js';

export interface RefillJobInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly jobId: string;
  readonly refill: RefillDto;
}

/** Another eligible person took the vacant job, by its refill deadline (422 after it). */
@Injectable()
export class RefillJob {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({ user, awardId, jobId, refill: dto }: RefillJobInput): Promise<AwardJob> {
    return this.outbox.transaction(async (manager) => {
      const { job } = await monitoredJob(manager, user, awardId, jobId);
      if (job.status !== 'vacant') {
        throw ApiError.conflict(MonitoringErrors.JOB_NOT_VACANT, {
          pl: 'Miejsce pracy nie jest nieobsadzone',
          en: 'The job is not vacant',
        });
      }
      const today = warsawDate(this.clock.now());
      if (dto.refilledOn < job.vacancyDate! || dto.refilledOn > today) {
        throw invalid([
          field(
            'refilledOn',
            'Data przed wakatem lub z przyszłości',
            'A date before the vacancy or in the future',
          ),
        ]);
      }
      if (isRefillMissed(job.refillDeadline!, today, dto.refilledOn)) {
        throw ApiError.unprocessable(MonitoringErrors.REFILL_TOO_LATE, {
          pl: `Termin na obsadzenie miejsca pracy minął ${job.refillDeadline}`,
          en: `The deadline to fill the job passed on ${job.refillDeadline}`,
        });
      }
      job.status = 'active';
      job.refilledOn = dto.refilledOn;
      job.updatedAt = this.clock.now();
      await manager.save(job);
      await this.audit.record(manager, {
        entityType: 'award-job',
        entityId: job.id,
        action: 'refilled',
        fromState: 'vacant',
        toState: 'active',
        changes: { refilledOn: dto.refilledOn, evidenceReference: dto.evidenceReference },
      });
      return job;
    });
  }
}
