import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CentreScope, Clock, Metrics, scrapeSnapshot } from '@app/common';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service.js';

const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

interface Snapshot {
  deliveries: { status: string; count: number }[];
  /** Pending deliveries whose next attempt is due now. */
  deliveriesDue: number;
  /** The due moment of the oldest pending reminder that is due now, if any. */
  oldestDueReminder: Date | null;
}

/**
 * The notifications gauges of docs/runbook.md#metrics-and-alerts, read from the tables at each
 * scrape: deliveries by status, deliveries due now, and how late the oldest due reminder is.
 * (The sender's counters — SMTP errors, resends, sent — are counted where they happen, in
 * deliveries/.) Time is the injected Clock's, as the reminder scheduler's.
 */
@Injectable()
export class NotificationsMetrics {
  // Read as the system (every centre, the installation's letters too): a scrape is an HTTP
  // request, which would otherwise see no centre's rows.
  private readonly snapshot = scrapeSnapshot<Snapshot>(() => CentreScope.system(() => this.load()));

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    reminders: ReminderScheduler,
    metrics: Metrics,
  ) {
    metrics.worker(() => reminders.metrics());
    metrics.collectedGauge(
      'owes_deliveries',
      'E-mail deliveries by status (pending, sent, failed)',
      ['status'],
      async (gauge) => {
        const snapshot = await this.snapshot();
        if (!snapshot) return;
        for (const status of DELIVERY_STATUSES) gauge.set({ status }, 0);
        for (const row of snapshot.deliveries) gauge.set({ status: row.status }, row.count);
      },
    );
    metrics.collectedGauge(
      'owes_deliveries_due',
      'Pending e-mail deliveries whose next attempt is due now (growing: the sender is behind or stuck)',
      [],
      async (gauge) => {
        const snapshot = await this.snapshot();
        if (snapshot) gauge.set(snapshot.deliveriesDue);
      },
    );
    metrics.collectedGauge(
      'owes_reminder_lag_seconds',
      'How late the oldest due, unsent reminder is, in seconds (0 when none is due)',
      [],
      async (gauge) => {
        const snapshot = await this.snapshot();
        if (!snapshot) return;
        const due = snapshot.oldestDueReminder?.getTime();
        gauge.set(due === undefined ? 0 : Math.max(0, (this.clock.now().getTime() - due) / 1000));
      },
    );
  }

  private async load(): Promise<Snapshot> {
    const now = this.clock.now();
    const [deliveries, due, reminders] = await Promise.all([
      this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM notifications.deliveries GROUP BY status`,
      ) as Promise<{ status: string; count: number }[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS due FROM notifications.deliveries
          WHERE status = 'pending' AND next_attempt_at <= $1`,
        [now],
      ) as Promise<{ due: number }[]>,
      this.dataSource.query(
        `SELECT min(due_at) AS oldest FROM notifications.reminders
          WHERE status = 'pending' AND due_at <= $1`,
        [now],
      ) as Promise<{ oldest: Date | null }[]>,
    ]);
    return {
      deliveries,
      deliveriesDue: due[0]?.due ?? 0,
      oldestDueReminder: reminders[0]?.oldest ? new Date(reminders[0].oldest) : null,
    };
  }
}
