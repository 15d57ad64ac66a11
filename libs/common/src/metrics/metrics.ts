import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per service instance (tests boot the three services in one process,
 * so prom-client's global registry would see the same metric names three times). Metrics are
 * got-or-created by name: a feature declares what it counts where it counts it, and a second
 * declaration of the same name returns the first. Every name is prefixed `owes_`.
 */
export class Metrics {
  readonly registry = new Registry();

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
