import { Injectable } from '@nestjs/common';
import { AuditService, type EventEnvelope } from '@app/common';
import { AssignEvaluators } from '../../../evaluation/use-cases/assign-evaluators/assign-evaluators.use-case.js';
import type { Tx } from '../../../shared/tx.js';
import { ApplicationsReadModel } from '../../read-model.repository.js';

export interface AcceptApplicationInput {
  readonly event: EventEnvelope<'applications.application.formally-accepted'>;
}

/**
 * An application passed the formal check: the read model takes its jobs, amount and business
 * plan, and its evaluation starts with two evaluators assigned in the same transaction.
 */
@Injectable()
export class AcceptApplication {
  constructor(
    private readonly readModel: ApplicationsReadModel,
    private readonly audit: AuditService,
    private readonly assignEvaluators: AssignEvaluators,
  ) {}

  async execute(tx: Tx, { event }: AcceptApplicationInput): Promise<void> {
    const { manager } = tx;
    const p = event.payload;
    if (!(await this.readModel.lockCallRules(manager, p.callId, p.submittedAt, p.centreId))) return;
    if (!(await this.readModel.upsertAccepted(manager, p, event.occurredAt))) return; // already accepted, or withdrawn meanwhile
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'formally-accepted',
      fromState: 'submitted',
      toState: 'formally-accepted',
      changes: { reference: p.reference, amount: p.amount.total, jobs: p.jobs.length },
    });
    await this.assignEvaluators.execute(tx, { callId: p.callId });
  }
}
