import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService } from '@app/common';
import type { ScanBatch } from '../../shared/scan-batch.js';

/**
 * Scheduler scan: jobs past their term with every report in, and none saying the job did not
 * exist since its last refill, are kept. One batch per call; returns how many it took.
 */
@Injectable()
export class TermsKeptScan {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({ today, limit }: ScanBatch): Promise<number> {
    return this.outbox.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT j.id FROM grants.award_jobs j
          WHERE j.status = 'active' AND j.end_date < $1
            AND NOT EXISTS (SELECT 1 FROM grants.job_reports r WHERE r.job_id = j.id AND r.status = 'pending')
            AND NOT EXISTS (SELECT 1 FROM grants.job_reports r WHERE r.job_id = j.id AND r.job_exists = false
                              AND r.period_from > COALESCE(j.refilled_on, '-infinity'::date))
          ORDER BY j.end_date LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [today, limit],
      );
      for (const { id } of rows) {
        await manager.query(
          `UPDATE grants.award_jobs SET status = 'kept', updated_at = $2 WHERE id = $1`,
          [id, this.clock.now()],
        );
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award-job',
          entityId: id,
          action: 'term-kept',
          fromState: 'active',
          toState: 'kept',
        });
      }
      return rows.length;
    });
  }
}
