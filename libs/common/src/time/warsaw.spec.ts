import {
  addCalendarDays,
  addMonths,
  assertIsoDate,
  calendarDaysBetween,
  endOfWarsawDay,
  fromDayNumber,
  isIsoDate,
  isIsoMonth,
  isoWeekday,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  monthsBetween,
  nextMonth,
  parseIsoDate,
  startOfWarsawDay,
  toWarsawIso,
  warsawDate,
  warsawOffsetMs,
  warsawYear,
  toDayNumber,
} from './warsaw.js';

const at = (iso: string): Date => new Date(iso);

describe('warsawDate / warsawYear', () => {
  it.each([
    ['2026-01-15T10:00:00.000Z', '2026-01-15'],
    ['2026-01-15T22:59:59.999Z', '2026-01-15'], // 23:59:59.999 CET
    ['2026-01-15T23:00:00.000Z', '2026-01-16'], // midnight CET
    ['2026-07-15T21:59:59.999Z', '2026-07-15'], // 23:59:59.999 CEST
    ['2026-07-15T22:00:00.000Z', '2026-07-16'], // midnight CEST
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
  ])('%s is %s in Warsaw', (instant, date) => {
    expect(warsawDate(at(instant))).toBe(date);
  });

  it('takes the year from the Warsaw calendar', () => {
    expect(warsawYear(at('2026-12-31T22:59:59.999Z'))).toBe(2026);
    expect(warsawYear(at('2026-12-31T23:00:00.000Z'))).toBe(2027);
    expect(warsawDate(at('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => warsawDate(new Date('x'))).toThrow(RangeError);
  });
});

describe('startOfWarsawDay / endOfWarsawDay', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z', '2026-01-15T22:59:59.999Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z', '2026-07-15T21:59:59.999Z'],
    // Spring forward: a 23-hour day.
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-03-30T21:59:59.999Z'],
    // Fall back: a 25-hour day.
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z', '2026-10-26T22:59:59.999Z'],
    ['2025-03-30', '2025-03-29T23:00:00.000Z', '2025-03-30T21:59:59.999Z'],
    ['2025-10-26', '2025-10-25T22:00:00.000Z', '2025-10-26T22:59:59.999Z'],
  ])('%s runs from %s to %s', (date, start, end) => {
    expect(startOfWarsawDay(date).toISOString()).toBe(start);
    expect(endOfWarsawDay(date).toISOString()).toBe(end);
  });

  it('ends at 23:59:59.999 Warsaw time on the DST days', () => {
    expect(toWarsawIso(endOfWarsawDay('2026-03-29'))).toBe('2026-03-29T23:59:59.999+02:00');
    expect(toWarsawIso(endOfWarsawDay('2026-10-25'))).toBe('2026-10-25T23:59:59.999+01:00');
  });

  it('tiles the calendar without gaps for every day of 2025–2027', () => {
    let date = '2025-01-01';
    const lengths = new Map<number, string[]>();
    while (date < '2028-01-01') {
      const start = startOfWarsawDay(date);
      const end = endOfWarsawDay(date);
      expect(warsawDate(start)).toBe(date);
      expect(warsawDate(end)).toBe(date);
      expect(warsawDate(new Date(start.getTime() - 1))).toBe(addCalendarDays(date, -1));
      expect(toWarsawIso(start).slice(10, 23)).toBe('T00:00:00.000');
      const hours = (end.getTime() + 1 - start.getTime()) / 3_600_000;
      if (hours !== 24) lengths.set(hours, [...(lengths.get(hours) ?? []), date]);
      date = addCalendarDays(date, 1);
    }
    expect(Object.fromEntries(lengths)).toEqual({
      23: ['2025-03-30', '2026-03-29', '2027-03-28'],
      25: ['2025-10-26', '2026-10-25', '2027-10-31'],
    });
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => startOfWarsawDay('2026-02-30')).toThrow(RangeError);
    expect(() => endOfWarsawDay('2026-1-05')).toThrow(RangeError);
  });
});

describe('toWarsawIso', () => {
  it.each([
    ['2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000+02:00'],
    ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000+02:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000+01:00'],
    ['2026-01-01T00:00:00.007Z', '2026-01-01T01:00:00.007+01:00'],
    ['2026-12-31T23:00:00.000Z', '2027-01-01T00:00:00.000+01:00'],
  ])('%s → %s', (instant, iso) => {
    const result = toWarsawIso(at(instant));
    expect(result).toBe(iso);
    expect(new Date(result).toISOString()).toBe(instant);
  });

  it('reports the offset in milliseconds', () => {
    expect(warsawOffsetMs(at('2026-01-15T12:00:00.123Z'))).toBe(3_600_000);
    expect(warsawOffsetMs(at('2026-07-15T12:00:00.999Z'))).toBe(7_200_000);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the spring DST change
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addCalendarDays(%s, %i) = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-06-30', 0, '2026-06-30'],
    ['2026-01-31', -25, '2023-12-31'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2026-02-10', '2026-02-28'],
    ['2024-02-01', '2024-02-29'],
    ['2000-02-15', '2000-02-29'],
    ['2100-02-15', '2100-02-28'],
    ['2026-04-01', '2026-04-30'],
    ['2026-12-31', '2026-12-31'],
  ])('lastDayOfMonth(%s) = %s', (date, expected) => {
    expect(lastDayOfMonth(date)).toBe(expected);
  });

  it('counts days between dates', () => {
    expect(calendarDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(calendarDaysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-04-06')).toBe(1); // Easter Monday
    expect(isoWeekday('2026-03-29')).toBe(7); // Sunday
    expect(isoWeekday('1969-12-31')).toBe(3); // Wednesday, before the epoch
  });

  it('rejects non-integer steps', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(RangeError);
  });
});

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
    20260101,
    null,
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('parses parts', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('the remembered offset agrees with Intl at every instant', () => {
  const reference = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Warsaw',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const expected = (instant: Date) => {
    const p = Object.fromEntries(
      reference
        .formatToParts(instant)
        .filter((x) => x.type !== 'literal')
        .map((x) => [x.type, x.value]),
    );
    const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.slice(3);
    const ms = String(instant.getTime() % 1000).padStart(3, '0');
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${ms}${offset}`;
  };

  it('around every clock change from 1990 to 2040, minute by minute', () => {
    for (let year = 1990; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // the last Sunday of March / October
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = last.getUTCDate() - last.getUTCDay();
        const change = Date.UTC(year, month, sunday, 1); // 01:00 UTC
        for (let m = -90; m <= 90; m += 1) {
          const instant = new Date(change + m * 60_000 + 123);
          expect(toWarsawIso(instant)).toBe(expected(instant));
        }
      }
    }
  });

  it('at random instants from 1975 to 2100', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1975, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const instant = new Date(Math.floor(from + random() * (to - from)));
      expect(toWarsawIso(instant)).toBe(expected(instant));
      expect(warsawDate(instant)).toBe(expected(instant).slice(0, 10));
    }
  });
});

describe('calendar months and day numbers', () => {
  it('accepts only four-digit years from 1000 and real months', () => {
    expect(isIsoDate('0999-12-31')).toBe(false);
    expect(isIsoDate('1000-01-01')).toBe(true);
    expect(isIsoMonth('2024-12')).toBe(true);
    expect(isIsoMonth('2024-13')).toBe(false);
    expect(isIsoMonth('2024-12-01')).toBe(false);
    expect(() => assertIsoDate('2026-02-30', 'startDate')).toThrow(
      'startDate is not a calendar date: 2026-02-30',
    );
  });

  it('gives the last day of a month from the month or any day of it', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(() => lastDayOfMonth('2024-13')).toThrow(RangeError);
  });

  it('walks months', () => {
    expect(monthOf('2026-03-09')).toBe('2026-03');
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
    expect(monthsBetween('2025-02', '2024-11')).toBe(-3);
  });

  it('counts days from 1970-01-01 both ways', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29') + 1)).toBe('2024-03-01');
  });

  it('picks the earlier and the later date', () => {
    expect(minDate('2026-01-02', '2025-12-31')).toBe('2025-12-31');
    expect(maxDate('2026-01-02', '2025-12-31')).toBe('2026-01-02');
  });
});
