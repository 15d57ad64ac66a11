import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  jetstreamManager,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { PRODUCERS, streamName, type Producer } from '../events/streams.js';
import { DependencyUnavailableError } from '../health/dependency-errors.js';
import {
  MESSAGING_DEFAULTS,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from './messaging.options.js';

const NANOS_PER_MS = 1_000_000;

/**
 * The service's one NATS connection, its JetStream client and manager, and the streams declared
 * in code (created idempotently at start-up). The connection retries for ever: while the server
 * is away the outbox keeps events and consumers wait; nothing is lost.
 */
@Injectable()
export class JetStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JetStreamService.name);
  private connection?: NatsConnection;
  private client?: JetStreamClient;
  private manager?: JetStreamManager;
  /** The client's own view: false from a 'disconnect' status until the 'reconnect'. */
  private linked = false;
  private readonly reconnectListeners = new Set<() => void>();

  constructor(@Inject(MESSAGING_OPTIONS) readonly options: MessagingOptions) {}

  async onModuleInit(): Promise<void> {
    this.connection = await connect({
      servers: this.options.natsUrl.split(','),
      name: `owes-${this.options.service}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    });
    this.linked = true;
    this.client = jetstream(this.connection, { timeout: 5000 });
    this.manager = await jetstreamManager(this.connection, { timeout: 5000 });
    void this.watchStatus(this.connection);
    for (const producer of PRODUCERS) {
      await this.ensureStream(producer);
    }
    this.logger.log(`Connected to NATS ${this.options.natsUrl}; streams ready`);
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        this.linked = false;
        this.logger.warn(`NATS disconnected from ${status.server}; reconnecting`);
      } else if (status.type === 'reconnect') {
        this.linked = true;
        this.logger.log(`NATS reconnected to ${status.server}`);
        for (const listener of this.reconnectListeners) listener();
      } else if (status.type === 'close') {
        this.linked = false;
      }
    }
  }

  /**
   * Calls `listener` each time the connection comes back after a disconnect (the outbox relay
   * wakes at once instead of at the end of its backoff). Returns the unsubscribe.
   */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.client) throw new Error('JetStream is not ready yet');
    return this.client;
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('JetStream is not ready yet');
    return this.manager;
  }

  streamOf(producer: Producer): string {
    return streamName(producer, this.options.prefix);
  }

  subjectsOf(producer: Producer): string {
    return this.options.prefix ? `${this.options.prefix}.${producer}.>` : `${producer}.>`;
  }

  /** Connected now: not closed, not draining, not between a disconnect and its reconnect. */
  isConnected(): boolean {
    return (
      this.linked &&
      !!this.connection &&
      !this.connection.isClosed() &&
      !this.connection.isDraining()
    );
  }

  /**
   * Throws DependencyUnavailableError('nats') at once while the connection is away, rather than
   * letting a publish or request wait for its timeout (the client would buffer it meanwhile).
   */
  assertConnected(): void {
    if (!this.isConnected()) throw new DependencyUnavailableError('nats', 'NATS is not connected');
  }

  /** Round trip to the server: readiness. Fails at once while disconnected. */
  async ping(): Promise<number> {
    this.assertConnected();
    return this.nc.rtt();
  }

  private async ensureStream(producer: Producer): Promise<void> {
    const name = this.streamOf(producer);
    const maxAgeDays = this.options.streamMaxAgeDays ?? MESSAGING_DEFAULTS.streamMaxAgeDays;
    const replicas = this.options.streamReplicas ?? MESSAGING_DEFAULTS.streamReplicas;
    const config = {
      name,
      subjects: [this.subjectsOf(producer)],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: maxAgeDays * 24 * 3600 * 1000 * NANOS_PER_MS,
      // De-duplication window for the outbox relay's retries (msgID = event id).
      duplicate_window: 10 * 60 * 1000 * NANOS_PER_MS,
      num_replicas: replicas,
    };
    let existing: StreamConfig | undefined;
    try {
      existing = (await this.jsm.streams.info(name)).config;
    } catch {
      // not found: create below
    }
    if (existing) {
      await this.scaleStream(existing, replicas);
      return;
    }
    try {
      await this.jsm.streams.add(config);
    } catch (error) {
      // Another service or replica created it meanwhile.
      await this.jsm.streams.info(name).catch(() => {
        // e.g. "replicas > 1 not supported in non-clustered mode": say which setting asked for it.
        throw replicas > 1
          ? new Error(
              `Cannot create stream ${name} with ${replicas} replicas (NATS_STREAM_REPLICAS): ${String(error)}`,
              { cause: error },
            )
          : error;
      });
    }
  }

  /**
   * An existing stream with fewer replicas than configured is scaled up by an update (JetStream
   * copies its messages to the new peers while it keeps serving; its durable consumers follow,
   * as they inherit the stream's replica count). One with more replicas is left as it is: scaling
   * down is an operator's step (`nats stream edit --replicas`), and a replica started with an old
   * setting during a rolling update must not undo it (docs/scaling.md#nats-jetstream).
   */
  private async scaleStream(existing: StreamConfig, replicas: number): Promise<void> {
    const current = existing.num_replicas || 1;
    if (current === replicas) return;
    if (current > replicas) {
      this.logger.warn(
        `Stream ${existing.name} has ${current} replicas, more than NATS_STREAM_REPLICAS=${replicas}: left as it is`,
      );
      return;
    }
    try {
      await this.jsm.streams.update(existing.name, { ...existing, num_replicas: replicas });
      this.logger.log(`Stream ${existing.name} scaled from ${current} to ${replicas} replicas`);
    } catch (error) {
      // Another replica scaled it meanwhile: fine. Otherwise (e.g. fewer servers than replicas)
      // the start-up fails, naming the cause, as for a stream that cannot be created.
      const now = await this.jsm.streams.info(existing.name).catch(() => undefined);
      if ((now?.config.num_replicas ?? 0) >= replicas) return;
      throw new Error(
        `Cannot scale stream ${existing.name} to ${replicas} replicas (NATS_STREAM_REPLICAS): ${String(error)}`,
        { cause: error },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain().catch(() => this.connection?.close());
    }
  }
}
