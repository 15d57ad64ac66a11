import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, RequestContext, type Lang, type Recipient } from '@app/common';
import { renderMessage } from '../templates/render.js';
import type { Letterhead } from '../centres/letterhead.js';
import type { TemplateData, TemplateName } from '../templates/catalogue.js';
import { PreferencesService } from '../preferences/preferences.service.js';
import type { DeliveryStatus } from './delivery.entity.js';

/** What caused a message: an event (its envelope fits) or a reminder (its id and kind). */
export interface MessageSourceRef {
  id: string;
  type: string;
  correlationId?: string;
}

/** Which deliveries the log shows (`GET /api/deliveries`), newest first, one page of them. */
export interface DeliveryLogFilter {
  recipient?: string;
  reference?: string;
  status?: DeliveryStatus;
  /** Only the letters of this template. */
  template?: string;
  /** Only the letters of this centre. */
  centreId?: string;
  /** Queued at or after this moment. */
  from?: Date;
  /** Queued before this moment. */
  to?: Date;
  page: number;
  pageSize: number;
}

/** A delivery as the log shows it. */
export interface DeliveryLogEntry {
  id: string;
  /** null: a letter of the installation. */
  centreId: string | null;
  eventId: string;
  eventType: string;
  template: string;
  recipient: string;
  language: Lang;
  reference: string | null;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  resends: number;
  lastResentAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  nextAttemptAt: Date;
}

interface DeliveryLogRow {
  id: string;
  centre_id: string | null;
  event_id: string;
  event_type: string;
  template: string;
  recipient: string;
  language: Lang;
  reference: string | null;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  resends: number;
  last_resent_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
  next_attempt_at: Date;
}

/**
 * Queues messages: one delivery per (event, recipient, template), whatever NATS redelivers; and
 * reads the delivery log.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly preferences: PreferencesService,
  ) {}

  /**
   * Renders and queues a message in the caller's transaction, in the recipient's preferred
   * language (a stored preference overrides the event's), in the name of `letterhead`'s centre
   * (or of the installation), whose sender is frozen on the delivery. Returns the delivery's id,
   * or null when this (event, recipient, template) was queued before.
   */
  async queue<T extends TemplateName>(
    manager: EntityManager,
    event: MessageSourceRef,
    template: T,
    recipient: Recipient,
    data: TemplateData[T],
    reference: string | null,
    letterhead: Letterhead,
  ): Promise<string | null> {
    const language = await this.preferences.languageFor(manager, recipient);
    const message = renderMessage(
      template,
      language,
      { ...data, name: recipient.name },
      letterhead.frame,
    );
    const now = this.clock.now();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications.deliveries (event_id, event_type, template, recipient, recipient_name, language, reference,
          subject, text, html, status, attempts, next_attempt_at, correlation_id, created_at, centre_id, mail_from, reply_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', 0, $11, $12, $11, $13, $14, $15)
       ON CONFLICT (event_id, recipient, template) DO NOTHING
       RETURNING id`,
      [
        event.id,
        event.type,
        template,
        recipient.email.toLowerCase(),
        recipient.name,
        language,
        reference,
        message.subject,
        message.text,
        message.html,
        now,
        RequestContext.current()?.correlationId ?? event.correlationId ?? event.id,
        letterhead.centreId,
        letterhead.mailFrom,
        letterhead.replyTo,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** One page of the delivery log and how many deliveries match in all. */
  async log(filter: DeliveryLogFilter): Promise<{ total: number; entries: DeliveryLogEntry[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    // Recipients are stored lower-cased.
    if (filter.recipient) add('recipient = ?', filter.recipient.toLowerCase());
    if (filter.reference) add('reference = ?', filter.reference);
    if (filter.status) add('status = ?', filter.status);
    if (filter.template) add('template = ?', filter.template);
    if (filter.centreId) add('centre_id = ?', filter.centreId);
    if (filter.from) add('created_at >= ?', filter.from);
    if (filter.to) add('created_at < ?', filter.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM deliveries ${clause}`,
      params,
    );
    const rows: DeliveryLogRow[] = await this.dataSource.query(
      `SELECT ${LOG_COLUMNS}
         FROM deliveries ${clause}
        ORDER BY created_at DESC, id
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { total, entries: rows.map(toEntry) };
  }

  /** One delivery as the log shows it, or null. */
  async get(id: string): Promise<DeliveryLogEntry | null> {
    const rows: DeliveryLogRow[] = await this.dataSource.query(
      `SELECT ${LOG_COLUMNS} FROM notifications.deliveries WHERE id = $1`,
      [id],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }
}

const LOG_COLUMNS = `id, centre_id, event_id, event_type, template, recipient, language, reference, subject, status, attempts,
  last_error, message_id, resends, last_resent_at, sent_at, created_at, next_attempt_at`;

function toEntry(r: DeliveryLogRow): DeliveryLogEntry {
  return {
    id: r.id,
    centreId: r.centre_id,
    eventId: r.event_id,
    eventType: r.event_type,
    template: r.template,
    recipient: r.recipient,
    language: r.language,
    reference: r.reference,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    messageId: r.message_id,
    resends: r.resends,
    lastResentAt: r.last_resent_at,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
  };
}
