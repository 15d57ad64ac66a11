import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkerMetrics } from '../worker/polling-worker.js';

/**
 * One Prometheus registry per service instance (tests boot the three services in one process,
 * so prom-client's global registry would see the same metric names three times). Metrics are
 * got-or-created by name: a feature declares what it counts where it counts it, and a second
 * declaration of the same name returns the first. Every name is prefixed `owes_`.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly workerSources: (() => WorkerMetrics)[] = [];

  constructor(service: string, options: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
  ): Counter<L> {
    return this.getOrCreate(
      name,
      () => new Counter<L>({ name, help, labelNames, registers: [this.registry] }),
    );
  }

  gauge<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: (this: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    return this.getOrCreate(
      name,
      () =>
        new Gauge<L>({
          name,
          help,
          labelNames,
          registers: [this.registry],
          ...(collect ? { collect } : {}),
        }),
    );
  }

  /**
   * A gauge read at each scrape by `fill` (from a table, from NATS): reset first, so a series that
   * is gone disappears; a `fill` that fails leaves the gauge empty instead of failing the scrape.
   */
  collectedGauge<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (gauge: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    // reset() leaves an unlabelled gauge at 0; "no value" must stay distinguishable from 0.
    const clear = () => {
      gauge.reset();
      if (labelNames.length === 0) gauge.remove({} as never);
    };
    const gauge: Gauge<L> = this.gauge(name, help, labelNames, async () => {
      clear();
      try {
        await fill(gauge);
      } catch {
        clear();
      }
    });
    return gauge;
  }

  /**
   * Exports a PollingWorker's `metrics()` at each scrape as `owes_worker_*{worker}` gauges (passes,
   * items, failures, failures in a row, last pass's duration, reported lag).
   */
  worker(source: () => WorkerMetrics): void {
    this.workerSources.push(source);
    if (this.workerSources.length > 1) return;
    const each = (
      name: string,
      help: string,
      pick: (m: WorkerMetrics) => number | undefined,
    ): void => {
      this.collectedGauge(name, help, ['worker'], (gauge) => {
        for (const read of this.workerSources) {
          const m = read();
          const value = pick(m);
          if (value !== undefined) gauge.set({ worker: m.name }, value);
        }
      });
    };
    each(
      'owes_worker_passes',
      'Passes the background worker finished (failed ones included)',
      (m) => m.passes,
    );
    each('owes_worker_processed', 'Items the background worker processed', (m) => m.processed);
    each('owes_worker_failures', 'Failed passes of the background worker', (m) => m.failures);
    each(
      'owes_worker_consecutive_failures',
      'Failed passes of the worker since its last good one (0 when healthy)',
      (m) => m.consecutiveFailures,
    );
    each('owes_worker_last_pass_seconds', "Duration of the worker's last pass, in seconds", (m) =>
      m.lastPassMs === undefined ? undefined : m.lastPassMs / 1000,
    );
    each(
      'owes_worker_lag_seconds',
      'How late the oldest item of the last pass was, in seconds (workers that report it)',
      (m) => (m.lagMs === undefined ? undefined : m.lagMs / 1000),
    );
  }

  histogram<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets?: number[],
  ): Histogram<L> {
    return this.getOrCreate(
      name,
      () =>
        new Histogram<L>({
          name,
          help,
          labelNames,
          registers: [this.registry],
          ...(buckets ? { buckets } : {}),
        }),
    );
  }

  /** The text exposition format Prometheus scrapes. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private getOrCreate<T>(name: string, create: () => T): T {
    if (!name.startsWith('owes_')) throw new Error(`Metric ${name} must be prefixed owes_`);
    return (this.registry.getSingleMetric(name) as T | undefined) ?? create();
  }
}
