import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, OutboxService, RequestContext } from '@app/common';
import type { Delivery } from './delivery.entity.js';
import type { SentOutcome } from './unrecorded-outcomes.js';

/** A delivery claimed by a sender, as it needs it to send and record the outcome. */
export type ClaimedDelivery = Pick<
  Delivery,
  | 'id'
  | 'eventId'
  | 'template'
  | 'recipient'
  | 'reference'
  | 'subject'
  | 'text'
  | 'html'
  | 'attempts'
  | 'correlationId'
  | 'centreId'
  | 'mailFrom'
  | 'replyTo'
> & {
  dueAt: Date;
  /** When the retry schedule started (queued, or re-sent by an operator). */
  retryFrom: Date;
  /** An earlier claim ran out without an outcome: this is a resend with the same Message-ID. */
  takeover: boolean;
};

/** The claim a lease belongs to: the delivery and its attempt number when it was claimed. */
export interface LeaseKey {
  id: string;
  attempts: number;
}

/**
 * The delivery sender's SQL. A claim is a lease (database time, so skewed replica clocks cannot
 * break it) and the attempt number it set: every later write of the claim's holder (renewal,
 * retry, failure) names that number, so a holder whose lease ran out and was taken over cannot
 * disturb the new holder. Only `sent` is written whatever the claim: the message went out.
 */
@Injectable()
export class DeliveryStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims up to `limit` due deliveries for `leaseMs`; rows whose lease ran out without an
   * outcome only when `takeOver` (counted in `resends`).
   */
  async claim(limit: number, leaseMs: number, takeOver: boolean): Promise<ClaimedDelivery[]> {
    const [rows] = await this.dataSource.query(
      `WITH due AS (
          SELECT id, lease_until FROM notifications.deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1
             AND (lease_until IS NULL OR ($3 AND lease_until < now()))
           ORDER BY next_attempt_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
       UPDATE notifications.deliveries d
          SET lease_until = now() + $4::float8 * interval '1 millisecond', attempts = d.attempts + 1,
              resends = d.resends + CASE WHEN due.lease_until IS NULL THEN 0 ELSE 1 END,
              last_resent_at = CASE WHEN due.lease_until IS NULL THEN d.last_resent_at ELSE $1 END
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.event_id AS "eventId", d.template, d.recipient, d.reference, d.subject, d.text, d.html,
                 d.attempts, d.correlation_id AS "correlationId", d.centre_id AS "centreId",
                 d.mail_from AS "mailFrom", d.reply_to AS "replyTo", d.next_attempt_at AS "dueAt",
                 COALESCE(d.retry_from, d.created_at) AS "retryFrom", due.lease_until IS NOT NULL AS "takeover"`,
      [this.clock.now(), limit, takeOver, leaseMs],
    );
    return rows as ClaimedDelivery[];
  }

  /** Extends the leases of claims still held (one statement for all). */
  async renew(held: LeaseKey[], leaseMs: number): Promise<void> {
    if (held.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifications.deliveries d SET lease_until = now() + $3::float8 * interval '1 millisecond'
         FROM unnest($1::uuid[], $2::int[]) AS h(id, attempts)
        WHERE d.id = h.id AND d.attempts = h.attempts AND d.status = 'pending'`,
      [held.map((h) => h.id), held.map((h) => h.attempts), leaseMs],
    );
  }

  /** Records an accepted e-mail as `sent`, with its `notifications.email.sent` event (one statement). */
  async markSent(outcome: SentOutcome): Promise<void> {
    await RequestContext.run({ correlationId: outcome.correlationId }, () =>
      this.outbox.executeWithEvent(
        `UPDATE notifications.deliveries SET status = 'sent', sent_at = $2, message_id = $3, last_error = NULL, lease_until = NULL
          WHERE id = $1`,
        [outcome.deliveryId, outcome.sentAt, outcome.messageId],
        'notifications.email.sent',
        {
          deliveryId: outcome.deliveryId,
          ...(outcome.centreId ? { centreId: outcome.centreId } : {}),
          eventId: outcome.eventId,
          template: outcome.template,
          recipient: outcome.recipient,
          reference: outcome.reference ?? undefined,
          at: outcome.sentAt.toISOString(),
        },
      ),
    );
  }

  /** Schedules the next attempt of a claim still held; false when the claim was taken over. */
  async scheduleRetry(claim: LeaseKey, at: Date, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE notifications.deliveries SET next_attempt_at = $2, last_error = $3, lease_until = NULL
        WHERE id = $1 AND attempts = $4 AND status = 'pending'`,
      [claim.id, at, error, claim.attempts],
    );
    return count > 0;
  }

  /** Ends a held claim `failed`, with its `notifications.email.failed` event; false when taken over. */
  async markFailed(delivery: ClaimedDelivery, error: string): Promise<boolean> {
    return this.outbox.transaction(async (manager, emit) => {
      const [rows] = await manager.query(
        `UPDATE notifications.deliveries SET status = 'failed', last_error = $2, lease_until = NULL
          WHERE id = $1 AND attempts = $3 AND status = 'pending' RETURNING id`,
        [delivery.id, error, delivery.attempts],
      );
      if ((rows as unknown[]).length === 0) return false;
      await emit('notifications.email.failed', {
        deliveryId: delivery.id,
        ...(delivery.centreId ? { centreId: delivery.centreId } : {}),
        eventId: delivery.eventId,
        template: delivery.template,
        recipient: delivery.recipient,
        reference: delivery.reference ?? undefined,
        at: this.clock.now().toISOString(),
        error,
      });
      return true;
    });
  }
}
