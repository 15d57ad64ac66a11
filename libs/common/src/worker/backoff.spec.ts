import { backoffMs } from './backoff.js';

describe('backoffMs', () => {
  it('doubles the delay with every attempt, from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, { baseMs: 5000, maxMs: 30_000 }))).toEqual([
      5000, 10_000, 20_000, 30_000, 30_000,
    ]);
  });

  it('counts an attempt below 1 as the first', () => {
    expect(backoffMs(0, { baseMs: 100, maxMs: 1000 })).toBe(100);
    expect(backoffMs(-3, { baseMs: 100, maxMs: 1000 })).toBe(100);
    expect(backoffMs(Number.NaN, { baseMs: 100, maxMs: 1000 })).toBe(100);
  });

  it('never overflows: a very late attempt gets the cap', () => {
    expect(backoffMs(5000, { baseMs: 60_000, maxMs: 3_600_000 })).toBe(3_600_000);
    expect(backoffMs(Number.POSITIVE_INFINITY, { baseMs: 1, maxMs: 50 })).toBe(50);
  });

  it('takes at most the jitter share off at random', () => {
    const options = { baseMs: 1000, maxMs: 10_000, jitter: 0.2 };
    expect(backoffMs(2, { ...options, random: () => 0 })).toBe(2000);
    expect(backoffMs(2, { ...options, random: () => 0.5 })).toBe(1800);
    expect(backoffMs(2, { ...options, random: () => 0.999_999 })).toBe(1600);
    expect(backoffMs(9, { ...options, random: () => 1 })).toBe(8000);
  });

  it('keeps the numbers of the callers it replaced', () => {
    // The outbox relay's failure delay: 200 × 2^min(failures, 5), at most 5 s.
    for (let failures = 1; failures <= 30; failures++) {
      expect(backoffMs(failures, { baseMs: 400, maxMs: 5000 })).toBe(
        Math.min(200 * 2 ** Math.min(failures, 5), 5000),
      );
    }
    // A timer retried after its n-th attempt failed: 1 min × 2^n, at most 1 h.
    for (let attempts = 0; attempts <= 30; attempts++) {
      expect(backoffMs(attempts + 1, { baseMs: 60_000, maxMs: 3_600_000 })).toBe(
        Math.min(60_000 * 2 ** attempts, 3_600_000),
      );
    }
  });
});
