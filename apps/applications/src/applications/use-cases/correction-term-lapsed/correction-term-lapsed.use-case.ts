import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, Clock, type Emit } from '@app/common';
import { correctionTermLapses } from '../../../domain/application-lifecycle.js';
import { recipientOf } from '../../../shared/recipients.js';
import { TimersService } from '../../../timers/timers.service.js';
import { Application } from '../../application.entity.js';
import { CORRECTION_TIMER } from '../../correction-timer.js';
import { formallyRejectedPayload } from '../../events/payloads.js';

/** The correction-term timer that fired: for which application, set for which round. */
export interface CorrectionTermLapsedCommand {
  readonly applicationId: string;
  /** The round the timer was set for (its payload, as stored). */
  readonly round: unknown;
}

/** The timer's transaction: the rejection and its event commit with the timer's row. */
export interface TimerTransaction {
  readonly manager: EntityManager;
  readonly emit: Emit;
}

const AUTOMATIC_REJECTION = 'Nie uzupełniono braków formalnych w wyznaczonym terminie';

/**
 * The durable timer of a correction term (docs/architecture.md#timers-and-schedulers): an
 * unanswered request rejects the application (`formally-rejected`, `automatic: true`). Registered
 * with the timers at start-up; a timer made moot (answered, withdrawn, a later round) does nothing.
 */
@Injectable()
export class CorrectionTermLapsedUseCase implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly timers: TimersService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timers.register(CORRECTION_TIMER, (timer, manager, emit) =>
      this.execute(
        { applicationId: timer.entityId, round: timer.payload.round },
        { manager, emit },
      ),
    );
  }

  async execute(
    { applicationId, round }: CorrectionTermLapsedCommand,
    { manager, emit }: TimerTransaction,
  ): Promise<void> {
    const application = await manager.findOne(Application, {
      where: { id: applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application) return;
    const corrections = application.corrections;
    if (!corrections || !correctionTermLapses(application.state, corrections.round, round)) return;
    const now = this.clock.now();
    application.state = 'formally-rejected';
    application.decidedAt = now;
    application.decidedBy = null;
    application.decisionReasons = [AUTOMATIC_REJECTION];
    application.updatedAt = now;
    await manager.save(application);
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'application',
      entityId: application.id,
      action: 'formal-check.rejected-automatically',
      fromState: 'corrections-requested',
      toState: 'formally-rejected',
      changes: { reasons: application.decisionReasons, deadline: corrections.deadline },
    });
    await emit(
      'applications.application.formally-rejected',
      formallyRejectedPayload(
        application,
        now,
        await recipientOf(manager, application.applicantId),
        true,
      ),
    );
  }
}
