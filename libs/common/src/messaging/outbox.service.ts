import {
  Inject,
  Injectable,
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
import { PollingWorker, type PassResult, type WorkerMetrics } from '../worker/polling-worker.js';
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
  private readonly batchSize = 200;
  /**
   * The relay: woken after every commit that wrote events, else polls every `relayPollMs`;
   * goes again at once after a full batch; after a failure backs off 400 ms, doubling up to 5 s.
   */
  private readonly relay: PollingWorker<PassResult>;
  private unsubscribeReconnect?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamService,
    private readonly clock: Clock,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.relay = new PollingWorker({
      name: 'OutboxRelay',
      pollMs: options.relayPollMs ?? MESSAGING_DEFAULTS.relayPollMs,
      failureBackoff: { baseMs: 400, maxMs: 5000 },
      pass: () => this.relayBatch(),
    });
  }

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

  /** Makes the relay publish now (after the running batch), not at its next poll. */
  wake(): void {
    this.relay.wake();
  }

  onApplicationBootstrap(): void {
    // NATS back after an outage: publish what waited now, not at the end of the backoff.
    this.unsubscribeReconnect = this.jetstream.onReconnect(() => this.wake());
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribeReconnect?.();
    await this.relay.stop();
  }

  /** The relay's counters (batches, events published, failures, lag of the oldest event). */
  metrics(): WorkerMetrics {
    return this.relay.metrics();
  }

  /**
   * Publishes one batch of waiting events now (after the relay's running batch, never beside
   * it); returns how many were published. Throws when a publish failed.
   */
  async relayOnce(): Promise<number> {
    return (await this.relay.runOnce()).processed;
  }

  /**
   * Publishes one batch of waiting events and marks what JetStream acknowledged. A publish
   * failure stops the batch: what went out is marked, the rest waits, and the error is rethrown
   * after the commit so the relay backs off.
   */
  private async relayBatch(): Promise<PassResult> {
    // While NATS is away a publish would only wait for its timeout: fail the pass at once (the
    // relay backs off and is woken by the reconnect) and leave the rows untouched.
    this.jetstream.assertConnected();
    let failure: unknown;
    let lagMs = 0;
    const count = await this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        subject: string;
        /** The envelope as stored (jsonb's text): published as it is, never parsed here. */
        envelope: string;
        correlation_id: string;
        created_at: Date;
      }[] = await manager.query(
        `SELECT id, subject, envelope::text AS envelope, correlation_id, created_at FROM outbox
            WHERE published_at IS NULL
            ORDER BY seq
            LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length > 0) lagMs = Math.max(0, this.clock.now().getTime() - +rows[0]!.created_at);
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
            row.envelope,
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
    return { processed: count, more: count >= this.batchSize, lagMs };
  }
}
