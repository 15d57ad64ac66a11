import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Clock,
  DEFAULT_CENTRE_ID,
  RequestContext,
  type EventEnvelope,
  type Lang,
} from '@app/common';
import { CentresService } from '../centres/centres.service.js';
import { centreLetterhead, installationLetterhead } from '../centres/letterhead.js';
import { NotificationsEnv } from '../config/notifications.env.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliverySender } from '../deliveries/delivery-sender.service.js';
import {
  daysLeft,
  type Cancellation,
  type PlannedReminder,
  type ReminderData,
  type ReminderKind,
  type ReminderTemplate,
} from './reminder-rules.js';
import type { ReminderStatus } from './reminder.entity.js';

const BATCH = 50;

interface DueRow {
  id: string;
  centre_id: string;
  kind: ReminderKind;
  template: ReminderTemplate;
  recipient: string;
  recipient_name: string;
  recipient_user_id: string | null;
  language: Lang;
  reference: string | null;
  /** As the reminder's rule stored it (`schedule`). */
  data: ReminderData;
  deadline: Date;
  due_date: string;
  correlation_id: string | null;
}

export interface DueRun {
  sent: number;
  expired: number;
}

/** Which reminders the list shows (`GET /api/reminders`), soonest first, one page of them. */
export interface ReminderListFilter {
  status: ReminderStatus;
  kind?: ReminderKind;
  recipient?: string;
  reference?: string;
  /** Due at or after this moment. */
  from?: Date;
  /** Due before this moment. */
  to?: Date;
  page: number;
  pageSize: number;
}

/** A reminder as the list shows it. */
export interface ReminderListEntry {
  id: string;
  centreId: string;
  kind: ReminderKind;
  template: string;
  reference: string | null;
  recipient: string;
  recipientName: string;
  language: Lang;
  status: ReminderStatus;
  dueAt: Date;
  /** The Warsaw day it counts down to, 'YYYY-MM-DD'. */
  dueDate: string;
  deadline: Date;
  sourceEventId: string;
  sourceEventType: string;
  cancelledBy: string | null;
  deliveryId: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

interface ReminderListRow {
  id: string;
  centre_id: string;
  kind: ReminderKind;
  template: string;
  source_event_id: string;
  source_event_type: string;
  recipient: string;
  recipient_name: string;
  language: Lang;
  reference: string | null;
  due_at: Date;
  deadline: Date;
  due_date: string;
  status: ReminderStatus;
  cancelled_by: string | null;
  delivery_id: string | null;
  created_at: Date;
  closed_at: Date | null;
}

/**
 * Durable reminders: created and cancelled in the transaction of the event that causes them
 * (the inbox row is in the same one), fired by `runDue()`. Firing claims due rows with
 * `FOR UPDATE SKIP LOCKED` and queues the message in the same transaction that marks the
 * reminder sent, so each fires once, also with several replicas, and one that fell due while
 * the service was down goes out at the next run. `list()` reads them for operators.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesService,
    private readonly sender: DeliverySender,
    private readonly clock: Clock,
    private readonly centres: CentresService,
    private readonly env: NotificationsEnv,
  ) {}

  /**
   * Files the reminders an event creates, under the event's centre. One already made moot by an
   * event handled earlier (a tombstone at least as recent as this event) is filed as `cancelled`,
   * so it stays visible.
   */
  async schedule(
    manager: EntityManager,
    event: EventEnvelope,
    planned: PlannedReminder[],
    centreId: string | null = null,
  ): Promise<number> {
    let created = 0;
    const now = this.clock.now();
    for (const r of planned) {
      const tombstones: { event_type: string }[] = await manager.query(
        `SELECT event_type FROM notifications.reminder_cancellations
          WHERE kind = $1 AND scope = ANY($2::text[]) AND occurred_at >= $3
          ORDER BY occurred_at LIMIT 1`,
        [r.kind, r.scopes, event.occurredAt],
      );
      const cancelledBy = tombstones[0]?.event_type ?? null;
      const rows: unknown[] = await manager.query(
        `INSERT INTO notifications.reminders (kind, template, source_event_id, source_event_type, source_occurred_at,
            recipient, recipient_name, recipient_user_id, language, reference, scopes, data, due_at, deadline, due_date,
            status, cancelled_by, correlation_id, created_at, closed_at, centre_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (source_event_id, kind, recipient) DO NOTHING
         RETURNING id`,
        [
          r.kind,
          r.template,
          event.id,
          event.type,
          event.occurredAt,
          r.recipient.email.toLowerCase(),
          r.recipient.name,
          r.recipient.userId ?? null,
          r.recipient.language,
          r.reference,
          r.scopes,
          JSON.stringify(r.data),
          r.dueAt,
          r.deadline,
          r.dueDate,
          cancelledBy ? 'cancelled' : 'pending',
          cancelledBy,
          event.correlationId,
          now,
          cancelledBy ? now : null,
          centreId ?? DEFAULT_CENTRE_ID,
        ],
      );
      created += rows.length;
    }
    return created;
  }

  /**
   * Cancels the pending reminders an event makes moot (those caused by events not later than
   * it) and keeps tombstones for reminders whose cause is handled after it.
   */
  async cancel(
    manager: EntityManager,
    event: EventEnvelope,
    cancellation: Cancellation,
    centreId: string | null = null,
  ): Promise<number> {
    // Tombstones and cancellations in one statement (one round trip on every event).
    const rows: unknown[] = await manager.query(
      `WITH tombstones AS (
         INSERT INTO notifications.reminder_cancellations (kind, scope, event_id, event_type, occurred_at, centre_id)
         SELECT k, s, $6, $3, $5, $7 FROM unnest($1::text[]) AS k, unnest($2::text[]) AS s
         ON CONFLICT DO NOTHING)
       UPDATE notifications.reminders
          SET status = 'cancelled', cancelled_by = $3, closed_at = $4
        WHERE status = 'pending' AND scopes && $2::text[] AND kind = ANY($1::text[]) AND source_occurred_at <= $5
        RETURNING id`,
      [
        cancellation.kinds,
        cancellation.scopes,
        event.type,
        this.clock.now(),
        event.occurredAt,
        event.id,
        centreId ?? DEFAULT_CENTRE_ID,
      ],
    );
    return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
  }

  /** Fires every reminder that is due by the clock; returns what it did. */
  async runDue(): Promise<DueRun> {
    const total: DueRun = { sent: 0, expired: 0 };
    for (;;) {
      const { claimed, sent, expired } = await this.runBatch();
      total.sent += sent;
      total.expired += expired;
      if (sent > 0) this.sender.wake();
      if (claimed < BATCH) return total;
    }
  }

  private async runBatch(): Promise<DueRun & { claimed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const rows: DueRow[] = await manager.query(
        `SELECT id, centre_id, kind, template, recipient, recipient_name, recipient_user_id, language, reference, data, deadline,
                due_date::text AS due_date, correlation_id
           FROM notifications.reminders
          WHERE status = 'pending' AND due_at <= $1
          ORDER BY due_at, id
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
        [now],
      );
      let sent = 0;
      let expired = 0;
      for (const r of rows) {
        if (new Date(r.deadline) <= now) {
          // What it reminds of is already over: a reminder now would mislead.
          await manager.query(
            `UPDATE notifications.reminders SET status = 'expired', closed_at = $2 WHERE id = $1`,
            [r.id, now],
          );
          expired++;
          continue;
        }
        // In the centre's name as it is when the reminder fires (its sender frozen from then on).
        const centre = await this.centres.find(manager, r.centre_id);
        if (!centre) {
          this.logger.warn(
            { reminderId: r.id, centreId: r.centre_id },
            'Reminder of a centre not in the read model: sent in the name of the installation',
          );
        }
        const letterhead = centre
          ? centreLetterhead(centre, this.env)
          : { ...installationLetterhead(this.env), centreId: r.centre_id };
        const deliveryId = await RequestContext.run(
          { correlationId: r.correlation_id ?? r.id },
          () =>
            this.deliveries.queue(
              manager,
              {
                id: r.id,
                type: `reminder.${r.kind}`,
                correlationId: r.correlation_id ?? undefined,
              },
              r.template,
              {
                email: r.recipient,
                name: r.recipient_name,
                language: r.language,
                ...(r.recipient_user_id ? { userId: r.recipient_user_id } : {}),
              },
              { ...r.data, daysLeft: daysLeft(now, r.due_date) },
              r.reference,
              letterhead,
            ),
        );
        await manager.query(
          `UPDATE notifications.reminders SET status = 'sent', closed_at = $2, delivery_id = $3 WHERE id = $1`,
          [r.id, now, deliveryId],
        );
        sent++;
      }
      if (rows.length > 0) this.logger.log({ sent, expired }, 'Due reminders fired');
      return { claimed: rows.length, sent, expired };
    });
  }

  /** One page of reminders and how many match in all. */
  async list(filter: ReminderListFilter): Promise<{ total: number; entries: ReminderListEntry[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    add('status = ?', filter.status);
    if (filter.kind) add('kind = ?', filter.kind);
    // Recipients are stored lower-cased.
    if (filter.recipient) add('recipient = ?', filter.recipient.toLowerCase());
    if (filter.reference) add('reference = ?', filter.reference);
    if (filter.from) add('due_at >= ?', filter.from);
    if (filter.to) add('due_at < ?', filter.to);
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications.reminders ${clause}`,
      params,
    );
    const rows: ReminderListRow[] = await this.dataSource.query(
      `SELECT id, centre_id, kind, template, source_event_id, source_event_type, recipient, recipient_name, language, reference,
              due_at, deadline, due_date::text AS due_date, status, cancelled_by, delivery_id, created_at, closed_at
         FROM notifications.reminders ${clause}
        ORDER BY due_at, id
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return {
      total,
      entries: rows.map((r) => ({
        id: r.id,
        centreId: r.centre_id,
        kind: r.kind,
        template: r.template,
        reference: r.reference,
        recipient: r.recipient,
        recipientName: r.recipient_name,
        language: r.language,
        status: r.status,
        dueAt: r.due_at,
        dueDate: r.due_date,
        deadline: r.deadline,
        sourceEventId: r.source_event_id,
        sourceEventType: r.source_event_type,
        cancelledBy: r.cancelled_by,
        deliveryId: r.delivery_id,
        createdAt: r.created_at,
        closedAt: r.closed_at,
      })),
    };
  }
}
