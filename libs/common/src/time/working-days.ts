import Holidays from 'date-holidays';
import { addCalendarDays, endOfWarsawDay, isoWeekday, parseIsoDate, warsawDate } from './warsaw.js';

/**
 * Working days (dni robocze) in Poland: Monday–Friday except statutory public holidays
 * (including the Easter-dependent ones: Easter Monday, Corpus Christi, and 24 December from 2025).
 * Only holidays of type 'public' count; observances (e.g. Valentine's Day) do not.
 */
const holidays = new Holidays('PL');

/** Public-holiday dates per year, computed once per year. */
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let dates = publicHolidaysByYear.get(year);
  if (!dates) {
    dates = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        // `date` is the local (Warsaw) date and time, e.g. '2026-04-06 00:00:00'.
        .map((h) => h.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, dates);
  }
  return dates;
}

/** True when `isoDate` is a Polish public holiday (whatever the weekday). */
export function isPublicHoliday(isoDate: string): boolean {
  const { year } = parseIsoDate(isoDate);
  return publicHolidays(year).has(isoDate);
}

/** True for Monday–Friday that is not a Polish public holiday. */
export function isWorkingDay(isoDate: string): boolean {
  return isoWeekday(isoDate) <= 5 && !isPublicHoliday(isoDate);
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Number of working days must be an integer ≥ 1, got ${n}`);
  }
}

function stepWorkingDays(isoDate: string, n: number, direction: 1 | -1): string {
  assertCount(n);
  let date = isoDate;
  let remaining = n;
  while (remaining > 0) {
    date = addCalendarDays(date, direction);
    if (isWorkingDay(date)) remaining--;
  }
  return date;
}

/** The n-th working day after `isoDate` (n ≥ 1); `isoDate` itself never counts. */
export function addWorkingDays(isoDate: string, n: number): string {
  return stepWorkingDays(isoDate, n, 1);
}

/** The n-th working day before `isoDate` (n ≥ 1); `isoDate` itself never counts. */
export function workingDaysBefore(isoDate: string, n: number): string {
  return stepWorkingDays(isoDate, n, -1);
}

export interface WorkingDayTerm {
  /** The last day of the term, 'YYYY-MM-DD' (Warsaw calendar). */
  lastDay: string;
  /** The last moment of the term: 23:59:59.999 Warsaw time on `lastDay`. */
  deadline: Date;
}

/**
 * A term of `workingDays` working days from delivery: counting starts the day after the Warsaw
 * calendar day of delivery, and the term ends at the end of its last working day (Warsaw).
 */
export function workingDayTerm(deliveredAt: Date, workingDays: number): WorkingDayTerm {
  const lastDay = addWorkingDays(warsawDate(deliveredAt), workingDays);
  return { lastDay, deadline: endOfWarsawDay(lastDay) };
}
