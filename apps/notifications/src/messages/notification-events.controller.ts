import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';
import { Notifier } from './notifier.service.js';

/**
 * Every event that asks something of a person, decides something for them, or makes a reminder moot
 * (docs/product.md#notifications). Thin: each handler hands the event to the Notifier, which writes
 * only through the handler's transaction (`ctx.manager`, the inbox row is in it).
 */
@Controller()
export class NotificationEventsController {
  constructor(private readonly notifier: Notifier) {}

  @OnEvent('applications.account.verification-requested')
  onAccountVerificationRequested(
    @Payload() event: EventEnvelope<'applications.account.verification-requested'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.account.registration-attempted')
  onRegistrationAttempted(
    @Payload() event: EventEnvelope<'applications.account.registration-attempted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.account.password-reset-requested')
  onPasswordResetRequested(
    @Payload() event: EventEnvelope<'applications.account.password-reset-requested'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.draft-created')
  onDraftCreated(
    @Payload() event: EventEnvelope<'applications.application.draft-created'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.submitted')
  onApplicationSubmitted(
    @Payload() event: EventEnvelope<'applications.application.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.group.submitted')
  onGroupSubmitted(
    @Payload() event: EventEnvelope<'applications.group.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.group.qualified')
  onGroupQualified(
    @Payload() event: EventEnvelope<'applications.group.qualified'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.group.rejected')
  onGroupRejected(
    @Payload() event: EventEnvelope<'applications.group.rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.corrections-requested')
  onApplicationCorrectionsRequested(
    @Payload() event: EventEnvelope<'applications.application.corrections-requested'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.corrections-answered')
  onApplicationCorrectionsAnswered(
    @Payload() event: EventEnvelope<'applications.application.corrections-answered'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.formally-accepted')
  onApplicationFormallyAccepted(
    @Payload() event: EventEnvelope<'applications.application.formally-accepted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.formally-rejected')
  onApplicationFormallyRejected(
    @Payload() event: EventEnvelope<'applications.application.formally-rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('applications.application.withdrawn')
  onApplicationWithdrawn(
    @Payload() event: EventEnvelope<'applications.application.withdrawn'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.evaluation.assigned')
  onEvaluationAssigned(
    @Payload() event: EventEnvelope<'grants.evaluation.assigned'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.evaluation.overdue')
  onEvaluationOverdue(
    @Payload() event: EventEnvelope<'grants.evaluation.overdue'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.award.granted')
  onAwardGranted(
    @Payload() event: EventEnvelope<'grants.award.granted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.award.rejected')
  onAwardRejected(
    @Payload() event: EventEnvelope<'grants.award.rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.award.given-up')
  onAwardGivenUp(
    @Payload() event: EventEnvelope<'grants.award.given-up'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.ranking.published')
  onRankingPublished(
    @Payload() event: EventEnvelope<'grants.ranking.published'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.appeal.resolved')
  onAppealResolved(
    @Payload() event: EventEnvelope<'grants.appeal.resolved'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.agreement.signed')
  onAgreementSigned(
    @Payload() event: EventEnvelope<'grants.agreement.signed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.payment.made')
  onPaymentMade(
    @Payload() event: EventEnvelope<'grants.payment.made'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.bridging-extension.requested')
  onBridgingExtensionRequested(
    @Payload() event: EventEnvelope<'grants.bridging-extension.requested'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.bridging-extension.decided')
  onBridgingExtensionDecided(
    @Payload() event: EventEnvelope<'grants.bridging-extension.decided'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.job.report-due')
  onJobReportDue(
    @Payload() event: EventEnvelope<'grants.job.report-due'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.job.report-overdue')
  onJobReportOverdue(
    @Payload() event: EventEnvelope<'grants.job.report-overdue'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.job.vacancy-reported')
  onJobVacancyReported(
    @Payload() event: EventEnvelope<'grants.job.vacancy-reported'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.refund.claimed')
  onRefundClaimed(
    @Payload() event: EventEnvelope<'grants.refund.claimed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.award.settled')
  onAwardSettled(
    @Payload() event: EventEnvelope<'grants.award.settled'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.evaluation.submitted')
  onEvaluationSubmitted(
    @Payload() event: EventEnvelope<'grants.evaluation.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.agreement.prepared')
  onAgreementPrepared(
    @Payload() event: EventEnvelope<'grants.agreement.prepared'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }

  @OnEvent('grants.job.report-submitted')
  onJobReportSubmitted(
    @Payload() event: EventEnvelope<'grants.job.report-submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.notifier.handle(event, ctx);
  }
}
