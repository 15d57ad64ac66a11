import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Clock, OutboxService, type Emit } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { DueTimer } from './due-timer.entity.js';

/** Does what a timer is for, in the timer's transaction (its effects and events commit with it). */
export type TimerHandler = (timer: DueTimer, manager: EntityManager, emit: Emit) => Promise<void>;

/**
 * Durable timers: rows in `applications.due_timers`, due by the injectable `Clock` (never the
 * wall clock directly), so they survive restarts and tests move time instead of sleeping.
 * `runDue()` fires every timer that is due, each in its own transaction, claimed with
 * `FOR UPDATE SKIP LOCKED` so replicas share the work without doing anything twice. A background
 * loop calls it every TIMERS_POLL_MS; calls within one process never overlap.
 */
@Injectable()
export class TimersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private readonly handlers = new Map<string, TimerHandler>();
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private sleeper?: { timer: NodeJS.Timeout; resolve: () => void };
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly env: ApplicationsEnv,
  ) {}

  register(kind: string, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Schedules a timer in the caller's transaction. */
  async schedule(
    manager: EntityManager,
    timer: { kind: string; entityId: string; dueAt: Date; payload?: Record<string, unknown> },
  ): Promise<void> {
    await manager.insert(DueTimer, {
      kind: timer.kind,
      entityId: timer.entityId,
      dueAt: timer.dueAt,
      payload: (timer.payload ?? {}) as any,
      firedAt: null,
      cancelledAt: null,
      attempts: 0,
      lastError: null,
      createdAt: this.clock.now(),
    });
  }

  /** Cancels the pending timers of a kind for an entity, in the caller's transaction. */
  async cancel(manager: EntityManager, kind: string, entityId: string): Promise<void> {
    await manager.query(
      `UPDATE applications.due_timers SET cancelled_at = $3
        WHERE kind = $1 AND entity_id = $2 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [kind, entityId, this.clock.now()],
    );
  }

  /** Fires every timer due by the clock's now; returns how many fired. */
  runDue(): Promise<number> {
    const run = this.queue.then(() => this.fireAllDue());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fireAllDue(): Promise<number> {
    let fired = 0;
    const now = this.clock.now();
    const failed = new Set<string>();
    for (;;) {
      const outcome = await this.fireOne(now, [...failed]);
      if (outcome === null) return fired;
      if (outcome.ok) fired += 1;
      else failed.add(outcome.id);
    }
  }

  /** Claims and fires one due timer; null when none is left. */
  private async fireOne(now: Date, skip: string[]): Promise<{ id: string; ok: boolean } | null> {
    let claimed: DueTimer | undefined;
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT id FROM applications.due_timers
            WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= $1
              AND NOT (id = ANY($2::uuid[]))
            ORDER BY due_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED`,
          [now, skip],
        );
        if (rows.length === 0) return null;
        claimed = await manager.findOneByOrFail(DueTimer, { id: rows[0].id });
        const handler = this.handlers.get(claimed.kind);
        if (!handler) throw new Error(`No handler for timer kind ${claimed.kind}`);
        await handler(claimed, manager, emit);
        await manager.update(
          DueTimer,
          { id: claimed.id },
          { firedAt: now, attempts: claimed.attempts + 1 },
        );
        return { id: claimed.id, ok: true };
      });
    } catch (error) {
      if (!claimed) throw error;
      this.logger.error(`Timer ${claimed.kind} ${claimed.id} failed: ${(error as Error).message}`);
      // Retried later with a growing delay (1 min, 2 min, … up to an hour).
      const delayMs = Math.min(60_000 * 2 ** claimed.attempts, 3_600_000);
      await this.dataSource.query(
        `UPDATE applications.due_timers SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE id = $1`,
        [
          claimed.id,
          String((error as Error).message).slice(0, 2000),
          new Date(now.getTime() + delayMs),
        ],
      );
      return { id: claimed.id, ok: false };
    }
  }

  onApplicationBootstrap(): void {
    if (this.env.TIMERS_POLL_MS > 0) this.loop = this.background(this.env.TIMERS_POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.resolve();
    }
    await this.loop;
    await this.queue;
  }

  private async background(pollMs: number): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runDue();
      } catch (error) {
        this.logger.warn(`Timer scan failed, will retry: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.sleeper = { timer: setTimeout(resolve, pollMs), resolve };
      });
      this.sleeper = undefined;
    }
  }
}
