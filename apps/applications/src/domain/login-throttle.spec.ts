import { secondsUntilAllowed, throttleDelaySeconds } from './login-throttle.js';

describe('login throttling: a growing delay, never a lock-out (docs/architecture.md#login-throttling)', () => {
  const policy = { freeFailures: 5, maxDelaySeconds: 900, forgetAfterSeconds: 3600 };
  const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, s));

  it('lets the first failures through without waiting', () => {
    for (let failures = 0; failures < 5; failures++) {
      expect(throttleDelaySeconds(failures, policy)).toBe(0);
    }
  });

  it('doubles the wait with every further failure, up to the cap', () => {
    expect([5, 6, 7, 8, 9].map((f) => throttleDelaySeconds(f, policy))).toEqual([1, 2, 4, 8, 16]);
    expect(throttleDelaySeconds(15, policy)).toBe(900);
    expect(throttleDelaySeconds(1_000_000, policy)).toBe(900);
  });

  it('says how long to wait after the last failure, and then lets the owner in again', () => {
    const state = { failures: 8, lastFailureAt: at(0) };
    expect(secondsUntilAllowed(state, at(3), policy)).toBe(5);
    expect(secondsUntilAllowed(state, at(8), policy)).toBe(0);
  });

  it('forgets failures after an hour without one', () => {
    const state = { failures: 40, lastFailureAt: at(0) };
    expect(secondsUntilAllowed(state, at(899), policy)).toBe(1);
    expect(secondsUntilAllowed(state, new Date(at(0).getTime() + 3_600_000), policy)).toBe(0);
  });

  it('has nothing to wait for without a failure', () => {
    expect(secondsUntilAllowed(null, at(0), policy)).toBe(0);
  });
});
