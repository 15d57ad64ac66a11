import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import { CallReadModel } from '../../../calls/call.entity.js';
import { recipientOf } from '../../../shared/recipients.js';
import { Application } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { assertDraftTypes, copyListColumns } from '../../draft-form.js';
import { draftCreatedPayload } from '../../events/payloads.js';

export interface CreateDraftCommand {
  readonly user: AuthUser;
  readonly callId: string;
  /** Partial form data: only the types are checked. */
  readonly form: Record<string, unknown>;
}

const NO_SUCH_CALL = { pl: 'Nie ma takiego naboru', en: 'No such call' };

/** An applicant starts a draft for a call the service knows (`draft-created`, for the reminder). */
@Injectable()
export class CreateDraftUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute({ user, callId, form }: CreateDraftCommand): Promise<Application> {
    await assertDraftTypes(form);
    return this.outbox.transaction(async (manager, emit) => {
      const call = await manager.findOne(CallReadModel, { where: { id: callId } });
      if (!call) {
        throw ApiError.unprocessable(ApplicationsErrors.UNKNOWN_CALL, NO_SUCH_CALL, [
          { path: 'callId', message: NO_SUCH_CALL },
        ]);
      }
      const now = this.clock.now();
      const application = manager.create(Application, {
        applicantId: user.id,
        callId,
        // An application belongs to the centre whose call it is for (docs/tenancy.md).
        centreId: call.centreId,
        state: 'draft',
        form,
        reference: null,
        submittedVersion: 0,
        submittedAt: null,
        correctionRounds: 0,
        corrections: null,
        amount: null,
        requestedTotal: null,
        decidedAt: null,
        decidedBy: null,
        decisionReasons: null,
        withdrawnAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await copyListColumns(manager, application);
      await manager.save(application);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'created',
        toState: 'draft',
      });
      await emit(
        'applications.application.draft-created',
        draftCreatedPayload(application, call, now, await recipientOf(manager, user.id)),
      );
      return application;
    });
  }
}
