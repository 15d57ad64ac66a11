import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  backoffMs,
  Clock,
  OutboxService,
  PollingWorker,
  RequestContext,
  type PassContext,
  type PassResult,
  type WorkerMetrics,
} from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { MailerService } from './mailer.service.js';
import type { Delivery } from './delivery.entity.js';

/** How long a claimed delivery stays invisible to other replicas while it is being sent (database time). */
const LEASE = '2 minutes';
/** Messages in flight per replica (the SMTP pool queues beyond its connections). */
const IN_FLIGHT = 20;

type Claimed = Pick<
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
> & { dueAt: Date };

/** SMTP 5xx is permanent (the address or the message is refused), except 552 (mailbox full). */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && code !== 552;
}

/** The wait after the `attempt`-th failed send: base × 2^(attempt−1), capped (the shared `backoffMs`). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return backoffMs(attempt, { baseMs, maxMs });
}

/**
 * Sends pending deliveries. A replica claims due rows (FOR UPDATE SKIP LOCKED) by taking a lease
 * on them (database time, so skewed replica clocks cannot break it), sends them outside any
 * transaction, each on its own (a slow or failing message holds up no other: the loop claims
 * more as soon as a slot is free), then records the outcome: `sent`, or a retry with capped
 * exponential backoff, or `failed` with the error after MAIL_MAX_ATTEMPTS or at once for a
 * permanent refusal (SMTP 5xx). The loop is the shared `PollingWorker`, at most IN_FLIGHT
 * messages in flight: woken at once after a delivery is queued; polls every second otherwise.
 * Times come from the injected Clock.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliverySender');
  private readonly worker: PollingWorker<PassResult>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly env: NotificationsEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'DeliverySender',
      pollMs: 1000,
      maxInFlight: IN_FLIGHT,
      pass: (context) => this.sendDue(context),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Stops claiming and waits for the messages in flight. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Makes the sender look for due deliveries now, not at its next poll. */
  wake(): void {
    this.worker.wake();
  }

  /** Claims and sends one batch of due deliveries, waiting for their outcomes; returns how many. Exposed for tests. */
  async runOnce(): Promise<number> {
    return (await this.worker.runOnce()).processed;
  }

  /** The sender's counters (claims, messages started, failures, in flight, lag behind due). */
  metrics(): WorkerMetrics {
    return this.worker.metrics();
  }

  /** One pass: claims as many due deliveries as there are free slots and starts sending each. */
  private async sendDue({ capacity, track }: PassContext): Promise<PassResult> {
    const claimed = await this.claim(capacity);
    for (const delivery of claimed) track(this.deliver(delivery));
    const oldest = Math.min(...claimed.map((d) => +d.dueAt));
    return {
      processed: claimed.length,
      more: claimed.length === capacity,
      lagMs: claimed.length > 0 ? Math.max(0, this.clock.now().getTime() - oldest) : 0,
    };
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const [rows] = await this.dataSource.query(
      `WITH due AS (
          SELECT id FROM notifications.deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < now())
           ORDER BY next_attempt_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
       UPDATE notifications.deliveries d SET lease_until = now() + interval '${LEASE}', attempts = attempts + 1
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.event_id AS "eventId", d.template, d.recipient, d.reference, d.subject, d.text, d.html,
                 d.attempts, d.correlation_id AS "correlationId", d.next_attempt_at AS "dueAt"`,
      [this.clock.now(), limit],
    );
    return rows as Claimed[];
  }

  private async deliver(delivery: Claimed): Promise<void> {
    await RequestContext.run(
      { correlationId: delivery.correlationId ?? delivery.eventId },
      async () => {
        let messageId: string;
        try {
          messageId = await this.mailer.send({
            to: delivery.recipient,
            subject: delivery.subject,
            text: delivery.text,
            html: delivery.html,
            messageId: delivery.id,
          });
        } catch (error) {
          await this.recordFailure(delivery, error).catch((dbError: Error) =>
            // The lease runs out and the message is tried again.
            this.logger.error(
              { deliveryId: delivery.id, error: dbError.message },
              'Could not record a send failure',
            ),
          );
          return;
        }
        try {
          // The status and its event in one statement: the hot path of every e-mail.
          await this.outbox.executeWithEvent(
            `UPDATE notifications.deliveries SET status = 'sent', sent_at = $2, message_id = $3, last_error = NULL, lease_until = NULL
              WHERE id = $1`,
            [delivery.id, this.clock.now(), messageId],
            'notifications.email.sent',
            {
              deliveryId: delivery.id,
              eventId: delivery.eventId,
              template: delivery.template,
              recipient: delivery.recipient,
              reference: delivery.reference ?? undefined,
              at: this.clock.now().toISOString(),
            },
          );
          this.logger.log({ deliveryId: delivery.id, template: delivery.template }, 'E-mail sent');
        } catch (error) {
          // Sent, but not recorded: after the lease it would go out again (at least once at the SMTP
          // boundary); its Message-ID is the delivery id, so the copy is recognisable.
          this.logger.error(
            { deliveryId: delivery.id, error: (error as Error).message },
            'E-mail sent but not recorded',
          );
        }
      },
    );
  }

  private async recordFailure(delivery: Claimed, error: unknown): Promise<void> {
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    if (isPermanentSmtpError(error) || delivery.attempts >= this.env.MAIL_MAX_ATTEMPTS) {
      await this.outbox.transaction(async (manager, emit) => {
        await manager.query(
          `UPDATE notifications.deliveries SET status = 'failed', last_error = $2, lease_until = NULL WHERE id = $1`,
          [delivery.id, message],
        );
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
      this.logger.error(
        { deliveryId: delivery.id, attempts: delivery.attempts, error: message },
        'E-mail failed for good',
      );
      return;
    }
    const delay = retryDelayMs(
      delivery.attempts,
      this.env.MAIL_RETRY_BASE_MS,
      this.env.MAIL_RETRY_MAX_MS,
    );
    await this.dataSource.query(
      `UPDATE notifications.deliveries SET next_attempt_at = $2, last_error = $3, lease_until = NULL WHERE id = $1`,
      [delivery.id, new Date(this.clock.now().getTime() + delay), message],
    );
    this.logger.warn(
      { deliveryId: delivery.id, attempt: delivery.attempts, retryInMs: delay, error: message },
      'E-mail not sent, will retry',
    );
  }
}
