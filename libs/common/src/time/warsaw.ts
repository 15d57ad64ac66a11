/**
 * The one date module: Europe/Warsaw calendar dates and instants, built on `Intl` only.
 * Calendar dates are ISO strings 'YYYY-MM-DD' (`IsoDate`, the Warsaw calendar day), calendar
 * months 'YYYY-MM' (`IsoMonth`); instants are `Date`s. Calendar arithmetic runs on day numbers
 * (days since 1970-01-01), so daylight saving time never shifts a day. Pure: no Nest, no I/O, so
 * domain rules may import it by path.
 *
 * Warsaw switches to summer time (UTC+2) at 02:00 on the last Sunday of March and back to
 * UTC+1 at 03:00 on the last Sunday of October; midnight therefore always exists exactly once,
 * which makes the start of a day well defined.
 */
export const WARSAW_TIME_ZONE = 'Europe/Warsaw';

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. */
export type IsoMonth = string;

const DAY_MS = 86_400_000;

const PARTS_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: WARSAW_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('Expected a valid Date');
  }
}

/** Warsaw's wall clock read through `Intl` (slow: formatToParts); see `offsetOfHour`. */
function intlWallClock(instant: Date): WallClock {
  const wall: Record<string, number> = {};
  for (const part of PARTS_FORMAT.formatToParts(instant)) {
    if (part.type !== 'literal') wall[part.type] = Number(part.value);
  }
  return {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
  };
}

const HOUR_MS = 3_600_000;
const offsets = new Map<number, number>();

/**
 * Warsaw's UTC offset during one UTC hour, asked of `Intl` once and remembered: Warsaw changes
 * its offset only at 01:00 UTC (both clock changes), so it is the same for a whole UTC hour.
 * Every date helper runs through here, many times per request, and `formatToParts` is slow.
 */
function offsetOfHour(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = new Date(hour * HOUR_MS);
    const w = intlWallClock(start);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start.getTime();
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

function wallClock(instant: Date): WallClock {
  assertInstant(instant);
  const wall = new Date(instant.getTime() + offsetOfHour(Math.floor(instant.getTime() / HOUR_MS)));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** Warsaw's UTC offset at `instant`, in milliseconds (3_600_000 or 7_200_000). */
export function warsawOffsetMs(instant: Date): number {
  assertInstant(instant);
  return offsetOfHour(Math.floor(instant.getTime() / HOUR_MS));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date written exactly as 'YYYY-MM-DD', in the years 1000–9999. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a calendar month written exactly as 'YYYY-MM', in the years 1000–9999. */
export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const match = ISO_MONTH.exec(value);
  return (
    match !== null && Number(match[1]) >= 1000 && Number(match[2]) >= 1 && Number(match[2]) <= 12
  );
}

/** Throws a RangeError naming `name` unless `value` is a calendar date. */
export function assertIsoDate(value: unknown, name = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not a calendar date: ${String(value)}`);
}

/** The number of days of a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Splits a validated ISO date; throws RangeError for anything else. */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not an ISO calendar date: ${String(isoDate)}`);
  return {
    year: Number(isoDate.slice(0, 4)),
    month: Number(isoDate.slice(5, 7)),
    day: Number(isoDate.slice(8, 10)),
  };
}

/** Days since 1970-01-01 of a calendar date (pure calendar arithmetic, no time zone). */
export function toDayNumber(isoDate: IsoDate): number {
  const { year, month, day } = parseIsoDate(isoDate);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

/** The calendar date `dayNumber` days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * DAY_MS);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** The Warsaw calendar day of an instant, 'YYYY-MM-DD'. */
export function warsawDate(instant: Date): string {
  const w = wallClock(instant);
  return formatIsoDate(w.year, w.month, w.day);
}

/** The Warsaw calendar year of an instant. */
export function warsawYear(instant: Date): number {
  return wallClock(instant).year;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(isoDate) + 3) % 7) + 7) % 7) + 1;
}

/** The instant at which the given Warsaw calendar day starts (00:00:00.000 Warsaw time). */
export function startOfWarsawDay(isoDate: string): Date {
  const wallAsUtc = toDayNumber(isoDate) * DAY_MS;
  // Guess with the offset at the wall time read as UTC, then correct once if the guess crossed
  // a DST change (midnight is never inside a DST gap or overlap in Warsaw).
  let instant = wallAsUtc - warsawOffsetMs(new Date(wallAsUtc));
  const offset = warsawOffsetMs(new Date(instant));
  instant = wallAsUtc - offset;
  return new Date(instant);
}

/** The last millisecond of the given Warsaw calendar day (23:59:59.999 Warsaw time). */
export function endOfWarsawDay(isoDate: string): Date {
  return new Date(startOfWarsawDay(addCalendarDays(isoDate, 1)).getTime() - 1);
}

/** The calendar date `n` days after (negative: before) `isoDate`. */
export function addCalendarDays(isoDate: string, n: number): string {
  assertInteger(n, 'Days');
  return fromDayNumber(toDayNumber(isoDate) + n);
}

/** The last day of a month, given as the month ('YYYY-MM') or any day of it ('YYYY-MM-DD'). */
export function lastDayOfMonth(dateOrMonth: IsoDate | IsoMonth): IsoDate {
  const { year, month } = parseIsoDate(
    isIsoMonth(dateOrMonth) ? firstDayOfMonth(dateOrMonth) : dateOrMonth,
  );
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** The first day of a month: firstDayOfMonth('2026-02') = '2026-02-01'. */
export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

/** The month of a calendar date: monthOf('2026-02-10') = '2026-02'. */
export function monthOf(isoDate: IsoDate): IsoMonth {
  assertIsoDate(isoDate);
  return isoDate.slice(0, 7);
}

/** The month after: nextMonth('2024-12') = '2025-01'. */
export function nextMonth(month: IsoMonth): IsoMonth {
  return monthOf(addMonths(firstDayOfMonth(month), 1));
}

/** Whole calendar months from `from` to `to` ('2024-11' → '2025-02' is 3). */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The earlier of two calendar dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two calendar dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The same day `n` months later (negative: earlier), clamped to the target month's last day:
 * addMonths('2026-01-31', 1) = '2026-02-28'.
 */
export function addMonths(isoDate: string, n: number): string {
  assertInteger(n, 'Months');
  const { year, month, day } = parseIsoDate(isoDate);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * ISO 8601 with Warsaw's offset, milliseconds included:
 * toWarsawIso(new Date('2026-03-29T08:00:00Z')) = '2026-03-29T10:00:00.000+02:00'.
 */
export function toWarsawIso(instant: Date): string {
  const w = wallClock(instant);
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  const offsetMinutes = Math.round(warsawOffsetMs(instant) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${formatIsoDate(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
