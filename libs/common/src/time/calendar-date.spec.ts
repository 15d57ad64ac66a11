import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  monthsBetween,
  nextMonth,
} from './warsaw.js';

describe('calendar dates', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoMonth('2024-12')).toBe(true);
    expect(isIsoMonth('2024-00')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries, unaffected by DST', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-03-30', 2)).toBe('2024-04-01'); // Polish clocks change on 31 March
    expect(addCalendarDays('2024-10-26', 2)).toBe('2024-10-28');
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-05-15', -6)).toBe('2023-11-15');
  });

  it('walks months', () => {
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
  });
});
