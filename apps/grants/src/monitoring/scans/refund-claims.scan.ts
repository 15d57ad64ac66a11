import { Injectable, Logger } from '@nestjs/common';
import { AuditService, Clock, OutboxService } from '@app/common';
import { addCalendarDays, refundClaim } from '../../domain/index.js';
import { Call } from '../../calls/call.entity.js';
import { Award, AwardJob } from '../../awards/award.entities.js';
import { ListInterestRates } from '../../interest-rates/use-cases/list-interest-rates/list-interest-rates.use-case.js';
import type { ScanBatch } from '../../shared/scan-batch.js';
import { toFieldProblems } from '../../shared/problems.js';
import { RefundClaimRecord } from '../monitoring.entities.js';
import { refundParts } from './refund-parts.js';

export interface RefundClaimsScanInput extends ScanBatch {
  /**
   * Jobs whose refund cannot be computed (no interest rate in force): the scan adds to it and
   * skips them, so a batch full of them is not examined over and over within one tick.
   */
  readonly unpriced: Set<string>;
}

/**
 * Scheduler scan: vacancies not refilled by their deadline. The money for the job, with statutory
 * interest from each payment's day (domain `refundClaim`), is claimed back
 * (`grants.refund.claimed`), the job's pending reports are cancelled. A job whose refund cannot
 * be computed stays vacant and is logged. One batch per call; returns how many rows it examined.
 */
@Injectable()
export class RefundClaimsScan {
  private readonly log = new Logger('Monitoring');

  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly interestRates: ListInterestRates,
  ) {}

  execute({ today, limit, unpriced }: RefundClaimsScanInput): Promise<number> {
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM grants.award_jobs
          WHERE status = 'vacant' AND refill_deadline < $1 AND NOT (id = ANY($3::uuid[]))
          ORDER BY refill_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [today, limit, [...unpriced]],
      );
      if (rows.length === 0) return 0;
      const rates = await this.interestRates.execute();
      for (const { id } of rows) {
        const job = await manager.findOneOrFail(AwardJob, { where: { id } });
        const award = await manager.findOneOrFail(Award, {
          where: { id: job.awardId },
          lock: { mode: 'pessimistic_write' },
        });
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        const parts = await refundParts(manager, award, job);
        let claim: Omit<RefundClaimRecord, 'id' | 'awardId' | 'jobId' | 'centreId' | 'createdAt'>;
        if (parts.length === 0) {
          claim = {
            principal: 0,
            interest: 0,
            total: 0,
            calculatedOn: today,
            demandDate: today,
            dueDate: addCalendarDays(today, call.refundDueDays),
            periods: [],
          };
        } else {
          const computed = refundClaim({
            parts,
            calculatedOn: today,
            demandDate: today,
            rates,
            dueDays: call.refundDueDays,
          });
          if (!computed.ok) {
            // A configuration gap (no interest rate in force): leave the job for the next tick and say why.
            this.log.error(
              `Refund for job ${id} cannot be computed: ${JSON.stringify(toFieldProblems(computed.problems))}`,
            );
            unpriced.add(id);
            continue;
          }
          const v = computed.value;
          claim = {
            principal: v.principal,
            interest: v.interest,
            total: v.total,
            calculatedOn: v.calculatedOn,
            demandDate: v.demandDate,
            dueDate: v.dueDate,
            periods: [...v.periods],
          };
        }
        const record = await manager.save(
          manager.create(RefundClaimRecord, {
            ...claim,
            awardId: award.id,
            jobId: job.id,
            createdAt: this.clock.now(),
          }),
        );
        job.status = 'refund-claimed';
        job.updatedAt = this.clock.now();
        await manager.save(job);
        await manager.query(
          `UPDATE grants.job_reports SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending'`,
          [job.id],
        );
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award-job',
          entityId: job.id,
          action: 'refund-claimed',
          fromState: 'vacant',
          toState: 'refund-claimed',
          changes: {
            refundId: record.id,
            principal: claim.principal,
            interest: claim.interest,
            total: claim.total,
            dueDate: claim.dueDate,
          },
        });
        await emit('grants.refund.claimed', {
          centreId: award.centreId,
          refundId: record.id,
          awardId: award.id,
          jobId: job.id,
          reference: award.reference,
          position: job.position,
          principal: claim.principal,
          interest: claim.interest,
          total: claim.total,
          calculatedOn: claim.calculatedOn,
          demandDate: claim.demandDate,
          dueDate: claim.dueDate,
          applicant: award.applicant,
        });
      }
      return rows.length;
    });
  }
}
