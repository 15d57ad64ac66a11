import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRODUCERS } from '../events/streams.js';
import { Metrics } from '../metrics/metrics.js';
import { scrapeSnapshot } from '../metrics/scrape.js';
import { Clock } from '../time/clock.js';
import { JetStreamService } from './jetstream.service.js';
import { OutboxService } from './outbox.service.js';

interface OutboxSnapshot {
  unsent: number;
  oldest: Date | null;
  deadLetters: { consumer: string; count: number }[];
}

interface ConsumerSnapshot {
  stream: string;
  consumer: string;
  pending: number;
  ackPending: number;
  redelivered: number;
}

/**
 * The messaging gauges of docs/runbook.md#metrics-and-alerts, collected at each scrape: the
 * outbox (unsent events, age of the oldest), the dead letters, and this service's durable
 * JetStream consumers (pending, awaiting ack, redelivered). A source that is down or slow leaves
 * its gauges empty (see `owes_dependency_up`); the scrape itself never fails.
 */
@Injectable()
export class MessagingMetrics {
  private readonly outbox = scrapeSnapshot<OutboxSnapshot>(() => this.loadOutbox());
  private readonly consumers = scrapeSnapshot<ConsumerSnapshot[]>(() => this.loadConsumers());

  constructor(
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamService,
    private readonly clock: Clock,
    outbox: OutboxService,
    metrics: Metrics,
  ) {
    metrics.worker(() => outbox.metrics());
    metrics.collectedGauge(
      'owes_outbox_unsent',
      'Events in the outbox not yet published',
      [],
      async (gauge) => {
        const snapshot = await this.outbox();
        if (snapshot) gauge.set(snapshot.unsent);
      },
    );
    metrics.collectedGauge(
      'owes_outbox_lag_seconds',
      'Age of the oldest unpublished outbox event, in seconds (0 when none waits)',
      [],
      async (gauge) => {
        const snapshot = await this.outbox();
        if (!snapshot) return;
        const oldest = snapshot.oldest?.getTime();
        gauge.set(
          oldest === undefined ? 0 : Math.max(0, (this.clock.now().getTime() - oldest) / 1000),
        );
      },
    );
    metrics.collectedGauge(
      'owes_dead_letters',
      "Rows in the service's dead_letters table, by consumer",
      ['consumer'],
      async (gauge) => {
        const snapshot = await this.outbox();
        if (!snapshot) return;
        gauge.set({ consumer: this.jetstream.options.service }, 0);
        for (const row of snapshot.deadLetters) gauge.set({ consumer: row.consumer }, row.count);
      },
    );
    const consumerGauge = (name: string, help: string, pick: (c: ConsumerSnapshot) => number) =>
      metrics.collectedGauge(name, help, ['stream', 'consumer'], async (gauge) => {
        for (const c of (await this.consumers()) ?? [])
          gauge.set({ stream: c.stream, consumer: c.consumer }, pick(c));
      });
    consumerGauge(
      'owes_consumer_pending',
      'Messages of the stream this durable consumer has not been delivered yet',
      (c) => c.pending,
    );
    consumerGauge(
      'owes_consumer_ack_pending',
      'Messages delivered to this durable consumer and not acknowledged yet',
      (c) => c.ackPending,
    );
    consumerGauge(
      'owes_consumer_redelivered',
      'Messages of this durable consumer delivered more than once and not yet acknowledged',
      (c) => c.redelivered,
    );
  }

  private async loadOutbox(): Promise<OutboxSnapshot> {
    const [outbox, deadLetters] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS unsent, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL`,
      ) as Promise<{ unsent: number; oldest: Date | null }[]>,
      this.dataSource.query(
        `SELECT consumer, count(*)::int AS count FROM dead_letters GROUP BY consumer`,
      ) as Promise<{ consumer: string; count: number }[]>,
    ]);
    return {
      unsent: outbox[0]?.unsent ?? 0,
      oldest: outbox[0]?.oldest ? new Date(outbox[0].oldest) : null,
      deadLetters,
    };
  }

  /** This service's durable consumer on every stream where it has one. */
  private async loadConsumers(): Promise<ConsumerSnapshot[]> {
    this.jetstream.assertConnected();
    const consumer = this.jetstream.options.service;
    const infos = await Promise.all(
      PRODUCERS.map(async (producer) => {
        const stream = this.jetstream.streamOf(producer);
        // No consumer of this service on that stream (it handles none of its events): skipped.
        const info = await this.jetstream.jsm.consumers.info(stream, consumer).catch(() => null);
        return info && { stream, info };
      }),
    );
    return infos
      .filter((x) => x !== null)
      .map(({ stream, info }) => ({
        stream,
        consumer,
        pending: info.num_pending,
        ackPending: info.num_ack_pending,
        redelivered: info.num_redelivered,
      }));
  }
}
