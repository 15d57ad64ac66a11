import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService } from '@app/common';
import { findCall } from '../../../calls/find-call.js';
import type { PoolMemberDto } from '../../evaluation.dto.js';
import { CallEvaluator } from '../../evaluation.entities.js';
import { AssignEvaluators } from '../assign-evaluators/assign-evaluators.use-case.js';

export interface PutPoolMemberInput {
  readonly callId: string;
  readonly member: PoolMemberDto;
}

/**
 * Adds an evaluator to the call's pool (or changes their entry; one chair per call), then assigns
 * what is missing. A member marked as a trainer or adviser of the centre loses what they have not
 * scored, which goes to someone else.
 */
@Injectable()
export class PutPoolMember {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignEvaluators: AssignEvaluators,
  ) {}

  execute({ callId, member: dto }: PutPoolMemberInput): Promise<CallEvaluator> {
    return this.outbox.transaction(async (manager, emit) => {
      await findCall(manager, callId, true);
      const existing = await manager.findOne(CallEvaluator, {
        where: { callId, userId: dto.userId },
      });
      if (dto.chair) {
        await manager.query(
          `UPDATE grants.call_evaluators SET chair = false WHERE call_id = $1 AND chair`,
          [callId],
        );
      }
      const member = manager.create(CallEvaluator, {
        callId,
        userId: dto.userId,
        email: dto.email,
        name: dto.name,
        language: dto.language ?? existing?.language ?? 'pl',
        trainerOrAdviser: dto.trainerOrAdviser,
        chair: dto.chair ?? existing?.chair ?? false,
        addedAt: existing?.addedAt ?? this.clock.now(),
      });
      await manager.save(member);
      if (dto.trainerOrAdviser) {
        // A trainer or adviser of the centre may not evaluate: what they have not scored goes to someone else.
        await manager.query(
          `UPDATE grants.evaluations SET status = 'cancelled'
            WHERE call_id = $1 AND evaluator_id = $2 AND status IN ('assigned', 'declared')`,
          [callId, dto.userId],
        );
      }
      await this.audit.record(manager, {
        entityType: 'call-evaluator',
        entityId: callId,
        action: existing ? 'pool-member-updated' : 'pool-member-added',
        changes: { ...dto },
      });
      await this.assignEvaluators.execute({ manager, emit }, { callId });
      return member;
    });
  }
}
