import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, RequestContext, type Recipient } from '@app/common';
import { renderMessage } from '../templates/render.js';
import type { TemplateName } from '../templates/catalogue.js';
import { PreferencesService } from '../preferences/preferences.service.js';

/** What caused a message: an event (its envelope fits) or a reminder (its id and kind). */
export interface MessageSourceRef {
  id: string;
  type: string;
  correlationId?: string;
}

/** Queues messages: one delivery per (event, recipient, template), whatever NATS redelivers. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly clock: Clock,
    private readonly preferences: PreferencesService,
  ) {}

  /**
   * Renders and queues a message in the caller's transaction, in the recipient's preferred
   * language (a stored preference overrides the event's). Returns the delivery's id, or null
   * when this (event, recipient, template) was queued before.
   */
  async queue(
    manager: EntityManager,
    event: MessageSourceRef,
    template: TemplateName,
    recipient: Recipient,
    data: Record<string, unknown>,
    reference: string | null,
  ): Promise<string | null> {
    const language = await this.preferences.languageFor(manager, recipient);
    const message = renderMessage(template, language, { ...data, name: recipient.name });
    const now = this.clock.now();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications.deliveries (event_id, event_type, template, recipient, recipient_name, language, reference,
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
        language,
        reference,
        message.subject,
        message.text,
        message.html,
        now,
        RequestContext.current()?.correlationId ?? event.correlationId ?? event.id,
      ],
    );
    return rows[0]?.id ?? null;
  }
}
