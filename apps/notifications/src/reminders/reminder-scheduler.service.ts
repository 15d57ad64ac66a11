import {
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PollingWorker, type PassResult, type WorkerMetrics } from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { RemindersService, type DueRun } from './reminders.service.js';

/**
 * Runs the due reminders at start-up (what fell due while the service was down goes out once)
 * and then every REMINDERS_POLL_MS, on the shared `PollingWorker` (a failed run is retried at
 * the next poll). Time comes from the injected Clock, so tests move it and call `runDue()`
 * instead of waiting.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: PollingWorker<DueRun & PassResult>;

  constructor(
    private readonly reminders: RemindersService,
    env: NotificationsEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'ReminderScheduler',
      pollMs: env.REMINDERS_POLL_MS,
      // RemindersService.runDue() claims batches (SKIP LOCKED) until none is full.
      pass: async () => {
        const run = await this.reminders.runDue();
        return { ...run, processed: run.sent + run.expired };
      },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Fires every due reminder (one run at a time in this process; replicas share through SKIP LOCKED). */
  async runDue(): Promise<DueRun> {
    const { sent, expired } = await this.worker.runOnce();
    return { sent, expired };
  }

  /** The scheduler's counters (runs, reminders sent or expired, failures). */
  metrics(): WorkerMetrics {
    return this.worker.metrics();
  }
}
