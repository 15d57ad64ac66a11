import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { RemindersService, type DueRun } from './reminders.service.js';

/**
 * Runs the due reminders at start-up (what fell due while the service was down goes out once)
 * and then every REMINDERS_POLL_MS. Time comes from the injected Clock, so tests move it and
 * call `runDue()` instead of waiting.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderScheduler');
  private stopped = false;
  private loopDone?: Promise<void>;
  private current?: Promise<DueRun>;
  private cancelSleep?: () => void;

  constructor(
    private readonly reminders: RemindersService,
    private readonly env: NotificationsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.cancelSleep?.();
    await this.loopDone;
  }

  /** Fires every due reminder (one run at a time in this process; replicas share through SKIP LOCKED). */
  async runDue(): Promise<DueRun> {
    while (this.current) await this.current.catch(() => undefined);
    const run = this.reminders.runDue();
    this.current = run;
    try {
      return await run;
    } finally {
      this.current = undefined;
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.runDue();
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            `Reminder run failed (${failures}×), will retry: ${(error as Error).message}`,
          );
        }
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.env.REMINDERS_POLL_MS);
        this.cancelSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.cancelSleep = undefined;
    }
  }
}
