import { PollingWorker, type WorkerLogger, type WorkerMetrics } from './polling-worker.js';
import type { BackoffOptions } from './backoff.js';

/** How a leased job times its leases: see `leaseTiming`. */
export interface LeaseTiming {
  /** The lease a claim takes (database time), in milliseconds. */
  leaseMs: number;
  /** How often a holder renews its leases: a third of the lease, so two beats may fail. */
  renewEveryMs: number;
}

/**
 * The one rule for short leases: a claim is held for `leaseMs` and renewed every third of it, so
 * a holder that misses two beats in a row (a slow query, a pause) still keeps its rows, and a
 * dead holder's rows are free for another replica within one lease.
 */
export function leaseTiming(leaseMs: number): LeaseTiming {
  const lease = Math.max(1, Math.floor(leaseMs));
  return { leaseMs: lease, renewEveryMs: Math.max(1, Math.floor(lease / 3)) };
}

export interface LeaseHeartbeatOptions<T> {
  /** The logger context, and the name in `metrics()`. */
  name: string;
  /** How often the held leases are renewed (`leaseTiming(leaseMs).renewEveryMs`). */
  everyMs: number;
  /**
   * Extends the leases of the given items (one statement, e.g.
   * `UPDATE … SET lease_until = now() + lease WHERE (id, claim) IN …`). A rejection is a failed
   * beat: the next one comes after `failureBackoff`.
   */
  renew: (held: T[]) => Promise<void>;
  /** The wait after failed beats in a row (default: from a tenth of `everyMs` up to `everyMs`). */
  failureBackoff?: BackoffOptions;
  logger?: WorkerLogger;
}

/**
 * Keeps the leases of work in flight alive: the holder `hold()`s an item when it claims it and
 * `release()`s it when its outcome is recorded; every `everyMs` the heartbeat renews all it holds
 * in one call. A process that dies stops beating, and its rows come free when their short lease
 * runs out (docs/architecture.md#timers-and-schedulers). The loop is the shared `PollingWorker`
 * (no beat while nothing is held; failed beats back off and are logged by the worker).
 */
export class LeaseHeartbeat<T> {
  private readonly held = new Map<string, T>();
  private readonly worker: PollingWorker;

  constructor(private readonly options: LeaseHeartbeatOptions<T>) {
    const everyMs = Math.max(1, options.everyMs);
    this.worker = new PollingWorker({
      name: options.name,
      pollMs: everyMs,
      // The first beat one period after start: a claim has just taken a full lease.
      initialDelayMs: everyMs,
      failureBackoff: options.failureBackoff ?? {
        baseMs: Math.max(1, Math.floor(everyMs / 10)),
        maxMs: everyMs,
      },
      logger: options.logger,
      pass: () => this.beat(),
    });
  }

  /** Renews `value`'s lease from the next beat on, until `release(key)`. */
  hold(key: string, value: T): void {
    this.held.set(key, value);
  }

  release(key: string): void {
    this.held.delete(key);
  }

  isHeld(key: string): boolean {
    return this.held.has(key);
  }

  /** How many leases are held. */
  get size(): number {
    return this.held.size;
  }

  start(): void {
    this.worker.start();
  }

  /** Stops beating (after the running beat). Held leases then run out unless released. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** One beat now (tests). */
  async runOnce(): Promise<number> {
    return (await this.worker.runOnce()).processed;
  }

  metrics(): WorkerMetrics {
    return this.worker.metrics();
  }

  private async beat(): Promise<{ processed: number }> {
    if (this.held.size === 0) return { processed: 0 };
    const items = [...this.held.values()];
    await this.options.renew(items);
    return { processed: items.length };
  }
}
