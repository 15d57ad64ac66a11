import { Injectable } from '@nestjs/common';
import { Clock, OutboxService } from '@app/common';
import type { ScanBatch } from '../../shared/scan-batch.js';
import { notifyReports } from './report-notices.js';

/**
 * Scheduler scan: a monthly report past its due date (`grants.job.report-overdue`, once). One
 * batch per call; returns how many it took.
 */
@Injectable()
export class ReportsOverdueScan {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute({ today, limit }: ScanBatch): Promise<number> {
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT r.id FROM grants.job_reports r JOIN grants.award_jobs j ON j.id = r.job_id
          WHERE r.status = 'pending' AND r.overdue_notified_at IS NULL AND r.due_date < $1
            AND j.status IN ('active', 'vacant')
          ORDER BY r.due_date LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [today, limit],
      );
      await notifyReports(
        { manager, emit },
        rows.map((r) => r.id),
        'overdue',
        this.clock.now(),
      );
      return rows.length;
    });
  }
}
