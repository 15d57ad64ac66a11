import {
  addCalendarDays,
  calendarDaysBetween,
  isIsoDate,
  toDayNumber,
  type IsoDate,
} from './common.js';
import type { DomainProblem, DomainResult } from './domain-problem.js';

/**
 * Refund with statutory interest (*zwrot wraz z odsetkami ustawowymi*) of the money for a job
 * that was not kept (a vacancy not refilled in time).
 *
 * Interest runs from the day the money was paid to the day of calculation, under the annual
 * statutory rate in force on each day (rates are DATED: a new rate is a new entry from a date).
 * Counting: the payment day itself does not count; every day from the day after the payment up
 * to AND including the calculation date does (so a calculation on the payment day gives 0
 * days). Per period of a constant rate: principal × rate × days / 365 (always 365, leap years
 * too); the periods (and the payments) are summed exactly and rounded half-up to whole grosze
 * once, at the end.
 *
 * The refund is due within 30 days (default) of the demand: due date = demand date + 30
 * calendar days (not moved off weekends or holidays: the grant rules do not ask for it).
 *
 * How much of a job's money: the rule is that "the money for that job is to be refunded"
 * (docs/product.md#agreement-payments-monitoring-and-settlement), not a part of it, so the
 * default policy is the FULL amount paid for the job, however long it was kept. A proportional policy (by days of the term not kept) is offered for calls whose rules
 * say so; it is not the default.
 */

export const DEFAULT_REFUND_DUE_DAYS = 30;

export interface DatedInterestRate {
  readonly validFrom: IsoDate;
  /** Annual rate in percent as a decimal string, e.g. '11.25' (at most 6 decimals). */
  readonly ratePercent: string;
}

/** One payment (tranche) of the money to be refunded. */
export interface RefundPart {
  /** Grosze. */
  readonly principal: number;
  readonly paidOn: IsoDate;
}

export interface InterestPeriod {
  /** Index of the part (payment) this period belongs to. */
  readonly part: number;
  /** First and last day counted in this period (both inclusive). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly ratePercent: string;
}

export interface StatutoryInterest {
  /** Grosze, rounded half-up once. */
  readonly interest: number;
  readonly periods: readonly InterestPeriod[];
}

export interface RefundClaim extends StatutoryInterest {
  readonly principal: number;
  readonly total: number;
  readonly demandDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly calculatedOn: IsoDate;
}

const RATE = /^(\d{1,3})(?:\.(\d{1,6}))?$/;
const RATE_SCALE = 1_000_000n; // rates kept as millionths of a percent
const DAYS_IN_YEAR = 365n;

/** Statutory interest on one or more payments up to `calculatedOn`. */
export function statutoryInterest(
  parts: readonly RefundPart[],
  calculatedOn: IsoDate,
  rates: readonly DatedInterestRate[],
): DomainResult<StatutoryInterest> {
  const problems = [...validateRates(rates), ...validateParts(parts, calculatedOn)];
  if (problems.length > 0) return { ok: false, problems };

  const sorted = [...rates].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const periods: InterestPeriod[] = [];
  let numerator = 0n;
  parts.forEach((part, index) => {
    if (part.paidOn === calculatedOn) return;
    const firstDay = addCalendarDays(part.paidOn, 1);
    if (sorted[0]!.validFrom > firstDay) {
      problems.push({
        path: `parts[${index}].paidOn`,
        code: 'noInterestRateInForce',
        params: { date: firstDay },
      });
      return;
    }
    sorted.forEach((rate, r) => {
      const rateEnd =
        r + 1 < sorted.length ? addCalendarDays(sorted[r + 1]!.validFrom, -1) : calculatedOn;
      const from = rate.validFrom > firstDay ? rate.validFrom : firstDay;
      const to = rateEnd < calculatedOn ? rateEnd : calculatedOn;
      if (from > to) return;
      const days = calendarDaysBetween(from, to) + 1;
      periods.push({ part: index, from, to, days, ratePercent: rate.ratePercent });
      numerator += BigInt(part.principal) * rateInMillionths(rate.ratePercent) * BigInt(days);
    });
  });
  if (problems.length > 0) return { ok: false, problems };

  const denominator = 100n * RATE_SCALE * DAYS_IN_YEAR;
  const interest = (2n * numerator + denominator) / (2n * denominator); // half-up, numerator ≥ 0
  return { ok: true, value: { interest: Number(interest), periods } };
}

/** The due date of a refund: `dueDays` calendar days after the demand. */
export function refundDueDate(
  demandDate: IsoDate,
  dueDays: number = DEFAULT_REFUND_DUE_DAYS,
): IsoDate {
  if (!Number.isSafeInteger(dueDays) || dueDays < 0) {
    throw new RangeError(`dueDays must be a whole number of days, got ${dueDays}`);
  }
  return addCalendarDays(demandDate, dueDays);
}

export interface RefundClaimInput {
  readonly parts: readonly RefundPart[];
  /** Day the amount is computed (interest counted up to and including it). */
  readonly calculatedOn: IsoDate;
  /** Day of the demand (*wezwanie do zwrotu*). */
  readonly demandDate: IsoDate;
  readonly rates: readonly DatedInterestRate[];
  readonly dueDays?: number;
}

/** The recorded refund claim: principal, interest, total and due date. */
export function refundClaim(input: RefundClaimInput): DomainResult<RefundClaim> {
  const problems: DomainProblem[] = [];
  if (!isIsoDate(input.demandDate)) problems.push({ path: 'demandDate', code: 'invalidDate' });
  const interest = statutoryInterest(input.parts, input.calculatedOn, input.rates);
  if (!interest.ok) problems.push(...interest.problems);
  if (!interest.ok || problems.length > 0) return { ok: false, problems };

  let principal = 0n;
  for (const part of input.parts) principal += BigInt(part.principal);
  const total = principal + BigInt(interest.value.interest);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Refund beyond safe integers');
  return {
    ok: true,
    value: {
      principal: Number(principal),
      interest: interest.value.interest,
      periods: interest.value.periods,
      total: Number(total),
      demandDate: input.demandDate,
      dueDate: refundDueDate(input.demandDate, input.dueDays ?? DEFAULT_REFUND_DUE_DAYS),
      calculatedOn: input.calculatedOn,
    },
  };
}

/** How much of a job's money is refunded when the job was not kept for its whole term. */
export type JobRefundPolicy = 'full' | 'proportional';

/** The rule refunds "the money for that job": all of it. */
export const DEFAULT_JOB_REFUND_POLICY: JobRefundPolicy = 'full';

export interface JobRefundInput {
  /** Money paid for the job, grosze. */
  readonly paid: number;
  /** The job's term (see job-terms.ts). */
  readonly termStartDate: IsoDate;
  readonly termEndDate: IsoDate;
  /** Last day the job was kept (the day before the vacancy); before the start when never kept. */
  readonly keptUntil: IsoDate;
}

/**
 * The principal to refund for one job. `full`: everything paid for it. `proportional`: the part
 * of the paid money matching the days of the term not kept, rounded half-up to grosze
 * (kept through the whole term → 0).
 */
export function jobRefundPrincipal(
  input: JobRefundInput,
  policy: JobRefundPolicy = DEFAULT_JOB_REFUND_POLICY,
): number {
  if (!Number.isSafeInteger(input.paid) || input.paid < 0) {
    throw new RangeError(`paid must be whole grosze, got ${input.paid}`);
  }
  if (policy === 'full') return input.paid;
  const start = toDayNumber(input.termStartDate);
  const end = toDayNumber(input.termEndDate);
  if (end < start) throw new RangeError('The term ends before it starts');
  const keptUntil = Math.min(Math.max(toDayNumber(input.keptUntil), start - 1), end);
  const termDays = BigInt(end - start + 1);
  const notKeptDays = BigInt(end - keptUntil);
  const numerator = BigInt(input.paid) * notKeptDays;
  return Number((2n * numerator + termDays) / (2n * termDays));
}

function validateRates(rates: readonly DatedInterestRate[]): DomainProblem[] {
  if (!Array.isArray(rates) || rates.length === 0) return [{ path: 'rates', code: 'required' }];
  const problems: DomainProblem[] = [];
  const seen = new Set<string>();
  rates.forEach((rate, i) => {
    if (!isIsoDate(rate.validFrom)) {
      problems.push({ path: `rates[${i}].validFrom`, code: 'invalidDate' });
    } else if (seen.has(rate.validFrom)) {
      problems.push({ path: `rates[${i}].validFrom`, code: 'duplicateValidFrom' });
    } else {
      seen.add(rate.validFrom);
    }
    if (typeof rate.ratePercent !== 'string' || !RATE.test(rate.ratePercent)) {
      problems.push({ path: `rates[${i}].ratePercent`, code: 'invalidRate' });
    }
  });
  return problems;
}

function validateParts(parts: readonly RefundPart[], calculatedOn: IsoDate): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const calculationValid = isIsoDate(calculatedOn);
  if (!calculationValid) problems.push({ path: 'calculatedOn', code: 'invalidDate' });
  if (!Array.isArray(parts) || parts.length === 0)
    return [...problems, { path: 'parts', code: 'required' }];
  parts.forEach((part, i) => {
    if (!Number.isSafeInteger(part.principal) || part.principal < 0) {
      problems.push({ path: `parts[${i}].principal`, code: 'notWholeGrosze' });
    }
    if (!isIsoDate(part.paidOn)) {
      problems.push({ path: `parts[${i}].paidOn`, code: 'invalidDate' });
    } else if (calculationValid && calculatedOn < part.paidOn) {
      problems.push({ path: `parts[${i}].paidOn`, code: 'calculationBeforePayment' });
    }
  });
  return problems;
}

function rateInMillionths(ratePercent: string): bigint {
  const match = RATE.exec(ratePercent)!;
  const whole = BigInt(match[1]!);
  const fraction = BigInt((match[2] ?? '').padEnd(6, '0'));
  return whole * RATE_SCALE + fraction;
}
