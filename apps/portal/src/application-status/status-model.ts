import { formatDay, formatMoment, formatMoney } from '../platform/views.js';
import type { Lang, Translate } from '../i18n/i18n.js';

// The services' answers as these pages read them (GET /api/applications/:id, /api/decisions/:id,
// /api/awards/:id): only the fields used here.

export interface CorrectionRequest {
  round: number;
  issues: { path?: string; description: string }[];
  lastDay: string;
  deadline: string;
  requestedAt: string;
  answeredAt?: string;
}

export interface ApplicationBody {
  id: string;
  callId: string;
  state:
    | 'draft'
    | 'submitted'
    | 'corrections-requested'
    | 'formally-accepted'
    | 'formally-rejected'
    | 'withdrawn';
  reference: string | null;
  version: number;
  entityName: string | null;
  form: Record<string, unknown>;
  amount: { totalFormatted?: string; total?: number } | null;
  corrections: CorrectionRequest | null;
  decision: { decidedAt: string; reasons: string[]; automatic: boolean } | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionBody {
  version: number;
  submittedAt: string;
  form: Record<string, unknown>;
  changes:
    | { path: string; kind: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown }[]
    | null;
}

export interface AppealBody {
  id: string;
  criteria: string[];
  status: string;
  filedAt: string;
  scoreBefore: number;
  scoreAfter: number | null;
  resolvedAt: string | null;
}

export interface DecisionBody {
  id: string;
  callId: string;
  applicationId: string;
  reference: string;
  outcome: 'funded' | 'reserve' | 'below-threshold';
  standing: 'funded' | 'reserve' | 'below-threshold' | 'given-up';
  score: number;
  rank: number | null;
  amount: number;
  amountFormatted: string;
  decidedAt: string;
  appealLastDay: string;
  appealDeadline: string;
  appeal?: AppealBody | null;
  criteria?: { id: string; name: string; maxPoints: number; points: number | null }[];
}

export interface ReportBody {
  id: string;
  jobId: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: 'pending' | 'submitted' | 'cancelled';
  jobExists: boolean | null;
  evidenceReference: string | null;
  submittedAt: string | null;
}

export interface AwardJobBody {
  id: string;
  jobId: string;
  position: string;
  startDate: string | null;
  fundedEndDate: string | null;
  endDate: string | null;
  status: string;
  reports: ReportBody[];
}

export interface AwardBody {
  id: string;
  applicationId: string;
  decisionId: string;
  reference: string;
  status: string;
  amount: number;
  amountFormatted: string;
  signedOn: string | null;
  agreementPreparation: { signingOn: string; place: string; preparedAt: string } | null;
  grantedAt: string;
  settledOn: string | null;
  givenUp: { at: string } | null;
  jobs?: AwardJobBody[];
  payments?: {
    id: string;
    kind: string;
    amount: number;
    amountFormatted: string;
    paidOn: string;
  }[];
}

export type Stage =
  | 'draft'
  | 'submitted'
  | 'corrections'
  | 'accepted'
  | 'rejected'
  | 'withdrawn'
  | 'funded'
  | 'reserve'
  | 'below-threshold'
  | 'given-up'
  | 'agreement'
  | 'settled';

/** GOV.UK tag colours per stage (the words carry the meaning; colour only helps). */
const TAG_CLASS: Record<Stage, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  corrections: 'govuk-tag--orange',
  accepted: 'govuk-tag--light-blue',
  rejected: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
  funded: 'govuk-tag--green',
  reserve: 'govuk-tag--yellow',
  'below-threshold': 'govuk-tag--red',
  'given-up': 'govuk-tag--grey',
  agreement: 'govuk-tag--green',
  settled: 'govuk-tag--purple',
};

/** Where an application stands, from its own state, its decision and its award. */
export function stageOf(app: ApplicationBody, decision?: DecisionBody, award?: AwardBody): Stage {
  switch (app.state) {
    case 'draft':
      return 'draft';
    case 'submitted':
      return 'submitted';
    case 'corrections-requested':
      return 'corrections';
    case 'formally-rejected':
      return 'rejected';
    case 'withdrawn':
      return 'withdrawn';
    default:
      break;
  }
  if (award?.givenUp || decision?.standing === 'given-up') return 'given-up';
  if (award?.settledOn) return 'settled';
  if (award?.signedOn) return 'agreement';
  if (award || decision?.standing === 'funded') return 'funded';
  if (decision) return decision.standing === 'reserve' ? 'reserve' : 'below-threshold';
  return 'accepted';
}

export function stageTag(stage: Stage, t: Translate) {
  return { text: t(`status.stage.${stage}`), classes: TAG_CLASS[stage] };
}

/** Whether an appeal may be filed now: not funded, within the term, none filed yet. */
export function appealOpen(decision: DecisionBody | undefined, now: Date): boolean {
  return (
    !!decision &&
    decision.outcome !== 'funded' &&
    !decision.appeal &&
    now.getTime() <= new Date(decision.appealDeadline).getTime()
  );
}

export type ReportState = 'submitted' | 'overdue' | 'due' | 'upcoming' | 'cancelled';

/** A monthly report's state on the Warsaw day `today` (YYYY-MM-DD). */
export function reportState(report: ReportBody, today: string): ReportState {
  if (report.status === 'submitted') return 'submitted';
  if (report.status === 'cancelled') return 'cancelled';
  if (today > report.dueDate) return 'overdue';
  if (today > report.periodTo) return 'due';
  return 'upcoming';
}

/** The Warsaw calendar day of a moment (YYYY-MM-DD). */
export function warsawDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** "2027-03" as "marzec 2027" / "March 2027". */
export function formatPeriod(period: string, lang: Lang): string {
  const [year, month] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, 15)));
}

/** The next thing the person has to do about the application, in words (the list's column). */
export function nextAction(
  app: ApplicationBody,
  decision: DecisionBody | undefined,
  award: AwardBody | undefined,
  now: Date,
  t: Translate,
  lang: Lang,
): string {
  const stage = stageOf(app, decision, award);
  switch (stage) {
    case 'draft':
      return t('status.next.draft');
    case 'corrections':
      return t('status.next.corrections', {
        deadline: formatMoment(app.corrections?.deadline, lang),
      });
    case 'submitted':
      return t('status.next.submitted');
    case 'accepted':
      return t('status.next.accepted');
    case 'reserve':
    case 'below-threshold':
      if (appealOpen(decision, now)) {
        return t('status.next.appeal', {
          deadline: formatMoment(decision!.appealDeadline, lang),
        });
      }
      if (decision?.appeal && decision.appeal.status === 'pending') {
        return t('status.next.appealFiled');
      }
      return t('status.next.none');
    case 'funded':
      if (award?.agreementPreparation) {
        return t('status.next.agreement', {
          day: formatDay(award.agreementPreparation.signingOn, lang),
        });
      }
      return t('status.next.agreementWait');
    case 'agreement': {
      const today = warsawDay(now);
      const pending = (award?.jobs ?? [])
        .flatMap((j) => j.reports)
        .filter((r) => ['overdue', 'due'].includes(reportState(r, today)))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      if (pending.length === 0) return t('status.next.none');
      if (reportState(pending[0]!, today) === 'overdue') return t('status.next.reportOverdue');
      return t('status.next.report', { day: formatDay(pending[0]!.dueDate, lang) });
    }
    default:
      return t('status.next.none');
  }
}

/** One step of the timeline, in words. */
export interface TimelineStep {
  at: string;
  title: string;
  /** Paragraphs under the title. */
  lines: string[];
  /** A bulleted list (the issues to correct, the reasons of a rejection). */
  list?: string[];
  link?: { href: string; text: string };
  current?: boolean;
  /** A step ahead (a report due): dated in the future. */
  upcoming?: boolean;
}

export interface TimelineInput {
  app: ApplicationBody;
  versions: VersionBody[];
  decision?: DecisionBody;
  award?: AwardBody;
  now: Date;
  t: Translate;
  lang: Lang;
}

/**
 * The application's history, oldest first: created, submitted, corrections asked and answered,
 * the formal decision, withdrawal, the evaluation's decision with its appeal term, the appeal,
 * the agreement, payments — then the next job report due. The latest step that happened is the
 * current one.
 */
export function buildTimeline(input: TimelineInput): TimelineStep[] {
  const { app, versions, decision, award, now, t, lang } = input;
  const moment = (v: string | null | undefined) => formatMoment(v, lang);
  const day = (v: string | null | undefined) => formatDay(v, lang);
  const steps: TimelineStep[] = [{ at: app.createdAt, title: t('status.step.created'), lines: [] }];
  for (const v of versions) {
    if (v.version === 1) {
      steps.push({
        at: v.submittedAt,
        title: t('status.step.submitted'),
        lines: [t('status.step.submittedBody', { reference: app.reference ?? '' })],
      });
    } else {
      const latest = v.version === versions[versions.length - 1]!.version;
      steps.push({
        at: v.submittedAt,
        title: t('status.step.correctionsAnswered', { version: v.version }),
        lines: [],
        link: latest
          ? { href: `/wnioski/${app.id}/zmiany`, text: t('status.step.correctionsAnsweredLink') }
          : undefined,
      });
    }
  }
  if (versions.length === 0 && app.submittedAt) {
    steps.push({
      at: app.submittedAt,
      title: t('status.step.submitted'),
      lines: [t('status.step.submittedBody', { reference: app.reference ?? '' })],
    });
  }
  if (app.corrections) {
    steps.push({
      at: app.corrections.requestedAt,
      title: t('status.step.correctionsRequested'),
      lines: [t('status.step.correctionsBody', { deadline: moment(app.corrections.deadline) })],
      list: app.corrections.issues.map((i) => i.description),
    });
  }
  if (app.decision && app.state === 'formally-accepted') {
    steps.push({
      at: app.decision.decidedAt,
      title: t('status.step.accepted'),
      lines: [t('status.step.acceptedBody')],
    });
  }
  if (app.decision && app.state === 'formally-rejected') {
    steps.push({
      at: app.decision.decidedAt,
      title: t('status.step.rejected'),
      lines: app.decision.reasons.length ? [t('status.step.rejectedBody')] : [],
      list: app.decision.reasons,
    });
  }
  if (app.withdrawnAt) {
    steps.push({ at: app.withdrawnAt, title: t('status.step.withdrawn'), lines: [] });
  }
  if (decision) {
    const lines = [t('status.step.score', { score: decision.score })];
    if (decision.rank !== null) lines.push(t('status.step.rank', { rank: decision.rank }));
    lines.push(t(`status.step.outcome.${decision.outcome}`, { amount: decision.amountFormatted }));
    if (decision.standing !== decision.outcome && decision.standing !== 'reserve') {
      lines.push(t(`status.step.standing.${decision.standing}`));
    }
    if (decision.outcome !== 'funded') {
      lines.push(
        now.getTime() <= new Date(decision.appealDeadline).getTime()
          ? t('status.step.appealTerm', {
              deadline: moment(decision.appealDeadline),
              day: day(decision.appealLastDay),
            })
          : t('status.step.appealTermOver', { day: day(decision.appealLastDay) }),
      );
    }
    steps.push({ at: decision.decidedAt, title: t('status.step.decision'), lines });
    if (decision.appeal) {
      steps.push({
        at: decision.appeal.filedAt,
        title: t('status.step.appealFiled'),
        lines: [
          t('status.step.appealFiledBody', { criteria: decision.appeal.criteria.join(', ') }),
        ],
      });
      if (decision.appeal.resolvedAt) {
        steps.push({
          at: decision.appeal.resolvedAt,
          title: t('status.step.appealResolved'),
          lines: [
            t('status.step.appealResolvedBody', {
              before: decision.appeal.scoreBefore,
              after: decision.appeal.scoreAfter ?? decision.appeal.scoreBefore,
            }),
          ],
        });
      }
    }
  }
  if (award) {
    if (award.agreementPreparation) {
      steps.push({
        at: award.agreementPreparation.preparedAt,
        title: t('status.step.agreementPrepared'),
        lines: [
          t('status.step.agreementPreparedBody', {
            day: day(award.agreementPreparation.signingOn),
            place: award.agreementPreparation.place,
          }),
        ],
      });
    }
    if (award.signedOn) {
      steps.push({
        at: `${award.signedOn}T12:00:00+01:00`,
        title: t('status.step.agreementSigned'),
        lines: [t('status.step.agreementSignedBody', { amount: award.amountFormatted })],
      });
    }
    for (const p of award.payments ?? []) {
      const kind = p.kind === 'tranche' || p.kind === 'bridging' ? p.kind : 'other';
      steps.push({
        at: `${p.paidOn}T12:00:00+01:00`,
        title: t('status.step.payment', { amount: formatMoney(p.amount, lang) }),
        lines: [t(`status.step.paymentKind.${kind}`)],
      });
    }
    if (award.givenUp) {
      steps.push({ at: award.givenUp.at, title: t('status.step.givenUp'), lines: [] });
    }
  }
  steps.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  if (steps.length > 0) steps[steps.length - 1]!.current = true;
  // What comes next: the earliest job report not yet submitted.
  if (award?.jobs?.length) {
    const today = warsawDay(now);
    const next = award.jobs
      .flatMap((j) => j.reports)
      .filter((r) => ['overdue', 'due', 'upcoming'].includes(reportState(r, today)))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    if (next) {
      steps.push({
        at: `${next.dueDate}T12:00:00+01:00`,
        title: t('status.step.reportDue'),
        lines: [
          t('status.step.reportDueBody', {
            period: formatPeriod(next.period, lang),
            day: day(next.dueDate),
          }),
        ],
        link: { href: `/umowy/${award.id}/raporty`, text: t('status.step.reportsLink') },
        upcoming: true,
      });
    }
  }
  return steps;
}

/** Whether the step's date is a day only (signing, payments, reports): shown without the hour. */
export function isDayOnly(step: TimelineStep): boolean {
  return step.at.endsWith('T12:00:00+01:00');
}
