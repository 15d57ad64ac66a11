import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PollingWorker, type PassResult, type WorkerMetrics } from '@app/common';
import { GrantsEnv } from '../config/grants.env.js';
import { MonitoringService } from './monitoring.service.js';

type Tick = Record<string, number>;

/**
 * The durable scheduler: what is due lives in the database (report rows with due dates, vacant
 * jobs with refill deadlines, evaluations with due dates, decisions with appeal deadlines), and
 * every tick compares it with the injected Clock's today. A notice is marked as sent in the same
 * transaction as its event, so it fires once, survives restarts, and replicas share the scans
 * (`FOR UPDATE SKIP LOCKED`). The loop is the shared `PollingWorker`: a tick every
 * SCHEDULER_INTERVAL_MS (the first one interval after start-up), never two at once.
 */
@Injectable()
export class MonitoringScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('MonitoringScheduler');
  private readonly worker: PollingWorker<PassResult & { done: Tick }>;

  constructor(
    private readonly monitoring: MonitoringService,
    env: GrantsEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'MonitoringScheduler',
      pollMs: env.SCHEDULER_INTERVAL_MS,
      initialDelayMs: env.SCHEDULER_INTERVAL_MS,
      // Each scan of the tick works in batches until nothing is due.
      pass: async () => {
        const done = await this.monitoring.tick();
        return { done, processed: Object.values(done).reduce((sum, n) => sum + n, 0) };
      },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Runs one tick now, after the one running if any; undefined once stopped or when it failed. */
  async runOnce(): Promise<Tick | undefined> {
    if (this.worker.isStopped) return undefined;
    try {
      return (await this.worker.runOnce()).done;
    } catch (error) {
      this.log.error(`Scheduler tick failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The scheduler's counters (ticks, items handled, failures, last tick's duration). */
  metrics(): WorkerMetrics {
    return this.worker.metrics();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
