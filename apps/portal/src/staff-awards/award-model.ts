import type { PortalContext } from '../platform/context.js';
import { checkId, bodyOf } from '../application-status/status-api.js';
import { reportState, warsawDay, type ReportBody } from '../application-status/status-model.js';

// The grants service's answers as the staff's award pages read them (GET /api/awards,
// /api/awards/:id, /api/awards/:id/bridging-extension): only the fields used here.

export type AwardStatus = 'granted' | 'agreement-signed' | 'settled' | 'given-up';

export interface StaffJob {
  id: string;
  jobId: string;
  position: string;
  workingTime: string;
  startDate: string | null;
  fundedEndDate: string | null;
  endDate: string | null;
  status: 'active' | 'vacant' | 'kept' | 'refund-claimed';
  vacancyDate: string | null;
  refillDeadline: string | null;
  refilledOn: string | null;
  reports: ReportBody[];
}

export interface StaffPayment {
  id: string;
  kind: 'tranche' | 'bridging';
  amount: number;
  paidOn: string;
  jobId: string | null;
  month: string | null;
}

export interface StaffRefund {
  id: string;
  jobId: string;
  principal: number;
  interest: number;
  total: number;
  calculatedOn: string;
  demandDate: string;
  dueDate: string;
  periods: { part: number; from: string; to: string; days: number; ratePercent: string }[];
}

export interface StaffAward {
  id: string;
  callId: string;
  applicationId: string;
  reference: string;
  status: AwardStatus;
  amount: number;
  paidTotal: number;
  remaining: number;
  signedOn: string | null;
  security:
    | { kind: 'blank-promissory-note'; declarationDate?: string }
    | { kind: 'aval'; avalist: string }
    | { kind: 'guarantors'; guarantors: string[] }
    | null;
  deMinimisCertificateNumber: string | null;
  deMinimisCertificate: {
    number: string;
    grantedOn: string;
    amountPlnFormatted: string;
    amountEurFormatted: string;
    rate: { validFrom: string; plnPerEur: string };
  } | null;
  agreementPreparation: { signingOn: string; place: string | null; preparedAt: string } | null;
  bridgingExtensionGranted: boolean;
  grantedAt: string;
  settledOn: string | null;
  givenUp: { at: string; by: string | null; reason: string | null } | null;
  jobs?: StaffJob[];
  payments?: StaffPayment[];
  refunds?: StaffRefund[];
}

export interface ExtensionRequest {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  months: number;
  monthlyAmount: number;
  jobIds: string[];
  amount: number;
  justification: string;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
  awardIncrease: number | null;
}

export interface CallSummary {
  id: string;
  number: string;
  title: string;
  fundingModel?: { kind?: string };
}

/** What is next for an award, in the order a centre works through them. */
export type NextStep = 'prepare' | 'sign' | 'refund' | 'pay' | 'monitor' | 'settled' | 'given-up';

export const NEXT_STEPS: readonly NextStep[] = [
  'prepare',
  'sign',
  'refund',
  'pay',
  'monitor',
  'settled',
  'given-up',
];

export const NEXT_TAG: Record<NextStep, string> = {
  prepare: 'govuk-tag--orange',
  sign: 'govuk-tag--yellow',
  refund: 'govuk-tag--red',
  pay: 'govuk-tag--blue',
  monitor: 'govuk-tag--light-blue',
  settled: 'govuk-tag--purple',
  'given-up': 'govuk-tag--grey',
};

/** What the centre does next about an award (refunds are known from the award's details). */
export function nextStepOf(award: StaffAward): NextStep {
  switch (award.status) {
    case 'given-up':
      return 'given-up';
    case 'settled':
      return 'settled';
    case 'granted':
      return award.agreementPreparation ? 'sign' : 'prepare';
    default:
      if (award.refunds?.length) return 'refund';
      return award.remaining > 0 ? 'pay' : 'monitor';
  }
}

export async function getAward(ctx: PortalContext, id: string): Promise<StaffAward> {
  return bodyOf(await ctx.api.grants.get<StaffAward>(`/api/awards/${checkId(id)}`));
}

export async function getExtensions(ctx: PortalContext, id: string): Promise<ExtensionRequest[]> {
  const result = await ctx.api.grants.get<{ items: ExtensionRequest[] }>(
    `/api/awards/${id}/bridging-extension`,
  );
  return result.ok ? result.body.items : [];
}

/** The centre's calls by id (number and title), for the awards' captions and the filter. */
export async function callsById(ctx: PortalContext): Promise<Map<string, CallSummary>> {
  const result = await ctx.api.grants.get<{ items: CallSummary[] }>('/api/calls');
  return new Map((result.ok ? result.body.items : []).map((c) => [c.id, c]));
}

/**
 * Every award of the centre; those under a signed agreement (or settled) with their details —
 * jobs, reports, payments and refunds — fetched a few at a time.
 */
export async function awardsWithDetails(ctx: PortalContext): Promise<StaffAward[]> {
  const list = bodyOf(await ctx.api.grants.get<{ items: StaffAward[] }>('/api/awards')).items;
  const out: StaffAward[] = [...list];
  const detailed = list
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.status === 'agreement-signed' || a.status === 'settled');
  for (let k = 0; k < detailed.length; k += 8) {
    const batch = detailed.slice(k, k + 8);
    const answers = await Promise.all(
      batch.map(({ a }) => ctx.api.grants.get<StaffAward>(`/api/awards/${a.id}`)),
    );
    answers.forEach((answer, j) => {
      if (answer.ok) out[batch[j]!.i] = answer.body;
    });
  }
  return out;
}

/** A job's most pressing report state: overdue before due before anything else. */
export function jobUrgency(job: StaffJob, today: string): { overdue: number; due: number } {
  let overdue = 0;
  let due = 0;
  for (const r of job.reports) {
    const state = reportState(r, today);
    if (state === 'overdue') overdue += 1;
    if (state === 'due') due += 1;
  }
  return { overdue, due };
}

export { reportState, warsawDay };

/**
 * Złoty as typed ("40 000,50", "40000.5", "40 000 zł") as grosze; undefined when it is not an
 * amount of at most two decimals.
 */
export function parseMoney(value: string): number | undefined {
  const cleaned = value
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/zł$/i, '')
    .replace(/^PLN/i, '')
    .replace(',', '.');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Grosze as the field shows them back ("40000,00"). */
export function moneyField(grosze: number): string {
  return `${Math.floor(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`;
}

/** A GOV.UK date input's three fields (`<name>-day`, `-month`, `-year`) as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function dateParts(body: Record<string, unknown>, name: string): DateParts {
  const field = (key: string) => {
    const value = body[`${name}-${key}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: field('day'), month: field('month'), year: field('year') };
}

/** The parts of a calendar day (`2027-02-15`), to fill a date input. */
export function partsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The ISO day of a date input, or undefined when the parts are not a real day. */
export function isoOf(parts: DateParts): string | undefined {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month)) return undefined;
  if (!/^\d{4}$/.test(parts.year)) return undefined;
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1 || date.getUTCFullYear() !== y)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** A form field's text, trimmed. */
export function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}
