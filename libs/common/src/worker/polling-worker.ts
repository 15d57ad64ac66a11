import { Logger } from '@nestjs/common';
import { backoffMs, type BackoffOptions } from './backoff.js';
import { CentreScope } from '../tenancy/centre-scope.js';

/** What one pass reports back to the worker. */
export interface PassResult {
  /** Items the pass handled (events published, timers fired, deliveries started, …). */
  processed: number;
  /** The batch came back full, so more may be waiting: run again at once instead of sleeping. */
  more?: boolean;
  /** How late the oldest item of the batch was, in milliseconds, where the job can tell. */
  lagMs?: number;
}

/** Handed to every pass. */
export interface PassContext {
  /**
   * How many items the pass may start: `maxInFlight` minus the work still in flight (the whole
   * `maxInFlight` in `runOnce()`), Infinity without a limit.
   */
  readonly capacity: number;
  /**
   * Hands over work that outlives the pass (an e-mail being sent): it counts against
   * `maxInFlight`, `stop()` waits for it, `runOnce()` waits for what its pass started, and a
   * rejection is logged rather than lost.
   */
  track(task: Promise<unknown>): void;
}

/** Where the worker logs; Nest's `Logger` fits. */
export interface WorkerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface PollingWorkerOptions<R extends PassResult> {
  /** The logger context, and the name in `metrics()`. */
  name: string;
  /**
   * One pass: claim a batch (`FOR UPDATE SKIP LOCKED`, or a lease for work done outside the
   * transaction) and process it. Passes never overlap within one worker; replicas share the
   * rows through the claim. A rejection is a failed pass.
   */
  pass: (context: PassContext) => Promise<R>;
  /** The sleep between passes when nothing is left. 0 or less: no background loop (`runOnce()` only). */
  pollMs: number;
  /** The wait before the first pass of the loop (cut short by `wake()`). Default 0: at once. */
  initialDelayMs?: number;
  /**
   * The sleep after the n-th failed pass in a row: `backoffMs(n, failureBackoff)`. Without it
   * the loop simply sleeps `pollMs` after a failure.
   */
  failureBackoff?: BackoffOptions;
  /** How much tracked work may be in flight; the loop waits for a free slot before a pass. */
  maxInFlight?: number;
  /** A failing loop logs its first failure and then every `logEvery`-th in a row. Default 20. */
  logEvery?: number;
  logger?: WorkerLogger;
}

/** A plain snapshot for operators (a Prometheus export can read it later). */
export interface WorkerMetrics {
  name: string;
  /** The background loop is running (started and not stopped). */
  running: boolean;
  /** Passes finished, by the loop and by `runOnce()`, failed ones included. */
  passes: number;
  /** Items processed, summed over the passes. */
  processed: number;
  /** Failed passes in all. */
  failures: number;
  /** Failed passes of the loop since its last good one (the backoff's attempt number). */
  consecutiveFailures: number;
  /** Tracked work still in flight. */
  inFlight: number;
  /** How long the last pass took, in milliseconds. */
  lastPassMs?: number;
  /** The lag the last pass reported (see `PassResult.lagMs`), if the job reports one. */
  lagMs?: number;
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * One polling loop for every background job that works through due rows: the outbox relay, the
 * timers, the delivery sender, the reminder scheduler and the monitoring scheduler
 * (docs/architecture.md#timers-and-schedulers). The job supplies `pass()`; the worker owns the
 * loop around it:
 * - runs a pass, and another at once while passes come back full (`more`: drain) or while a
 *   `wake()` arrived during the pass; otherwise sleeps `pollMs`, cut short by `wake()`;
 * - after failed passes backs off (`failureBackoff`), logs the first failure, every `logEvery`-th
 *   one in a row, and the recovery;
 * - never overlaps two passes: `runOnce()` (tests, the operators' "run now") queues behind the
 *   loop's pass and the loop behind it;
 * - with `maxInFlight`, waits for a free slot before a pass and tells the pass its `capacity`;
 * - `stop()` ends the loop and waits for the running pass and every tracked task.
 *
 * Use it by composition: a Nest provider builds one in its constructor, calls `start()` in
 * `onApplicationBootstrap` and `stop()` in `beforeApplicationShutdown`.
 */
export class PollingWorker<R extends PassResult = PassResult> {
  private readonly logger: WorkerLogger;
  private readonly logEvery: number;
  private loop?: Promise<void>;
  private stopped = false;
  /** Every pass runs through this chain, so passes never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private woken = false;
  private cancelSleep?: () => void;
  private consecutiveFailures = 0;
  private readonly counters = { passes: 0, processed: 0, failures: 0 };
  private lastPassMs?: number;
  private lagMs?: number;

  constructor(private readonly options: PollingWorkerOptions<R>) {
    this.logger = options.logger ?? new Logger(options.name);
    this.logEvery = Math.max(1, options.logEvery ?? 20);
  }

  /** Starts the background loop (once; not when `pollMs` ≤ 0). */
  start(): void {
    if (this.loop || this.stopped || this.options.pollMs <= 0) return;
    this.loop = this.run();
  }

  /** Ends the loop: waits for the running pass (also a queued `runOnce()`) and all tracked work. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelSleep?.();
    await this.loop;
    await this.queue;
    await Promise.allSettled([...this.inFlight]);
  }

  /** `stop()` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Asks for a pass now: ends the sleep, or makes the loop go again right after the running pass. */
  wake(): void {
    this.woken = true;
    this.cancelSleep?.();
  }

  /**
   * Runs one pass now (after the running one, never beside it) and returns its result once the
   * work it tracked is done too; a failure is thrown to the caller and does not count towards
   * the loop's backoff. Works whether or not the loop runs.
   */
  async runOnce(): Promise<R> {
    const tracked: Promise<void>[] = [];
    const result = await this.exclusive(() =>
      this.measuredPass(this.options.maxInFlight ?? Infinity, tracked),
    );
    // Outside the queue: the loop may go on while this pass's work finishes.
    await Promise.all(tracked);
    return result;
  }

  metrics(): WorkerMetrics {
    return {
      name: this.options.name,
      running: this.loop !== undefined && !this.stopped,
      ...this.counters,
      consecutiveFailures: this.consecutiveFailures,
      inFlight: this.inFlight.size,
      lastPassMs: this.lastPassMs,
      lagMs: this.lagMs,
    };
  }

  private async run(): Promise<void> {
    const { pollMs, failureBackoff, maxInFlight } = this.options;
    if (this.options.initialDelayMs) await this.sleep(this.options.initialDelayMs);
    while (!this.stopped) {
      // At the in-flight limit, wait for a slot rather than claim nothing.
      while (maxInFlight !== undefined && this.inFlight.size >= maxInFlight) {
        await Promise.race(this.inFlight);
      }
      if (this.stopped) break;
      let delay = pollMs;
      this.woken = false;
      try {
        // The free slots are counted when the pass starts (a runOnce() before it may take some).
        const result = await this.exclusive(() =>
          this.measuredPass(
            maxInFlight === undefined ? Infinity : Math.max(0, maxInFlight - this.inFlight.size),
          ),
        );
        if (this.consecutiveFailures > 0) {
          this.logger.log(`Working again after ${this.consecutiveFailures} failed pass(es)`);
          this.consecutiveFailures = 0;
        }
        if (result.more || this.woken) continue;
      } catch (error) {
        this.consecutiveFailures += 1;
        const n = this.consecutiveFailures;
        if (failureBackoff) delay = backoffMs(n, failureBackoff);
        if (n === 1 || n % this.logEvery === 0) {
          this.logger.warn(
            `Pass failed (${n}×), will retry in ${delay} ms: ${errorMessage(error)}`,
          );
        }
      }
      if (this.stopped) break;
      await this.sleep(delay);
    }
  }

  /** One pass with its metrics; what it tracks is also collected into `tracked` when given. */
  private async measuredPass(capacity: number, tracked?: Promise<void>[]): Promise<R> {
    const started = performance.now();
    try {
      // A pass is the system's work, for every centre, even when a request woke it.
      const result = await CentreScope.system(() =>
        this.options.pass({
          capacity,
          track: (task) => {
            const t = this.track(task);
            tracked?.push(t);
          },
        }),
      );
      this.counters.processed += result.processed;
      if (result.lagMs !== undefined) this.lagMs = result.lagMs;
      return result;
    } catch (error) {
      this.counters.failures += 1;
      throw error;
    } finally {
      this.counters.passes += 1;
      this.lastPassMs = performance.now() - started;
    }
  }

  private track(task: Promise<unknown>): Promise<void> {
    const tracked: Promise<void> = task
      .then(
        () => undefined,
        (error: unknown) => this.logger.error(`Work failed unexpectedly: ${errorMessage(error)}`),
      )
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return tracked;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.cancelSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // A sleeping worker alone does not keep the process alive.
      timer.unref();
      this.cancelSleep = done;
    });
  }
}
