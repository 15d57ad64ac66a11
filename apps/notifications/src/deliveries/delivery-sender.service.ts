import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, OutboxService, RequestContext } from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { MailerService } from './mailer.service.js';
import type { Delivery } from './delivery.entity.js';

/** How long a claimed delivery stays invisible to other replicas while it is being sent. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;

/**
 * Sends pending deliveries. A replica claims due rows (FOR UPDATE SKIP LOCKED) by pushing their
 * next attempt past a lease, sends them in parallel outside any transaction (a slow SMTP server
 * blocks no other message), then records the outcome: `sent`, or a retry with exponential
 * backoff, or `failed` after MAIL_MAX_ATTEMPTS. Woken at once after a delivery is queued; polls
 * every second otherwise.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliverySender');
  private stopped = false;
  private running?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly env: NotificationsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let handled = 0;
      try {
        this.woken = false;
        handled = await this.runOnce();
      } catch (error) {
        this.logger.warn(`Delivery round failed: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      if (handled >= BATCH || this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  /** Claims and sends one batch of due deliveries; returns how many. Exposed for tests. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const claimed: Delivery[] = (
      await this.dataSource.query(
        `UPDATE deliveries SET next_attempt_at = $2, attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM deliveries
             WHERE status = 'pending' AND next_attempt_at <= $1
             ORDER BY next_attempt_at
             LIMIT ${BATCH}
             FOR UPDATE SKIP LOCKED)
          RETURNING id, event_id AS "eventId", template, recipient, reference, subject, text, html,
                    attempts, correlation_id AS "correlationId"`,
        [now, new Date(now.getTime() + LEASE_MS)],
      )
    )[0];
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return claimed.length;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    await RequestContext.run({ correlationId: delivery.correlationId ?? delivery.eventId }, async () => {
      try {
        const messageId = await this.mailer.send({
          to: delivery.recipient,
          subject: delivery.subject,
          text: delivery.text,
          html: delivery.html,
          messageId: delivery.id,
        });
        await this.outbox.transaction(async (manager, emit) => {
          await manager.query(
            `UPDATE deliveries SET status = 'sent', sent_at = $2, message_id = $3, last_error = NULL WHERE id = $1`,
            [delivery.id, this.clock.now(), messageId],
          );
          await emit('notifications.email.sent', {
            deliveryId: delivery.id,
            eventId: delivery.eventId,
            template: delivery.template,
            recipient: delivery.recipient,
            reference: delivery.reference ?? undefined,
            at: this.clock.now().toISOString(),
          });
        });
        this.logger.log({ deliveryId: delivery.id, template: delivery.template }, 'E-mail sent');
      } catch (error) {
        const message = String((error as Error).message ?? error).slice(0, 2000);
        const permanent = (error as { responseCode?: number }).responseCode !== undefined &&
          (error as { responseCode: number }).responseCode >= 500 &&
          (error as { responseCode: number }).responseCode < 600 &&
          (error as { responseCode: number }).responseCode !== 552;
        const exhausted = delivery.attempts >= this.env.MAIL_MAX_ATTEMPTS;
        if (permanent || exhausted) {
          await this.outbox.transaction(async (manager, emit) => {
            await manager.query(`UPDATE deliveries SET status = 'failed', last_error = $2 WHERE id = $1`, [
              delivery.id,
              message,
            ]);
            await emit('notifications.email.failed', {
              deliveryId: delivery.id,
              eventId: delivery.eventId,
              template: delivery.template,
              recipient: delivery.recipient,
              reference: delivery.reference ?? undefined,
              at: this.clock.now().toISOString(),
              error: message,
            });
          });
          this.logger.error({ deliveryId: delivery.id, error: message }, 'E-mail failed for good');
        } else {
          const delay = this.env.MAIL_RETRY_BASE_MS * 2 ** (delivery.attempts - 1);
          await this.dataSource.query(
            `UPDATE deliveries SET next_attempt_at = $2, last_error = $3 WHERE id = $1`,
            [delivery.id, new Date(this.clock.now().getTime() + delay), message],
          );
          this.logger.warn({ deliveryId: delivery.id, attempt: delivery.attempts, retryInMs: delay, error: message }, 'E-mail not sent, will retry');
        }
      }
    });
  }
}
