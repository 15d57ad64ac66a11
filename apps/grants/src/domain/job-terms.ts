import {
  addCalendarDays,
  addMonths,
  assertIsoDate,
  daysInMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  nextMonth,
  type IsoDate,
  type IsoMonth,
} from './common.js';

/**
 * Keeping a job (*utrzymanie miejsca pracy*): each job runs from its start for the funded months
 * and then the durability months (*okres trwałości*). Every calendar month of that term the
 * enterprise confirms the job still exists (*miesięczne potwierdzenie utrzymania miejsca
 * pracy*), due some days after the month ends. A vacancy must be filled within some months.
 *
 * How a term in months is counted (the grant rules are silent; this follows art. 112 of the Civil
 * Code for a term whose first day counts): a term of N months from day D ends the day before the
 * day with D's number N months later; when that month has no such day (a start on the 29th–31st),
 * it ends on that month's last day. So 2024-03-01 + 12 months ends 2025-02-28,
 * 2024-02-29 + 12 months ends 2025-02-28, 2024-01-31 + 1 month ends 2024-02-29. The funded
 * period and the whole term are both counted from the start date (the durability period is what
 * lies between), so chaining short months cannot shorten the term.
 *
 * A vacancy does not suspend or extend the term (the grant rules do not say so); it only opens the
 * refill deadline.
 */

export const DEFAULT_FUNDED_MONTHS = 12;
export const DEFAULT_DURABILITY_MONTHS = 6;
/** Days after the end of a month when its report is due (default). */
export const DEFAULT_REPORT_DUE_DAYS = 7;
/** Months to fill a vacancy with another eligible person (default). */
export const DEFAULT_REFILL_MONTHS = 3;

export interface JobTermSettings {
  readonly fundedMonths?: number;
  readonly durabilityMonths?: number;
}

export interface JobTerm {
  readonly startDate: IsoDate;
  readonly fundedMonths: number;
  readonly durabilityMonths: number;
  /** Last day of the funded period. */
  readonly fundedEndDate: IsoDate;
  /** First day of the durability period; null when the call has none. */
  readonly durabilityStartDate: IsoDate | null;
  /** Last day of the whole term: the job must exist up to and including this day. */
  readonly endDate: IsoDate;
}

/** Last day of a term of `months` months whose first day is `startDate`. */
export function termEndDate(startDate: IsoDate, months: number): IsoDate {
  assertIsoDate(startDate, 'startDate');
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new RangeError(`A term needs a whole positive number of months, got ${months}`);
  }
  const day = Number(startDate.slice(8, 10));
  const sameDayLater = addMonths(startDate, months);
  const target = monthOf(sameDayLater);
  const [year, month] = target.split('-').map(Number) as [number, number];
  // No day D in the target month: the term ends on its last day; otherwise the day before D.
  return day > daysInMonth(year, month)
    ? lastDayOfMonth(target)
    : addCalendarDays(sameDayLater, -1);
}

export function jobTerm(startDate: IsoDate, settings: JobTermSettings = {}): JobTerm {
  const fundedMonths = settings.fundedMonths ?? DEFAULT_FUNDED_MONTHS;
  const durabilityMonths = settings.durabilityMonths ?? DEFAULT_DURABILITY_MONTHS;
  if (!Number.isSafeInteger(durabilityMonths) || durabilityMonths < 0) {
    throw new RangeError(`Durability must be a whole number of months, got ${durabilityMonths}`);
  }
  const fundedEndDate = termEndDate(startDate, fundedMonths);
  const endDate =
    durabilityMonths === 0
      ? fundedEndDate
      : termEndDate(startDate, fundedMonths + durabilityMonths);
  return {
    startDate,
    fundedMonths,
    durabilityMonths,
    fundedEndDate,
    durabilityStartDate: durabilityMonths === 0 ? null : addCalendarDays(fundedEndDate, 1),
    endDate,
  };
}

export interface ReportPeriod {
  /** The calendar month reported on, 'YYYY-MM'. */
  readonly period: IsoMonth;
  /** Days of the term within that month (the first and last months may be partial). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** `reportDueDays` after the calendar month ends. */
  readonly dueDate: IsoDate;
}

/**
 * One monthly report per calendar month the term touches, partial first and last months
 * included; each due `reportDueDays` days after the calendar month ends (for the last, partial
 * month too: the month's end, not the term's end).
 */
export function reportPeriods(
  term: Pick<JobTerm, 'startDate' | 'endDate'>,
  reportDueDays: number = DEFAULT_REPORT_DUE_DAYS,
): ReportPeriod[] {
  if (!Number.isSafeInteger(reportDueDays) || reportDueDays < 0) {
    throw new RangeError(`reportDueDays must be a whole number of days, got ${reportDueDays}`);
  }
  assertIsoDate(term.startDate, 'startDate');
  assertIsoDate(term.endDate, 'endDate');
  const periods: ReportPeriod[] = [];
  const lastMonth = monthOf(term.endDate);
  for (let month = monthOf(term.startDate); month <= lastMonth; month = nextMonth(month)) {
    const monthEnd = lastDayOfMonth(month);
    periods.push({
      period: month,
      from: maxDate(firstDayOfMonth(month), term.startDate),
      to: minDate(monthEnd, term.endDate),
      dueDate: addCalendarDays(monthEnd, reportDueDays),
    });
  }
  return periods;
}

/** A report is overdue from the day after its due date (due on the day itself is on time). */
export function isReportOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  assertIsoDate(dueDate, 'dueDate');
  assertIsoDate(today, 'today');
  return today > dueDate;
}

/**
 * Last day to fill a vacancy: the vacancy date (the first day the job is vacant) plus
 * `refillMonths`, the same day of the month (art. 112: the month's last day when it has no such
 * day). 2024-11-30 + 3 months → 2025-02-28.
 */
export function refillDeadline(
  vacancyDate: IsoDate,
  refillMonths: number = DEFAULT_REFILL_MONTHS,
): IsoDate {
  assertIsoDate(vacancyDate, 'vacancyDate');
  if (!Number.isSafeInteger(refillMonths) || refillMonths < 0) {
    throw new RangeError(`refillMonths must be a whole number of months, got ${refillMonths}`);
  }
  return addMonths(vacancyDate, refillMonths);
}

/**
 * Whether a vacancy has become a breach: not refilled by the deadline. A refill on the
 * deadline itself is in time; without a refill, the breach shows from the day after.
 */
export function isRefillMissed(
  deadline: IsoDate,
  today: IsoDate,
  refilledOn?: IsoDate | null,
): boolean {
  assertIsoDate(deadline, 'deadline');
  assertIsoDate(today, 'today');
  if (refilledOn !== undefined && refilledOn !== null) {
    assertIsoDate(refilledOn, 'refilledOn');
    return refilledOn > deadline;
  }
  return today > deadline;
}

export type JobTermPhase = 'not-started' | 'funded' | 'durability' | 'complete';

export function jobTermPhase(term: JobTerm, onDate: IsoDate): JobTermPhase {
  assertIsoDate(onDate, 'onDate');
  if (onDate < term.startDate) return 'not-started';
  if (onDate <= term.fundedEndDate) return 'funded';
  if (onDate <= term.endDate) return 'durability';
  return 'complete';
}

/**
 * The term is complete once its last day has passed: on `endDate` itself the job must still
 * exist, so completion shows from the day after.
 */
export function isTermComplete(term: Pick<JobTerm, 'endDate'>, onDate: IsoDate): boolean {
  assertIsoDate(onDate, 'onDate');
  return onDate > term.endDate;
}
