/**
 * Calendar days as ISO strings 'YYYY-MM-DD' (Europe/Warsaw calendar days, no time, no zone)
 * and calendar months as 'YYYY-MM'. Arithmetic runs on UTC day numbers, so daylight saving
 * time never shifts a day.
 */
export type IsoDate = string;
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const match = ISO_MONTH.exec(value);
  return (
    match !== null && Number(match[1]) >= 1000 && Number(match[2]) >= 1 && Number(match[2]) <= 12
  );
}

export function assertIsoDate(value: unknown, name = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not a calendar date: ${String(value)}`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to` − `from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The same day of the month `months` later; when that month is shorter, its last day
 * (as art. 112 of the Civil Code counts a term in months): 2024-01-31 + 1 → 2024-02-29.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function monthOf(date: IsoDate): IsoMonth {
  assertIsoDate(date);
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return formatDate(year, monthNumber, daysInMonth(year, monthNumber));
}

export function nextMonth(month: IsoMonth): IsoMonth {
  return monthOf(addMonths(firstDayOfMonth(month), 1));
}

/** Whole calendar months from `from` to `to` ('2024-11' → '2025-02' is 3). */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
