import { Clock, ManualClock, SystemClock } from './clock.js';

describe('SystemClock', () => {
  it('returns the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('is a Clock', () => {
    expect(new SystemClock()).toBeInstanceOf(Clock);
  });
});

describe('ManualClock', () => {
  const start = new Date('2026-03-27T09:00:00.000Z');

  it('starts where it is told and stays there', () => {
    const clock = new ManualClock(start);
    expect(clock).toBeInstanceOf(Clock);
    expect(clock.now().toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });

  it('is not moved by mutating the start date or a returned date', () => {
    const input = new Date(start);
    const clock = new ManualClock(input);
    input.setUTCFullYear(2000);
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });

  it('sets, advances by milliseconds and by 24-hour days', () => {
    const clock = new ManualClock(start);
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-03-27T09:00:01.500Z');
    clock.advance(-1500).advanceDays(3);
    expect(clock.now().toISOString()).toBe('2026-03-30T09:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    clock.advanceDays(-1);
    expect(clock.now().toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('rejects invalid dates and steps', () => {
    expect(() => new ManualClock(new Date('nope'))).toThrow(RangeError);
    const clock = new ManualClock(start);
    expect(() => clock.set(new Date(NaN))).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advanceDays(Infinity)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });
});
