import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JetStreamService } from '../messaging/jetstream.service.js';
import { Metrics } from '../metrics/metrics.js';
import { Clock } from '../time/clock.js';
import { PollingWorker } from '../worker/polling-worker.js';
import { DEPENDENCIES, type Dependency } from './dependency-errors.js';

/** How long a probe (readiness, recovery, scrape) waits for an answer. */
export const PROBE_TIMEOUT_MS = 2000;
/** How often a dependency that is down is probed until it answers again. */
const RECOVERY_PROBE_MS = 2000;

export type ProbeResult =
  { status: 'up'; ms: number } | { status: 'down'; message: string; since: string };

/** Rejects with `message` when `work` has not settled within `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What this service instance knows about its dependencies' outages (docs/runbook.md#health-and-logs):
 * an outage is logged as one warning when it starts — the first failed request, readiness check
 * or scrape — and one info line when it ends, never once per request. While something is down it
 * is probed every 2 s (on the one PollingWorker), so the end is noticed without traffic.
 * `owes_dependency_up{dependency}` shows the state at each scrape.
 */
@Injectable()
export class DependencyOutages implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Dependencies');
  private readonly outages = new Map<Dependency, { since: Date; message: string }>();
  private readonly recovery: PollingWorker;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamService,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.recovery = new PollingWorker({
      name: 'DependencyRecovery',
      pollMs: RECOVERY_PROBE_MS,
      pass: async () => {
        const down = [...this.outages.keys()];
        await Promise.all(down.map((dependency) => this.probe(dependency)));
        return { processed: down.length };
      },
    });
    metrics.collectedGauge(
      'owes_dependency_up',
      '1 when the dependency answered its probe at this scrape, 0 when it did not',
      ['dependency'],
      async (gauge) => {
        const results = await this.checkAll();
        for (const dependency of DEPENDENCIES)
          gauge.set({ dependency }, results[dependency].status === 'up' ? 1 : 0);
      },
    );
  }

  onApplicationBootstrap(): void {
    this.recovery.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.recovery.stop();
  }

  /** Known to be down (since the first failure, until a probe or request succeeds). */
  isDown(dependency: Dependency): boolean {
    return this.outages.has(dependency);
  }

  /**
   * A request or check found `dependency` away: the first report of an outage logs a warning
   * (and returns true); later ones are silent until the outage ends.
   */
  reportDown(dependency: Dependency, error: unknown): boolean {
    if (this.outages.has(dependency)) return false;
    const message = error instanceof Error ? error.message : String(error);
    this.outages.set(dependency, { since: this.clock.now(), message });
    this.logger.warn(
      { dependency, err: error },
      `Dependency unavailable: ${dependency} (${message}); answering 503 until it is back`,
    );
    this.recovery.wake();
    return true;
  }

  /** `dependency` answered: ends its outage, if there was one, with an info line. */
  reportUp(dependency: Dependency): void {
    const outage = this.outages.get(dependency);
    if (!outage) return;
    this.outages.delete(dependency);
    const seconds = Math.max(0, (this.clock.now().getTime() - outage.since.getTime()) / 1000);
    this.logger.log(
      { dependency, outageSeconds: seconds },
      `Dependency available again: ${dependency} (down for ${seconds.toFixed(1)} s)`,
    );
  }

  /** Probes one dependency (at most PROBE_TIMEOUT_MS) and records the outcome. */
  async probe(dependency: Dependency): Promise<ProbeResult> {
    const started = performance.now();
    try {
      await withTimeout(
        dependency === 'database'
          ? this.dataSource.query('SELECT 1')
          : this.jetstream.ping().then(() => undefined),
        PROBE_TIMEOUT_MS,
        `no answer within ${PROBE_TIMEOUT_MS} ms`,
      );
      this.reportUp(dependency);
      return { status: 'up', ms: Math.round(performance.now() - started) };
    } catch (error) {
      this.reportDown(dependency, error);
      const outage = this.outages.get(dependency)!;
      return {
        status: 'down',
        message: error instanceof Error ? error.message : String(error),
        since: outage.since.toISOString(),
      };
    }
  }

  /** Probes every dependency at once. */
  async checkAll(): Promise<Record<Dependency, ProbeResult>> {
    const results = await Promise.all(DEPENDENCIES.map((d) => this.probe(d)));
    return Object.fromEntries(DEPENDENCIES.map((d, i) => [d, results[i]!])) as Record<
      Dependency,
      ProbeResult
    >;
  }
}
