import { Injectable } from '@nestjs/common';
import { Clock, OutboxService } from '@app/common';
import type { ScanBatch } from '../../shared/scan-batch.js';
import { notifyReports } from './report-notices.js';

/**
 * What each notice of a monthly report looks at: `due` — a month of a kept job's term has ended
 * (`grants.job.report-due`); `overdue` — the report is past its due date
 * (`grants.job.report-overdue`). Each is sent once: its column marks it.
 */
const NOTICES = {
  due: { notified: 'due_notified_at', passed: 'period_to' },
  overdue: { notified: 'overdue_notified_at', passed: 'due_date' },
} as const;

/** Scheduler scan of report notices. One batch per call; returns how many it took. */
@Injectable()
export class ReportNoticesScan {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute(what: keyof typeof NOTICES, { today, limit }: ScanBatch): Promise<number> {
    const { notified, passed } = NOTICES[what];
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT r.id FROM grants.job_reports r JOIN grants.award_jobs j ON j.id = r.job_id
          WHERE r.status = 'pending' AND r.${notified} IS NULL AND r.${passed} < $1
            AND j.status IN ('active', 'vacant')
          ORDER BY r.${passed} LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [today, limit],
      );
      await notifyReports(
        { manager, emit },
        rows.map((r) => r.id),
        what,
        this.clock.now(),
      );
      return rows.length;
    });
  }
}
