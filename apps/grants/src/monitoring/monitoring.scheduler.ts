import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GrantsEnv } from '../config/grants.env.js';
import { MonitoringService } from './monitoring.service.js';

/**
 * The durable scheduler: what is due lives in the database (report rows with due dates, vacant
 * jobs with refill deadlines, evaluations with due dates, decisions with appeal deadlines), and
 * every tick compares it with the injected Clock's today. A notice is marked as sent in the same
 * transaction as its event, so it fires once, survives restarts, and replicas share the scans
 * (`FOR UPDATE SKIP LOCKED`).
 */
@Injectable()
export class MonitoringScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('MonitoringScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly monitoring: MonitoringService,
    private readonly env: GrantsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.env.SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  /** Runs one tick unless one is running (then waits for it). */
  async runOnce(): Promise<Record<string, number> | undefined> {
    if (this.stopped) return undefined;
    if (this.running) {
      await this.running.catch(() => undefined);
    }
    const run = this.monitoring.tick().catch((error: Error) => {
      this.log.error(`Scheduler tick failed: ${error.message}`);
      return undefined;
    });
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
