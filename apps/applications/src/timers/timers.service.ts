import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import {
  backoffMs,
  Clock,
  OutboxService,
  PollingWorker,
  type Emit,
  type PassResult,
  type WorkerMetrics,
} from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { DueTimer } from './due-timer.entity.js';

/** Does what a timer is for, in the timer's transaction (its effects and events commit with it). */
export type TimerHandler = (timer: DueTimer, manager: EntityManager, emit: Emit) => Promise<void>;

/**
 * Durable timers: rows in `applications.due_timers`, due by the injectable `Clock` (never the
 * wall clock directly), so they survive restarts and tests move time instead of sleeping.
 * `runDue()` fires every timer that is due, each in its own transaction, claimed with
 * `FOR UPDATE SKIP LOCKED` so replicas share the work without doing anything twice. A background
 * loop (the shared `PollingWorker`) runs it every TIMERS_POLL_MS (0: no loop); runs within one
 * process never overlap.
 */
@Injectable()
export class TimersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly worker: PollingWorker<PassResult>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    env: ApplicationsEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'Timers',
      pollMs: env.TIMERS_POLL_MS,
      pass: () => this.fireAllDue(),
    });
  }

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

  /** Fires every timer due by the clock's now (after a run in progress); returns how many fired. */
  async runDue(): Promise<number> {
    return (await this.worker.runOnce()).processed;
  }

  /** The loop's counters (runs, timers fired, failures, how late the oldest due timer was). */
  metrics(): WorkerMetrics {
    return this.worker.metrics();
  }

  /** One pass: fires every timer due by now, one transaction each, until none is left. */
  private async fireAllDue(): Promise<PassResult> {
    let fired = 0;
    let lagMs: number | undefined;
    const now = this.clock.now();
    const failed = new Set<string>();
    for (;;) {
      const outcome = await this.fireOne(now, [...failed]);
      if (outcome === null) return { processed: fired, lagMs: lagMs ?? 0 };
      lagMs ??= now.getTime() - outcome.dueAt.getTime();
      if (outcome.ok) fired += 1;
      else failed.add(outcome.id);
    }
  }

  /** Claims and fires one due timer; null when none is left. */
  private async fireOne(
    now: Date,
    skip: string[],
  ): Promise<{ id: string; dueAt: Date; ok: boolean } | null> {
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
        return { id: claimed.id, dueAt: claimed.dueAt, ok: true };
      });
    } catch (error) {
      if (!claimed) throw error;
      this.logger.error(`Timer ${claimed.kind} ${claimed.id} failed: ${(error as Error).message}`);
      // Retried later with a growing delay (1 min, 2 min, … up to an hour).
      const delayMs = backoffMs(claimed.attempts + 1, { baseMs: 60_000, maxMs: 3_600_000 });
      await this.dataSource.query(
        `UPDATE applications.due_timers SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE id = $1`,
        [
          claimed.id,
          String((error as Error).message).slice(0, 2000),
          new Date(now.getTime() + delayMs),
        ],
      );
      return { id: claimed.id, dueAt: claimed.dueAt, ok: false };
    }
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
