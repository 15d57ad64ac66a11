import type { EventEnvelope, EventPayload, EventSubject, Recipient } from '@app/common';
import type {
  BridgingExtension,
  Decision,
  JobReport,
  TemplateData,
  TemplateName,
} from '../templates/catalogue.js';

/**
 * Which messages an event causes, to whom, with which template data (docs/product.md#notifications)
 * — plain TypeScript, free of Nest and TypeORM. Template data keeps the event's raw values (grosze,
 * ISO dates); the templates format them in the reader's language, which is only known when the
 * message is queued (a stored preference overrides the event's language).
 */
export interface MessageFor<T extends TemplateName> {
  template: T;
  recipient: Recipient;
  /** The template's own data type: a variable missing or misspelled does not compile. */
  data: TemplateData[T];
  /** What the delivery log files the message under (application reference, group id). */
  reference: string | null;
}

/** A message of one template (`PlannedMessage<'award-granted'>`), or of any (the default). */
export type PlannedMessage<T extends TemplateName = TemplateName> = {
  [K in T]: MessageFor<K>;
}[T];

export interface PlanContext {
  /** The operators' mailbox(es) (OPERATOR_EMAILS): escalations go there. */
  operators: readonly string[];
}

/** Operators have no names or languages in the events: Polish, greeted without a name. */
export function operatorRecipients(emails: readonly string[]): Recipient[] {
  return emails.map((email) => ({ email, name: '', language: 'pl' as const }));
}

type Planner<S extends EventSubject> = (p: EventPayload<S>, ctx: PlanContext) => PlannedMessage[];

const one = <T extends TemplateName>(
  template: T,
  recipient: Recipient,
  reference: string | null,
  data: TemplateData[T],
): MessageFor<T>[] => [{ template, recipient, reference, data }];

const PLANNERS: { [S in EventSubject]?: Planner<S> } = {
  'applications.account.verification-requested': (p) =>
    one('account-verification', p.recipient, null, {
      email: p.recipient.email,
      verificationUrl: p.verificationUrl,
      expiresAt: p.expiresAt,
    }),

  'applications.account.registration-attempted': (p) =>
    one('account-registration-attempted', p.recipient, null, {
      email: p.recipient.email,
      loginUrl: p.loginUrl,
      resetUrl: p.resetUrl,
      attemptedAt: p.attemptedAt,
    }),

  'applications.account.password-reset-requested': (p) =>
    one('account-password-reset', p.recipient, null, {
      email: p.recipient.email,
      resetUrl: p.resetUrl,
      expiresAt: p.expiresAt,
    }),

  'applications.application.submitted': (p) =>
    one('application-submitted', p.applicant, p.reference, {
      reference: p.reference,
      callNumber: p.callNumber,
      callTitle: p.callTitle,
      submittedAt: p.submittedAt,
    }),

  'applications.group.submitted': (p) =>
    one('group-submitted', p.leader, p.groupId, {
      groupId: p.groupId,
      groupName: p.name,
      plannedLegalForm: p.plannedLegalForm,
      naturalPersons: p.naturalPersons,
      legalPersons: p.legalPersons,
      plannedJobs: p.plannedJobs,
      submittedAt: p.submittedAt,
    }),

  'applications.group.qualified': (p) => groupDecided('group-qualified', p),
  'applications.group.rejected': (p) => groupDecided('group-rejected', p),

  'applications.application.corrections-requested': (p) =>
    one('corrections-requested', p.applicant, p.reference, {
      reference: p.reference,
      issues: p.issues.map((i) => ({ description: i.description, path: i.path ?? null })),
      termWorkingDays: p.termWorkingDays,
      lastDay: p.lastDay,
      deadline: p.deadline,
    }),

  'applications.application.corrections-answered': (p) =>
    one('corrections-answered', p.applicant, p.reference, {
      reference: p.reference,
      version: p.version,
      answeredAt: p.answeredAt,
    }),

  'applications.application.formally-accepted': (p) =>
    one('formally-accepted', p.applicant, p.reference, {
      reference: p.reference,
      entityName: p.entityName,
      amountTotal: p.amount.total,
      jobs: p.jobs.length,
      acceptedAt: p.acceptedAt,
    }),

  'applications.application.formally-rejected': (p) =>
    one('formally-rejected', p.applicant, p.reference, {
      reference: p.reference,
      reasons: p.reasons,
      automatic: p.automatic,
      decidedAt: p.decidedAt,
    }),

  'applications.application.withdrawn': (p) =>
    one('application-withdrawn', p.applicant, p.reference, {
      reference: p.reference,
      withdrawnAt: p.withdrawnAt,
    }),

  'grants.evaluation.assigned': (p) =>
    one('evaluation-assigned', p.evaluator, p.reference, {
      reference: p.reference,
      callNumber: p.callNumber,
      round: p.round,
      dueDate: p.dueDate,
      deadline: p.deadline,
    }),

  'grants.evaluation.overdue': (p, ctx) => {
    const data: TemplateData['evaluation-overdue'] = {
      reference: p.reference,
      callNumber: p.callNumber,
      round: p.round,
      dueDate: p.dueDate,
      evaluatorName: p.evaluator.name,
      evaluatorEmail: p.evaluator.email,
    };
    return [
      { template: 'evaluation-overdue', recipient: p.evaluator, reference: p.reference, data },
      ...operatorRecipients(ctx.operators).map((recipient) => ({
        template: 'evaluation-overdue-operator' as const,
        recipient,
        reference: p.reference,
        data,
      })),
    ];
  },

  'grants.award.granted': (p) =>
    one('award-granted', p.applicant, p.reference, {
      ...decisionData(p),
      rank: p.rank,
      amount: p.amount,
      fromReserve: p.fromReserve === true,
    }),

  'grants.award.rejected': (p) => {
    const reserve = p.outcome === 'reserve';
    // What was left of the budget is known for reserve decisions published since it was added.
    const remainingBudget = reserve ? (p.remainingBudget ?? null) : null;
    return one('award-rejected', p.applicant, p.reference, {
      ...decisionData(p),
      reserve,
      rank: p.rank,
      amount: p.amount,
      remainingBudget,
      remainingKnown: remainingBudget !== null,
      /** False: the rest would cover it, but one ranked higher did not fit (no skipping down). */
      budgetShort: remainingBudget !== null && remainingBudget < p.amount,
    });
  },

  'grants.award.given-up': (p) =>
    one('award-given-up', p.applicant, p.reference, {
      reference: p.reference,
      callNumber: p.callNumber,
      amount: p.amount,
      reason: p.reason,
      by: p.by,
      givenUpAt: p.givenUpAt,
    }),

  'grants.appeal.resolved': (p) =>
    one('appeal-resolved', p.applicant, p.reference, {
      reference: p.reference,
      upheld: p.outcome === 'upheld',
      scoreBefore: p.scoreBefore,
      scoreAfter: p.scoreAfter,
      passed: p.passed,
      resolvedAt: p.resolvedAt,
    }),

  'grants.agreement.prepared': (p) =>
    one('agreement-ready', p.applicant, p.reference, {
      reference: p.reference,
      amount: p.amount,
      signingOn: p.signingOn,
      place: p.place ?? null,
    }),

  'grants.agreement.signed': (p) =>
    one('agreement-signed', p.applicant, p.reference, {
      reference: p.reference,
      amount: p.amount,
      signedOn: p.signedOn,
      security: p.security,
      deMinimisCertificateNumber: p.deMinimisCertificateNumber,
      jobs: p.jobs,
    }),

  'grants.payment.made': (p) =>
    one('payment-made', p.applicant, p.reference, {
      reference: p.reference,
      kind: p.kind,
      amount: p.amount,
      paidOn: p.paidOn,
      month: p.month ?? null,
      paidTotal: p.paidTotal,
      remaining: p.remaining,
    }),

  'grants.bridging-extension.requested': (p, ctx) =>
    operatorRecipients(ctx.operators).map((recipient) => ({
      template: 'bridging-extension-requested-operator' as const,
      recipient,
      reference: p.reference,
      data: {
        ...bridgingExtensionData(p),
        justification: p.justification,
        requestedAt: p.requestedAt,
        applicantName: p.applicant.name,
        applicantEmail: p.applicant.email,
      },
    })),

  'grants.bridging-extension.decided': (p) =>
    one('bridging-extension-decided', p.applicant, p.reference, {
      ...bridgingExtensionData(p),
      approved: p.decision === 'approved',
      reason: p.reason ?? null,
      awardAmount: p.awardAmount,
      decidedAt: p.decidedAt,
    }),

  'grants.job.report-due': (p) => one('job-report-due', p.applicant, p.reference, jobReportData(p)),

  'grants.job.report-overdue': (p, ctx) => {
    const data: TemplateData['job-report-overdue'] = {
      ...jobReportData(p),
      applicantName: p.applicant.name,
      applicantEmail: p.applicant.email,
    };
    return [
      { template: 'job-report-overdue', recipient: p.applicant, reference: p.reference, data },
      ...operatorRecipients(ctx.operators).map((recipient) => ({
        template: 'job-report-overdue-operator' as const,
        recipient,
        reference: p.reference,
        data,
      })),
    ];
  },

  'grants.job.vacancy-reported': (p) =>
    one('job-vacancy', p.applicant, p.reference, {
      reference: p.reference,
      position: p.position,
      vacancyDate: p.vacancyDate,
      refillDeadline: p.refillDeadline,
    }),

  'grants.refund.claimed': (p) =>
    one('refund-claimed', p.applicant, p.reference, {
      reference: p.reference,
      position: p.position,
      principal: p.principal,
      interest: p.interest,
      total: p.total,
      calculatedOn: p.calculatedOn,
      demandDate: p.demandDate,
      dueDate: p.dueDate,
    }),

  'grants.award.settled': (p) =>
    one('award-settled', p.applicant, p.reference, {
      reference: p.reference,
      amount: p.amount,
      paidTotal: p.paidTotal,
      refundClaimedTotal: p.refundClaimedTotal,
      jobsKept: p.jobsKept,
      settledOn: p.settledOn,
    }),
};

function groupDecided(
  template: 'group-qualified' | 'group-rejected',
  p: EventPayload<'applications.group.qualified'>,
): PlannedMessage[] {
  return one(template, p.leader, p.groupId, {
    groupId: p.groupId,
    groupName: p.name,
    reason: p.reason ?? null,
    decidedAt: p.decidedAt,
  });
}

function decisionData(
  p: EventPayload<'grants.award.granted'> | EventPayload<'grants.award.rejected'>,
): Decision {
  return {
    reference: p.reference,
    callNumber: p.callNumber,
    callTitle: p.callTitle,
    score: p.score,
    maxScore: p.maxScore,
    requiredScore: p.requiredScore,
    decidedAt: p.decidedAt,
    appealLastDay: p.appealLastDay,
    appealDeadline: p.appealDeadline,
    appealTermWorkingDays: p.appealTermWorkingDays,
    afterAppeal: p.afterAppeal,
  };
}

function bridgingExtensionData(
  p:
    | EventPayload<'grants.bridging-extension.requested'>
    | EventPayload<'grants.bridging-extension.decided'>,
): BridgingExtension {
  return {
    reference: p.reference,
    awardId: p.awardId,
    requestId: p.requestId,
    months: p.months,
    monthlyAmount: p.monthlyAmount,
    jobs: p.jobs,
    amount: p.amount,
  };
}

function jobReportData(p: EventPayload<'grants.job.report-due'>): JobReport {
  return { reference: p.reference, position: p.position, period: p.period, dueDate: p.dueDate };
}

/** Subjects that cause messages. */
export const MESSAGE_SUBJECTS = Object.keys(PLANNERS) as EventSubject[];

/** The messages an event causes (none for an event that asks or decides nothing of a person). */
export function planMessages(event: EventEnvelope, ctx: PlanContext): PlannedMessage[] {
  const planner = PLANNERS[event.type] as Planner<EventSubject> | undefined;
  return planner ? planner(event.payload, ctx) : [];
}
