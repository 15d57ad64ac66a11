import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  Clock,
  LeaseHeartbeat,
  leaseTiming,
  PollingWorker,
  RequestContext,
  type LeaseTiming,
  type PassContext,
  type PassResult,
  type WorkerMetrics,
} from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { MailerService } from './mailer.service.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { DeliveryStore, type ClaimedDelivery, type LeaseKey } from './delivery-store.js';
import {
  UnrecordedOutcomes,
  type RefusedOutcome,
  type SentOutcome,
  type UnrecordedOutcome,
} from './unrecorded-outcomes.js';
import {
  afterFailure,
  isPermanentSmtpError,
  messageIdFor,
  type RetrySchedule,
} from './domain/retry-schedule.js';

/** Messages in flight per replica (the SMTP pool queues beyond its connections). */
const IN_FLIGHT = 20;
/** The sender's wait after failed passes (the database away): 250 ms doubling up to 5 s. */
const FAILURE_BACKOFF = { baseMs: 250, maxMs: 5000 };

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 2000);

/**
 * Sends pending deliveries (docs/architecture.md#e-mail-delivery). A replica claims due rows
 * (FOR UPDATE SKIP LOCKED) with a short lease (MAIL_LEASE_SECONDS, database time) that a
 * heartbeat renews while the message is in flight, so a replacement takes over a dead process's
 * rows within one lease. Each message goes out on its own, outside any transaction, with the same
 * Message-ID on every attempt; then the outcome is recorded:
 * - `sent`; or, when the database does not answer, the fact is held in the process (bounded by
 *   MAIL_UNRECORDED_MAX, its lease kept alive) and recorded before anything else as soon as the
 *   database answers — an accepted e-mail is never sent again because the database was away;
 * - a retry on the capped exponential schedule, or `failed` when the schedule is over
 *   (MAIL_RETRY_FOR_HOURS, or MAIL_MAX_ATTEMPTS when set) or at once for a permanent refusal.
 * A claim of a row whose earlier claim ran out without an outcome is a resend with the same
 * Message-ID: counted in `resends` and `owes_delivery_resends_total{reason="resent_same_id"}`.
 * The loop is the shared `PollingWorker`, woken after a delivery is queued, polling every second.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliverySender');
  private readonly worker: PollingWorker<PassResult>;
  private readonly heartbeat: LeaseHeartbeat<LeaseKey>;
  private readonly unrecorded: UnrecordedOutcomes;
  private readonly lease: LeaseTiming;
  private readonly schedule: RetrySchedule;
  /** Outcomes held since the holding began (for the log line when they are all recorded). */
  private heldInEpisode = 0;
  /** A pass failed (the database did not answer) and none has succeeded since. */
  private databaseAway = false;
  /**
   * Monotonic moment (performance.now()) before which this process takes over no lapsed claims:
   * a lease that ran out while the database was away says nothing about its holder being dead,
   * and a live holder records or renews within its longest backoff plus one lease of the
   * database answering again.
   */
  private takeOverAfter = 0;

  constructor(
    private readonly store: DeliveryStore,
    private readonly mailer: MailerService,
    private readonly clock: Clock,
    private readonly env: NotificationsEnv,
    private readonly counters: DeliveryMetrics,
  ) {
    this.lease = leaseTiming(env.MAIL_LEASE_SECONDS * 1000);
    this.schedule = {
      baseMs: env.MAIL_RETRY_BASE_MS,
      maxMs: env.MAIL_RETRY_MAX_MS,
      forMs: env.MAIL_RETRY_FOR_HOURS * 3_600_000,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
    };
    this.unrecorded = new UnrecordedOutcomes(env.MAIL_UNRECORDED_MAX);
    this.worker = new PollingWorker({
      name: 'DeliverySender',
      pollMs: 1000,
      maxInFlight: IN_FLIGHT,
      failureBackoff: FAILURE_BACKOFF,
      pass: (context) => this.sendDue(context),
    });
    this.heartbeat = new LeaseHeartbeat({
      name: 'DeliveryLeases',
      everyMs: this.lease.renewEveryMs,
      renew: (held) => this.store.renew(held, this.lease.leaseMs),
    });
  }

  onApplicationBootstrap(): void {
    this.heartbeat.start();
    this.worker.start();
  }

  /**
   * Stops claiming, waits for the messages in flight, records what it holds if the database
   * answers (otherwise those e-mails go out again, with the same Message-ID, after their lease).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    await this.recordHeld().catch((error: Error) =>
      this.logger.error(
        { unrecorded: this.unrecorded.size, error: error.message },
        'E-mail outcomes not recorded at shutdown: those e-mails will be sent again with the same Message-ID',
      ),
    );
    await this.heartbeat.stop();
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

  /** Accepted e-mails whose `sent` state this process still holds (the database did not answer). */
  get unrecordedOutcomes(): number {
    return this.unrecorded.size;
  }

  /**
   * One pass: records the outcomes it holds first (a failure fails the pass, and the worker backs
   * off), then claims as many due deliveries as there are free slots and room to hold outcomes.
   */
  private async sendDue({ capacity, track }: PassContext): Promise<PassResult> {
    let claimed: ClaimedDelivery[];
    try {
      await this.recordHeld();
      // Room for the outcome of everything claimed: what is held or in flight counts.
      const room = this.unrecorded.capacity - this.heartbeat.size;
      const limit = Math.min(capacity, room);
      if (limit <= 0) return { processed: 0 };
      if (this.databaseAway) {
        this.databaseAway = false;
        this.takeOverAfter = performance.now() + this.lease.leaseMs + FAILURE_BACKOFF.maxMs;
      }
      claimed = await this.store.claim(
        limit,
        this.lease.leaseMs,
        performance.now() >= this.takeOverAfter,
      );
    } catch (error) {
      this.databaseAway = true;
      throw error;
    }
    for (const delivery of claimed) {
      this.heartbeat.hold(delivery.id, { id: delivery.id, attempts: delivery.attempts });
      track(this.deliver(delivery));
    }
    const oldest = Math.min(...claimed.map((d) => +d.dueAt));
    return {
      processed: claimed.length,
      more: claimed.length === capacity,
      lagMs: claimed.length > 0 ? Math.max(0, this.clock.now().getTime() - oldest) : 0,
    };
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const correlationId = delivery.correlationId ?? delivery.eventId;
    await RequestContext.run({ correlationId }, async () => {
      // The sender frozen when it was queued (MAIL_FROM for rows queued before it was frozen):
      // the same From and Message-ID on every attempt, whatever the centre changed meanwhile.
      const frozen = delivery.mailFrom !== null;
      const from = delivery.mailFrom ?? this.env.MAIL_FROM;
      const replyTo = frozen ? delivery.replyTo : (this.env.MAIL_REPLY_TO ?? null);
      const messageId = messageIdFor(delivery.id, from);
      if (delivery.takeover) {
        this.counters.resends.inc({ reason: 'resent_same_id' });
        this.logger.warn(
          { deliveryId: delivery.id, attempt: delivery.attempts, messageId },
          'Sending again with the same Message-ID: an earlier claim ran out without an outcome',
        );
      }
      try {
        await this.mailer.send({
          to: delivery.recipient,
          subject: delivery.subject,
          text: delivery.text,
          html: delivery.html,
          deliveryId: delivery.id,
          messageId,
          from,
          replyTo,
        });
      } catch (error) {
        const permanent = isPermanentSmtpError(error);
        this.counters.smtpErrors.inc({ kind: permanent ? 'permanent' : 'transient' });
        const refused: RefusedOutcome = {
          kind: 'refused',
          deliveryId: delivery.id,
          attempts: delivery.attempts,
          delivery,
          error: errorText(error),
          permanent,
          correlationId,
        };
        try {
          await this.recordRefusal(refused);
          this.heartbeat.release(delivery.id);
        } catch (dbError) {
          // Not a crashed send: hold it (lease kept) so no replica takes it for one.
          this.hold(refused, dbError);
        }
        return;
      }
      this.counters.sent.inc();
      const outcome: SentOutcome = {
        kind: 'sent',
        deliveryId: delivery.id,
        attempts: delivery.attempts,
        centreId: delivery.centreId,
        eventId: delivery.eventId,
        template: delivery.template,
        recipient: delivery.recipient,
        reference: delivery.reference,
        messageId,
        sentAt: this.clock.now(),
        correlationId,
      };
      try {
        await this.store.markSent(outcome);
        this.heartbeat.release(delivery.id);
        this.logger.log({ deliveryId: delivery.id, template: delivery.template }, 'E-mail sent');
      } catch (error) {
        // Accepted, not recorded: hold the fact (its lease stays renewed) until the database answers.
        this.hold(outcome, error);
      }
    });
  }

  private hold(outcome: UnrecordedOutcome, error: unknown): void {
    if (this.unrecorded.size === 0) {
      this.heldInEpisode = 0;
      this.logger.warn(
        { deliveryId: outcome.deliveryId, outcome: outcome.kind, error: errorText(error) },
        'Holding e-mail outcomes the database did not record (it did not answer): they will be recorded when it does',
      );
    }
    this.unrecorded.add(outcome);
    this.heldInEpisode += 1;
    this.counters.unrecorded.set(this.unrecorded.size);
  }

  /** Records the held outcomes, oldest first; throws (keeping the rest) when the database fails. */
  private async recordHeld(): Promise<void> {
    if (this.unrecorded.size === 0) return;
    for (const outcome of this.unrecorded.list()) {
      if (outcome.kind === 'sent') await this.store.markSent(outcome);
      else {
        await RequestContext.run({ correlationId: outcome.correlationId }, () =>
          this.recordRefusal(outcome),
        );
      }
      this.unrecorded.remove(outcome.deliveryId);
      this.heartbeat.release(outcome.deliveryId);
      this.counters.unrecorded.set(this.unrecorded.size);
    }
    this.logger.warn(
      { recorded: this.heldInEpisode },
      'Recorded all held e-mail outcomes now that the database answers',
    );
  }

  /** A refused send: the next attempt on the schedule, or `failed` when it is over (or permanent). */
  private async recordRefusal(refused: RefusedOutcome): Promise<void> {
    const { delivery, error: message } = refused;
    const next = afterFailure(
      {
        attempts: delivery.attempts,
        startedAt: new Date(delivery.retryFrom),
        now: this.clock.now(),
        permanent: refused.permanent,
      },
      this.schedule,
    );
    if (next.kind === 'fail') {
      if (await this.store.markFailed(delivery, message)) {
        this.logger.error(
          {
            deliveryId: delivery.id,
            attempts: delivery.attempts,
            reason: next.reason,
            error: message,
          },
          'E-mail failed for good',
        );
      }
      return;
    }
    await this.store.scheduleRetry(delivery, next.at, message);
    this.logger.warn(
      {
        deliveryId: delivery.id,
        attempt: delivery.attempts,
        retryInMs: next.delayMs,
        error: message,
      },
      'E-mail not sent, will retry',
    );
  }
}
