import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, RequestContext, type EventEnvelope, type Recipient } from '@app/common';
import { renderMessage } from '../templates/render.js';
import type { TemplateName } from '../templates/catalogue.js';

/** Queues messages: one delivery per (event, recipient, template), whatever NATS redelivers. */
@Injectable()
export class DeliveriesService {
  constructor(private readonly clock: Clock) {}

  /** Renders and queues a message in the handler's transaction; returns false for a duplicate. */
  async queue(
    manager: EntityManager,
    event: EventEnvelope,
    template: TemplateName,
    recipient: Recipient,
    data: Record<string, unknown>,
    reference: string | null,
  ): Promise<boolean> {
    const message = renderMessage(template, recipient.language, { ...data, name: recipient.name });
    const now = this.clock.now();
    const rows: unknown[] = await manager.query(
      `INSERT INTO deliveries (event_id, event_type, template, recipient, recipient_name, language, reference,
          subject, text, html, status, attempts, next_attempt_at, correlation_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', 0, $11, $12, $11)
       ON CONFLICT (event_id, recipient, template) DO NOTHING
       RETURNING id`,
      [
        event.id,
        event.type,
        template,
        recipient.email.toLowerCase(),
        recipient.name,
        recipient.language,
        reference,
        message.subject,
        message.text,
        message.html,
        now,
        RequestContext.current()?.correlationId ?? event.correlationId,
      ],
    );
    return rows.length > 0;
  }
}
