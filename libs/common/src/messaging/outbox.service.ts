import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DataSource, type EntityManager } from 'typeorm';
import { createEvent, type EventEnvelope } from '../events/envelope.js';
import type { EventPayload, EventSubject } from '../events/contracts.js';
import { wireSubject } from '../events/streams.js';
import { RequestContext, CORRELATION_HEADER } from '../context/request-context.js';
import { Clock } from '../time/clock.js';
import { JetStreamService } from './jetstream.service.js';
import {
  MESSAGING_DEFAULTS,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from './messaging.options.js';

/** Emits events into the outbox inside the caller's transaction. */
export type Emit = <S extends EventSubject>(
  type: S,
  payload: EventPayload<S>,
) => Promise<EventEnvelope<S>>;

/**
 * Writes an event into the outbox of the transaction's schema (the service's search_path). Used
 * by `OutboxService`, and by tools that write a service's data without booting it (demo seed).
 */
export async function insertOutboxEvent(
  manager: EntityManager,
  envelope: EventEnvelope,
): Promise<void> {
  await manager.query(
    `INSERT INTO outbox (id, subject, envelope, correlation_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [
      envelope.id,
      envelope.type,
      JSON.stringify(envelope),
      envelope.correlationId,
      envelope.occurredAt,
    ],
  );
}

/**
 * Transactional outbox (docs/architecture.md#outbox-and-relay): the business change and its events
 * are written in one transaction; the relay publishes them to JetStream with the event id as
 * `msgID` (so a retry after a crash between publish and mark is de-duplicated by the server) and
 * marks them sent after JetStream's ack. While NATS is down the rows wait and go out when it is
 * back.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private stopped = false;
  private running?: Promise<void>;
  private wakeUp?: () => void;
  private pendingWake = false;
  private failures = 0;
  private readonly batchSize = 200;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamService,
    private readonly clock: Clock,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** Adds events to the outbox using the given transaction's manager. */
  emitter(manager: EntityManager): Emit {
    return async (type, payload) => {
      const envelope = createEvent(type, payload, {
        correlationId: RequestContext.correlationId(),
        occurredAt: this.clock.now(),
      });
      await insertOutboxEvent(manager, envelope);
      return envelope;
    };
  }

  /**
   * Runs `work` in a transaction with an `emit` function; after the commit the relay is woken so
   * the events go out at once rather than at the next poll.
   */
  async transaction<T>(work: (manager: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction((manager) =>
      work(manager, this.emitter(manager)),
    );
    this.wake();
    return result;
  }

  /**
   * One data-modifying statement and the event it causes, written atomically as a single
   * statement (a data-modifying CTE) in its own implicit transaction: one round trip instead of
   * four (begin, change, event, commit). `sql` uses $1…$n for `params`.
   */
  async executeWithEvent<S extends EventSubject>(
    sql: string,
    params: unknown[],
    type: S,
    payload: EventPayload<S>,
  ): Promise<EventEnvelope<S>> {
    const envelope = createEvent(type, payload, {
      correlationId: RequestContext.correlationId(),
      occurredAt: this.clock.now(),
    });
    const n = params.length;
    await this.dataSource.query(
      `WITH change AS (${sql})
       INSERT INTO outbox (id, subject, envelope, correlation_id, created_at)
       VALUES ($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5})`,
      [
        ...params,
        envelope.id,
        envelope.type,
        JSON.stringify(envelope),
        envelope.correlationId,
        envelope.occurredAt,
      ],
    );
    this.wake();
    return envelope;
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    const pollMs = this.options.relayPollMs ?? MESSAGING_DEFAULTS.relayPollMs;
    while (!this.stopped) {
      let published = 0;
      try {
        this.pendingWake = false;
        published = await this.relayOnce();
        if (this.failures > 0) this.logger.log('Outbox relay publishing again');
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(
            `Outbox relay failed (${this.failures}×), will retry: ${(error as Error).message}`,
          );
        }
      }
      if (this.stopped) break;
      if (published >= this.batchSize) continue;
      const delay =
        this.failures > 0 ? Math.min(200 * 2 ** Math.min(this.failures, 5), 5000) : pollMs;
      if (this.failures === 0 && this.pendingWake) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  /**
   * Publishes one batch of waiting events and marks what JetStream acknowledged; returns how
   * many were published. A publish failure stops the batch: what went out is marked, the rest
   * waits, and the error is rethrown after the commit so the loop backs off.
   */
  async relayOnce(): Promise<number> {
    let failure: unknown;
    const count = await this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        subject: string;
        envelope: EventEnvelope;
        correlation_id: string;
      }[] = await manager.query(
        `SELECT id, subject, envelope, correlation_id FROM outbox
            WHERE published_at IS NULL
            ORDER BY seq
            LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      // The batch is published in order on one connection without waiting for each ack in
      // turn (the writes coalesce); what is marked sent is the acknowledged prefix. An event
      // after a failed one that did go out is published again later and de-duplicated by the
      // server (msgID), so nothing is lost or doubled.
      const acks = await Promise.allSettled(
        rows.map((row) => {
          const h = natsHeaders();
          h.set(CORRELATION_HEADER, row.correlation_id);
          return this.jetstream.js.publish(
            wireSubject(row.subject, this.options.prefix),
            JSON.stringify(row.envelope),
            { msgID: row.id, headers: h, timeout: 5000 },
          );
        }),
      );
      const firstFailure = acks.findIndex((a) => a.status === 'rejected');
      const done = (firstFailure === -1 ? rows : rows.slice(0, firstFailure)).map((r) => r.id);
      if (firstFailure !== -1) {
        const error = (acks[firstFailure] as PromiseRejectedResult).reason;
        failure = error;
        await manager.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
          [rows[firstFailure]!.id, String((error as Error)?.message ?? error).slice(0, 2000)],
        );
      }
      if (done.length > 0) {
        // Marking an event sent need not wait for the disk: were the mark lost in a crash, the
        // event would be published again and de-duplicated by its msgID.
        await manager.query(`SET LOCAL synchronous_commit = off`);
        await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [
          done,
        ]);
      }
      return done.length;
    });
    if (failure) throw failure;
    return count;
  }
}
