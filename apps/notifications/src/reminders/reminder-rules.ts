import {
  addCalendarDays,
  calendarDaysBetween,
  endOfWarsawDay,
  startOfWarsawDay,
  warsawDate,
  warsawOffsetMs,
  workingDaysBefore,
  type EventEnvelope,
  type EventPayload,
  type EventSubject,
  type Recipient,
} from '@app/common';
import type { Countdown, TemplateData, TemplateName } from '../templates/catalogue.js';

/**
 * When reminders are due and which events make them moot (docs/product.md#reminders) — plain
 * TypeScript.
 *
 * A reminder is filed under "scopes", keys of what it is about (`application:<id>`,
 * `evaluation:<id>`, `call:<id>:<round>`, …); a cancelling event names the scopes it settles.
 * The same keys are kept as tombstones, so a cancelling event handled before the event that
 * would create the reminder (JetStream does not order work across handlers) still wins.
 */
export type ReminderKind = 'corrections' | 'evaluation' | 'job-report' | 'call-closing';
export const REMINDER_KINDS: readonly ReminderKind[] = [
  'corrections',
  'evaluation',
  'job-report',
  'call-closing',
];

/** The templates reminders use: those whose data counts down the days left (`daysLeft`). */
export type ReminderTemplate = {
  [T in TemplateName]: TemplateData[T] extends Countdown ? T : never;
}[TemplateName];

/**
 * What a reminder stores for its message: the template's data but the countdown, which is added
 * when it fires (`ReminderData<'evaluation-reminder'>`, or of any reminder template).
 */
export type ReminderData<T extends ReminderTemplate = ReminderTemplate> = {
  [K in T]: Omit<TemplateData[K], keyof Countdown>;
}[T];

interface ReminderFor<T extends ReminderTemplate> {
  kind: ReminderKind;
  template: T;
  recipient: Recipient;
  reference: string;
  /** When to send it. */
  dueAt: Date;
  /** When what it reminds of is over: a reminder still pending then is moot (`expired`). */
  deadline: Date;
  /** The Warsaw day it counts down to (the message says how many days are left when sent). */
  dueDate: string;
  scopes: string[];
  data: ReminderData<T>;
}

export type PlannedReminder = { [T in ReminderTemplate]: ReminderFor<T> }[ReminderTemplate];

export interface Cancellation {
  kinds: ReminderKind[];
  scopes: string[];
}

export interface ReminderSettings {
  /** The Warsaw hour at which reminders go out on their day. */
  hour: number;
}

const HOUR_MS = 3_600_000;

/** `hour`:00 Warsaw wall-clock time on a Warsaw calendar day, also on DST-change days. */
export function warsawMoment(isoDate: string, hour: number): Date {
  const start = startOfWarsawDay(isoDate);
  const naive = start.getTime() + hour * HOUR_MS;
  return new Date(naive + warsawOffsetMs(start) - warsawOffsetMs(new Date(naive)));
}

/** Whole Warsaw calendar days from `now` to `dueDate` (0 on the day itself, never negative). */
export function daysLeft(now: Date, dueDate: string): number {
  return Math.max(0, calendarDaysBetween(warsawDate(now), dueDate));
}

/** Corrections: 1 working day before the term's last day. */
export function correctionsReminderDay(lastDay: string): string {
  return workingDaysBefore(lastDay, 1);
}

/** Evaluation: 2 days before it is due. */
export function evaluationReminderDay(dueDate: string): string {
  return addCalendarDays(dueDate, -2);
}

/** Call closing: 3 days before the call's closing day (applicants whose draft is still open). */
export function callClosingReminderDay(closingDay: string): string {
  return addCalendarDays(closingDay, -3);
}

/** Monthly job report: 7 days before it is due. */
export function jobReportReminderDay(dueDate: string): string {
  return addCalendarDays(dueDate, -7);
}

type Rule<S extends EventSubject> = (
  p: EventPayload<S>,
  settings: ReminderSettings,
) => PlannedReminder[];

const RULES: { [S in EventSubject]?: Rule<S> } = {
  'applications.application.draft-created': (p, s) => {
    const closingDay = warsawDate(new Date(p.callClosesAt));
    return [
      {
        kind: 'call-closing',
        template: 'call-closing-reminder',
        recipient: p.applicant,
        // A draft has no reference number yet: the call's number identifies it.
        reference: p.callNumber,
        dueAt: warsawMoment(callClosingReminderDay(closingDay), s.hour),
        deadline: new Date(p.callClosesAt),
        dueDate: closingDay,
        scopes: [`application:${p.applicationId}`, `call:${p.callId}`],
        data: { callNumber: p.callNumber, callTitle: p.callTitle, closesAt: p.callClosesAt },
      },
    ];
  },

  'applications.application.corrections-requested': (p, s) => [
    {
      kind: 'corrections',
      template: 'corrections-reminder',
      recipient: p.applicant,
      reference: p.reference,
      dueAt: warsawMoment(correctionsReminderDay(p.lastDay), s.hour),
      deadline: new Date(p.deadline),
      dueDate: p.lastDay,
      scopes: [`application:${p.applicationId}`],
      data: { reference: p.reference, lastDay: p.lastDay, deadline: p.deadline },
    },
  ],

  'grants.evaluation.assigned': (p, s) => [
    {
      kind: 'evaluation',
      template: 'evaluation-reminder',
      recipient: p.evaluator,
      reference: p.reference,
      dueAt: warsawMoment(evaluationReminderDay(p.dueDate), s.hour),
      deadline: new Date(p.deadline),
      dueDate: p.dueDate,
      scopes: [
        `evaluation:${p.evaluationId}`,
        `application:${p.applicationId}`,
        `application:${p.applicationId}:${p.round}`,
        `call:${p.callId}`,
        `call:${p.callId}:${p.round}`,
      ],
      data: {
        reference: p.reference,
        callNumber: p.callNumber,
        dueDate: p.dueDate,
        deadline: p.deadline,
      },
    },
  ],

  'grants.job.report-due': (p, s) => [
    {
      kind: 'job-report',
      template: 'job-report-reminder',
      recipient: p.applicant,
      reference: p.reference,
      dueAt: warsawMoment(jobReportReminderDay(p.dueDate), s.hour),
      deadline: endOfWarsawDay(p.dueDate),
      dueDate: p.dueDate,
      scopes: [`report:${p.reportId}`, `job:${p.jobId}`, `award:${p.awardId}`],
      data: { reference: p.reference, position: p.position, period: p.period, dueDate: p.dueDate },
    },
  ],
};

/**
 * The reminders an event creates. A reminder whose moment is not after the event itself is left
 * out: the event's own message (sent at once) already is the notice, and a second one at the
 * same moment would only repeat it.
 */
export function remindersFor(event: EventEnvelope, settings: ReminderSettings): PlannedReminder[] {
  const rule = RULES[event.type] as Rule<EventSubject> | undefined;
  if (!rule) return [];
  const at = new Date(event.occurredAt).getTime();
  return rule(event.payload, settings).filter(
    (r) => r.dueAt.getTime() > at && r.deadline.getTime() > at,
  );
}

const application = (id: string) => `application:${id}`;

type CancelRule<S extends EventSubject> = (p: EventPayload<S>) => Cancellation[];

const CANCELS: { [S in EventSubject]?: CancelRule<S> } = {
  // The corrections were answered, or the formal check ended: nothing left to correct.
  'applications.application.corrections-answered': (p) => [
    { kinds: ['corrections'], scopes: [application(p.applicationId)] },
  ],
  'applications.application.formally-accepted': (p) => [
    { kinds: ['corrections'], scopes: [application(p.applicationId)] },
  ],
  'applications.application.formally-rejected': (p) => [
    { kinds: ['corrections'], scopes: [application(p.applicationId)] },
  ],
  'applications.application.withdrawn': (p) => [
    {
      kinds: ['corrections', 'evaluation', 'call-closing'],
      scopes: [application(p.applicationId)],
    },
  ],
  // The draft was submitted: nothing left to finish before the call closes.
  'applications.application.submitted': (p) => [
    { kinds: ['call-closing'], scopes: [application(p.applicationId)] },
  ],
  // A third evaluator is called only once both first-round scores are in.
  'grants.evaluation.assigned': (p) =>
    p.round === 'third'
      ? [{ kinds: ['evaluation'], scopes: [`${application(p.applicationId)}:first`] }]
      : [],
  'grants.evaluation.overdue': (p) => [
    { kinds: ['evaluation'], scopes: [`evaluation:${p.evaluationId}`] },
  ],
  // The evaluator submitted the scores: nothing left to remind them of.
  'grants.evaluation.submitted': (p) => [
    { kinds: ['evaluation'], scopes: [`evaluation:${p.evaluationId}`] },
  ],
  // A decision needs every first and third evaluation of the application finished.
  'grants.award.granted': (p) => [
    { kinds: ['evaluation'], scopes: decidedScopes(p.applicationId, p.afterAppeal) },
  ],
  'grants.award.rejected': (p) => [
    { kinds: ['evaluation'], scopes: decidedScopes(p.applicationId, p.afterAppeal) },
  ],
  'grants.appeal.resolved': (p) => [
    { kinds: ['evaluation'], scopes: [`${application(p.applicationId)}:appeal`] },
  ],
  // Approving a ranking needs every evaluation of the call finished (after appeals: every one).
  'grants.ranking.published': (p) => [
    {
      kinds: ['evaluation'],
      scopes: p.afterAppeals
        ? [`call:${p.callId}`]
        : [`call:${p.callId}:first`, `call:${p.callId}:third`],
    },
  ],
  'grants.job.report-overdue': (p) => [{ kinds: ['job-report'], scopes: [`report:${p.reportId}`] }],
  // The month's report was filed (the report id stands for the job and its period).
  'grants.job.report-submitted': (p) => [
    { kinds: ['job-report'], scopes: [`report:${p.reportId}`] },
  ],
  'grants.refund.claimed': (p) => [{ kinds: ['job-report'], scopes: [`job:${p.jobId}`] }],
  'grants.award.settled': (p) => [{ kinds: ['job-report'], scopes: [`award:${p.awardId}`] }],
};

function decidedScopes(applicationId: string, afterAppeal: boolean): string[] {
  const scopes = [`${application(applicationId)}:first`, `${application(applicationId)}:third`];
  return afterAppeal ? [...scopes, `${application(applicationId)}:appeal`] : scopes;
}

/** What an event makes moot. */
export function cancellationsFor(event: EventEnvelope): Cancellation[] {
  const rule = CANCELS[event.type] as CancelRule<EventSubject> | undefined;
  return rule ? rule(event.payload) : [];
}

/** Subjects that create or cancel reminders. */
export const REMINDER_SUBJECTS = [
  ...new Set([...Object.keys(RULES), ...Object.keys(CANCELS)]),
] as EventSubject[];
