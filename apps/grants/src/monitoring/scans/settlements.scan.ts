import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService } from '@app/common';
import { Award } from '../../awards/award.entities.js';
import type { ScanBatch } from '../../shared/scan-batch.js';

/**
 * Scheduler scan: awards whose every job kept its term (or was settled by a refund claim) are
 * settled (`grants.award.settled`). One batch per call; returns how many it took.
 */
@Injectable()
export class SettlementsScan {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({ today, limit }: ScanBatch): Promise<number> {
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT w.id FROM grants.awards w
          WHERE w.status = 'agreement-signed'
            AND EXISTS (SELECT 1 FROM grants.award_jobs j WHERE j.award_id = w.id)
            AND NOT EXISTS (SELECT 1 FROM grants.award_jobs j WHERE j.award_id = w.id AND j.status IN ('active', 'vacant'))
          LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const { id } of rows) {
        const award = await manager.findOneOrFail(Award, { where: { id } });
        const [stats]: { kept: string; refunds: string }[] = await manager.query(
          `SELECT count(*) FILTER (WHERE status = 'kept') AS kept,
                  (SELECT COALESCE(sum(total), 0)::bigint FROM grants.refund_claims WHERE award_id = $1) AS refunds
             FROM grants.award_jobs WHERE award_id = $1`,
          [id],
        );
        award.status = 'settled';
        award.settledOn = today;
        award.updatedAt = this.clock.now();
        await manager.save(award);
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award',
          entityId: id,
          action: 'settled',
          fromState: 'agreement-signed',
          toState: 'settled',
        });
        await emit('grants.award.settled', {
          centreId: award.centreId,
          awardId: id,
          reference: award.reference,
          amount: award.amount,
          paidTotal: award.paidTotal,
          refundClaimedTotal: Number(stats!.refunds),
          jobsKept: Number(stats!.kept),
          settledOn: today,
          applicant: award.applicant,
        });
      }
      return rows.length;
    });
  }
}
