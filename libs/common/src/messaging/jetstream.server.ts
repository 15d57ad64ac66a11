import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  AckPolicy,
  DeliverPolicy,
  ReplayPolicy,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { InvalidEventError, parseEnvelope, type EventEnvelope } from '../events/envelope.js';
import { logicalSubject, producerOf, PRODUCERS, type Producer } from '../events/streams.js';
import { RequestContext } from '../context/request-context.js';
import { backoffMs } from '../worker/backoff.js';
import { JetStreamService } from './jetstream.service.js';
import { JetStreamContext, PermanentEventError } from './jetstream.context.js';
import { OutboxService } from './outbox.service.js';
import { MESSAGING_DEFAULTS } from './messaging.options.js';

/**
 * A Nest microservice transport over JetStream durable pull consumers, so event handlers are
 * ordinary `@EventPattern('<subject>')` methods. For every stream that has handlers the service
 * keeps one durable consumer named after the service (replicas share it: each message goes to
 * one of them). Each message is handled in one database transaction that first records
 * `(consumer, event id)` in the inbox: a redelivered event is acknowledged without a second
 * effect. Ack after commit; `nak` with a growing delay on failure; after `maxDeliver` deliveries,
 * or at once for an event that breaks its contract, `term` plus a dead-letter row.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('JetStreamServer');
  private readonly running: Promise<void>[] = [];
  private readonly iterators: ConsumerMessages[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly jetstream: JetStreamService,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  private get service(): string {
    return this.jetstream.options.service;
  }

  private get maxDeliver(): number {
    return this.jetstream.options.maxDeliver ?? MESSAGING_DEFAULTS.maxDeliver;
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      const producers = new Set<Producer>();
      for (const pattern of this.messageHandlers.keys()) producers.add(producerOf(pattern));
      for (const producer of PRODUCERS) {
        if (!producers.has(producer)) continue;
        const stream = this.jetstream.streamOf(producer);
        await this.ensureConsumer(stream);
        const consumer = await this.jetstream.js.consumers.get(stream, this.service);
        const messages = await consumer.consume({ max_messages: 64 });
        this.iterators.push(messages);
        this.running.push(this.pump(messages));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async ensureConsumer(stream: string): Promise<void> {
    const config = {
      durable_name: this.service,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      ack_wait: 30_000_000_000,
      max_ack_pending: 1000,
      // Unlimited at the server: this transport counts deliveries and dead-letters itself, so a
      // message is never dropped without a record.
      max_deliver: -1,
      // num_replicas unset (0): the consumer has as many replicas as its stream
      // (NATS_STREAM_REPLICAS) and follows it when the stream is scaled (docs/scaling.md#nats-jetstream).
    };
    try {
      await this.jetstream.jsm.consumers.info(stream, this.service);
    } catch {
      await this.jetstream.jsm.consumers.add(stream, config).catch(async (error) => {
        await this.jetstream.jsm.consumers.info(stream, this.service).catch(() => {
          throw error;
        });
      });
    }
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    const limit = this.jetstream.options.concurrency ?? MESSAGING_DEFAULTS.concurrency;
    for await (const msg of messages) {
      while (this.inFlight.size >= limit) await Promise.race(this.inFlight);
      const task: Promise<void> = this.handleMessage(msg)
        .catch((error) => this.log.error(`Unexpected failure on ${msg.subject}: ${String(error)}`))
        .finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  /** Handles one message; exposed for tests. */
  async handleMessage(msg: JsMsg): Promise<void> {
    const subject = logicalSubject(msg.subject, this.jetstream.options.prefix);
    const handler = this.getHandlerByPattern(subject);
    if (!handler) {
      msg.ack(); // an event this service does not consume
      return;
    }
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(subject, msg.json());
    } catch (error) {
      await this.giveUp(msg, subject, undefined, error);
      return;
    }
    await RequestContext.run({ correlationId: envelope.correlationId }, async () => {
      const hooks: (() => void)[] = [];
      let emitted = false;
      try {
        await this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.service, envelope.id, subject],
          );
          if (inserted.length === 0) {
            this.log.debug(`Duplicate ${subject} ${envelope.id} skipped`);
            return;
          }
          const emit = this.outbox.emitter(manager);
          const ctx = new JetStreamContext([
            msg,
            manager,
            envelope,
            (async (type: any, payload: any) => {
              emitted = true;
              return emit(type, payload);
            }) as any,
            (hook) => hooks.push(hook),
          ]);
          const result = await handler(envelope, ctx);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        });
      } catch (error) {
        const permanent =
          error instanceof PermanentEventError || error instanceof InvalidEventError;
        if (permanent || msg.info.deliveryCount >= this.maxDeliver) {
          await this.giveUp(msg, subject, envelope, error);
        } else {
          const base = this.jetstream.options.retryBaseMs ?? MESSAGING_DEFAULTS.retryBaseMs;
          const delay = backoffMs(msg.info.deliveryCount, { baseMs: base, maxMs: 30_000 });
          this.log.warn(
            `Handling ${subject} ${envelope.id} failed (delivery ${msg.info.deliveryCount}), retry in ${delay} ms: ${(error as Error).message}`,
          );
          msg.nak(delay);
        }
        return;
      }
      msg.ack();
      if (emitted) this.outbox.wake();
      for (const hook of hooks) hook();
    });
  }

  private async giveUp(
    msg: JsMsg,
    subject: string,
    envelope: EventEnvelope | undefined,
    error: unknown,
  ): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    try {
      let payload: unknown = null;
      try {
        payload = msg.json();
      } catch {
        payload = { raw: msg.string().slice(0, 10_000) };
      }
      const rawId = (payload as { id?: unknown } | null)?.id;
      const eventId = envelope?.id ?? (typeof rawId === 'string' ? rawId.slice(0, 200) : null);
      await this.dataSource.query(
        `INSERT INTO dead_letters (consumer, subject, event_id, payload, error, deliveries)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          this.service,
          subject,
          eventId,
          JSON.stringify(payload),
          text.slice(0, 4000),
          msg.info.deliveryCount,
        ],
      );
    } catch (dbError) {
      // Without the record the message must not be dropped: let it come back later.
      this.log.error(`Could not record dead letter for ${subject}: ${(dbError as Error).message}`);
      msg.nak(30_000);
      return;
    }
    this.log.error(`Gave up on ${subject} ${envelope?.id ?? '(unparsable)'}: ${text}`);
    // A plain +TERM: NATS 2.9 does not know "+TERM <reason>" (2.10.4+), leaves such a message
    // unacknowledged and redelivers it after ack_wait. The reason is in the dead letter.
    msg.term();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const messages of this.iterators) messages.stop();
    await Promise.allSettled(this.running);
    await Promise.allSettled([...this.inFlight]);
  }

  on(): void {
    throw new Error('JetStreamServer does not support event listeners');
  }

  unwrap<T>(): T {
    return this.jetstream.nc as T;
  }
}
