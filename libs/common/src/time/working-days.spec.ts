import { toWarsawIso } from './warsaw.js';
import {
  addWorkingDays,
  isPublicHoliday,
  isWorkingDay,
  workingDaysBefore,
  workingDayTerm,
} from './working-days.js';

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-01', 'New Year (Wednesday)'],
    ['2026-01-01', 'New Year (Thursday)'],
    ['2026-01-06', 'Epiphany'],
    ['2026-04-06', 'Easter Monday 2026'],
    ['2025-04-21', 'Easter Monday 2025'],
    ['2025-05-01', 'Labour Day (Thursday)'],
    ['2026-05-01', 'Labour Day (Friday)'],
    ['2027-05-03', 'Constitution Day (Monday)'],
    ['2025-06-19', 'Corpus Christi 2025'],
    ['2026-06-04', 'Corpus Christi 2026'],
    ['2025-08-15', 'Assumption (Friday)'],
    ['2025-11-11', 'Independence Day (Tuesday)'],
    ['2026-11-11', 'Independence Day (Wednesday)'],
    ['2027-11-01', 'All Saints (Monday)'],
    ['2025-12-24', 'Christmas Eve 2025'],
    ['2025-12-25', 'Christmas 2025'],
    ['2025-12-26', 'Second day of Christmas 2025'],
    ['2026-12-24', 'Christmas Eve 2026'],
    ['2026-12-25', 'Christmas 2026'],
  ])('%s is not a working day: %s', (date) => {
    expect(isPublicHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2026-03-07', 'Saturday'],
    ['2026-03-08', "Sunday (and Women's Day)"],
    ['2026-12-26', 'second day of Christmas on a Saturday'],
    ['2026-05-03', 'Constitution Day on a Sunday'],
  ])('%s is not a working day: %s', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2026-03-09', 'ordinary Monday'],
    ['2025-05-02', 'Flag Day is not a public holiday'],
    ['2026-01-21', "Grandmother's Day is an observance"],
    ['2025-02-14', 'an observance on a Friday'],
    ['2024-12-24', 'Christmas Eve before 2025 was a working day'],
    ['2026-04-03', 'Good Friday is a working day'],
    ['2026-12-31', "New Year's Eve"],
  ])('%s is a working day: %s', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-04', 1, '2026-03-05', 'next weekday'],
    ['2026-03-06', 1, '2026-03-09', 'Friday → Monday'],
    ['2026-03-07', 1, '2026-03-09', 'from a Saturday'],
    ['2026-03-08', 1, '2026-03-09', 'from a Sunday'],
    ['2026-03-04', 5, '2026-03-11', 'five days across a weekend'],
    ['2026-04-02', 1, '2026-04-03', 'Good Friday counts'],
    ['2026-04-03', 1, '2026-04-07', 'over Easter Monday 2026'],
    ['2026-03-30', 5, '2026-04-07', 'five days over Easter 2026'],
    ['2026-06-03', 1, '2026-06-05', 'over Corpus Christi 2026'],
    ['2026-04-30', 1, '2026-05-04', 'over 1 May (Fri) and 3 May (Sun) 2026'],
    ['2025-04-30', 1, '2025-05-02', '1 May 2025 skipped, 2 May is working'],
    ['2025-04-30', 2, '2025-05-05', 'then 3 May 2025 is a Saturday'],
    ['2025-08-14', 1, '2025-08-18', 'over 15 August 2025 (Friday)'],
    ['2025-10-31', 1, '2025-11-03', '1 November 2025 is a Saturday'],
    ['2026-11-10', 1, '2026-11-12', 'over 11 November 2026'],
    ['2025-12-23', 1, '2025-12-29', 'over 24–26 December 2025 (Wed–Fri)'],
    ['2026-12-23', 1, '2026-12-28', 'over 24–26 December 2026 (Thu–Sat)'],
    ['2026-12-23', 5, '2027-01-04', 'over Christmas and New Year 2027 (Friday)'],
    ['2027-01-05', 1, '2027-01-07', 'over Epiphany 2027'],
    ['2024-12-23', 1, '2024-12-24', '24 December 2024 was still a working day'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('counts a long term correctly (22 working days, March 2026)', () => {
    // March 2026 has 22 working days: 2 March … 31 March.
    expect(addWorkingDays('2026-02-27', 22)).toBe('2026-03-31');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects n = %p', (n) => {
    expect(() => addWorkingDays('2026-03-04', n)).toThrow(RangeError);
  });
});

describe('workingDaysBefore', () => {
  it.each([
    ['2026-03-10', 1, '2026-03-09'],
    ['2026-03-09', 1, '2026-03-06'],
    ['2026-04-07', 1, '2026-04-03'],
    ['2026-01-07', 1, '2026-01-05'],
    ['2026-01-02', 1, '2025-12-31'],
    ['2025-12-29', 1, '2025-12-23'],
    ['2026-06-05', 1, '2026-06-03'],
    ['2026-03-11', 5, '2026-03-04'],
  ])('workingDaysBefore(%s, %i) = %s', (date, n, expected) => {
    expect(workingDaysBefore(date, n)).toBe(expected);
  });

  it('is the inverse of addWorkingDays on working days', () => {
    for (const n of [1, 2, 5, 10]) {
      expect(workingDaysBefore(addWorkingDays('2026-12-18', n), n)).toBe('2026-12-18');
    }
  });

  it('rejects n < 1', () => {
    expect(() => workingDaysBefore('2026-03-04', 0)).toThrow(RangeError);
  });
});

describe('workingDayTerm', () => {
  it('counts from the day after delivery and ends at the end of the last day (Warsaw)', () => {
    // Wednesday 4 March 2026, 10:00 Warsaw.
    const term = workingDayTerm(new Date('2026-03-04T09:00:00.000Z'), 5);
    expect(term.lastDay).toBe('2026-03-11');
    expect(term.deadline.toISOString()).toBe('2026-03-11T22:59:59.999Z');
    expect(toWarsawIso(term.deadline)).toBe('2026-03-11T23:59:59.999+01:00');
  });

  it('crosses the spring DST change and Easter', () => {
    // Friday 27 March 2026 (CET) + 5 working days → Friday 3 April (CEST).
    const term = workingDayTerm(new Date('2026-03-27T14:00:00.000Z'), 5);
    expect(term.lastDay).toBe('2026-04-03');
    expect(toWarsawIso(term.deadline)).toBe('2026-04-03T23:59:59.999+02:00');
    // Delivered on Maundy Thursday: Good Friday counts, Easter Monday does not.
    const easter = workingDayTerm(new Date('2026-04-02T08:00:00.000Z'), 2);
    expect(easter.lastDay).toBe('2026-04-07');
    expect(easter.deadline.toISOString()).toBe('2026-04-07T21:59:59.999Z');
  });

  it('ends at the end of a DST-change day', () => {
    // Term ending on Friday 23 October 2026; the following Sunday is the fall-back day.
    const term = workingDayTerm(new Date('2026-10-22T10:00:00.000Z'), 1);
    expect(term.lastDay).toBe('2026-10-23');
    expect(toWarsawIso(term.deadline)).toBe('2026-10-23T23:59:59.999+02:00');
    const next = workingDayTerm(new Date('2026-10-23T10:00:00.000Z'), 1);
    expect(next.lastDay).toBe('2026-10-26');
    expect(toWarsawIso(next.deadline)).toBe('2026-10-26T23:59:59.999+01:00');
  });

  it('uses the Warsaw day, not the UTC day, for a delivery just after Warsaw midnight', () => {
    // 2026-03-12T23:30Z is still Thursday in UTC but already Friday 13 March, 00:30 in Warsaw.
    const term = workingDayTerm(new Date('2026-03-12T23:30:00.000Z'), 1);
    expect(term.lastDay).toBe('2026-03-16');
    expect(term.deadline.toISOString()).toBe('2026-03-16T22:59:59.999Z');
  });

  it('counts a late-evening delivery on its Warsaw day', () => {
    // Friday 13 March 2026, 23:59 Warsaw (22:59Z).
    const term = workingDayTerm(new Date('2026-03-13T22:59:00.000Z'), 1);
    expect(term.lastDay).toBe('2026-03-16');
    // Summer: Friday 26 June 2026, 23:30 Warsaw is 21:30Z.
    const summer = workingDayTerm(new Date('2026-06-26T21:30:00.000Z'), 1);
    expect(summer.lastDay).toBe('2026-06-29');
    expect(summer.deadline.toISOString()).toBe('2026-06-29T21:59:59.999Z');
  });

  it('handles a delivery on a holiday or weekend', () => {
    // Delivered on Christmas Day 2025 (Thursday): first working day is Monday 29 December.
    expect(workingDayTerm(new Date('2025-12-25T12:00:00.000Z'), 1).lastDay).toBe('2025-12-29');
    expect(workingDayTerm(new Date('2025-12-25T12:00:00.000Z'), 5).lastDay).toBe('2026-01-05');
  });

  it('rejects a non-positive term', () => {
    expect(() => workingDayTerm(new Date('2026-03-04T09:00:00.000Z'), 0)).toThrow(RangeError);
  });
});
