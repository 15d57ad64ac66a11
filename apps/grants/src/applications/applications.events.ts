import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';
import { ApplicationsReadModel } from './read-model.repository.js';
import { AcceptApplication } from './use-cases/accept-application/accept-application.use-case.js';
import { RecordSubmission } from './use-cases/record-submission/record-submission.use-case.js';
import { RejectApplication } from './use-cases/reject-application/reject-application.use-case.js';
import { WithdrawApplication } from './use-cases/withdraw-application/withdraw-application.use-case.js';

/**
 * Keeps the local read model of applications from the applications service's events, and
 * reacts: the first submission locks the call's rules, a formal acceptance starts the
 * evaluation, a withdrawal cancels it. Every write uses the handler's transaction (`ctx`: its
 * manager, the one the inbox row is in, and its emit).
 */
@Controller()
export class ApplicationsEventsController {
  constructor(
    private readonly recordSubmission: RecordSubmission,
    private readonly acceptApplication: AcceptApplication,
    private readonly rejectApplication: RejectApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly readModel: ApplicationsReadModel,
  ) {}

  @OnEvent('applications.application.submitted')
  onSubmitted(
    @Payload() event: EventEnvelope<'applications.application.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.recordSubmission.execute(ctx, { event });
  }

  @OnEvent('applications.application.formally-accepted')
  onFormallyAccepted(
    @Payload() event: EventEnvelope<'applications.application.formally-accepted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.acceptApplication.execute(ctx, { event });
  }

  @OnEvent('applications.application.formally-rejected')
  onFormallyRejected(
    @Payload() event: EventEnvelope<'applications.application.formally-rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.rejectApplication.execute(ctx, { event });
  }

  @OnEvent('applications.application.withdrawn')
  onWithdrawn(
    @Payload() event: EventEnvelope<'applications.application.withdrawn'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.withdrawApplication.execute(ctx, { event });
  }

  /** A group applied to be supported: kept for the "groups supported" indicator. */
  @OnEvent('applications.group.submitted')
  onGroupSubmitted(
    @Payload() event: EventEnvelope<'applications.group.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.readModel.upsertGroupSubmitted(ctx.manager, event.payload, event.occurredAt);
  }

  @OnEvent('applications.group.qualified')
  onGroupQualified(
    @Payload() event: EventEnvelope<'applications.group.qualified'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.readModel.upsertGroupDecided(ctx.manager, event.payload, event.occurredAt);
  }

  @OnEvent('applications.group.rejected')
  onGroupRejected(
    @Payload() event: EventEnvelope<'applications.group.rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.readModel.upsertGroupDecided(ctx.manager, event.payload, event.occurredAt);
  }
}
