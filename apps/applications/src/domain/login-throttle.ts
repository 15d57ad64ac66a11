/**
 * Login throttling (ASVS 2.2.1; docs/architecture.md#login-throttling): after `freeFailures`
 * failed attempts each further attempt must wait a delay that doubles with every failure, up to
 * `maxDelaySeconds` — a growing delay, never a lock-out the owner cannot get past. Failures are
 * forgotten after `forgetAfterSeconds` without one. Counted per account and per client address.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

/** Seconds to wait after the last failure before the next attempt: 0, then 1, 2, 4, … capped. */
export function throttleDelaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxDelaySeconds, 2 ** exponent);
}

/** The failures still counted at `now` (0 once forgotten). */
export function liveFailures(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): number {
  if (!state) return 0;
  const quietMs = now.getTime() - state.lastFailureAt.getTime();
  return quietMs >= policy.forgetAfterSeconds * 1000 ? 0 : state.failures;
}

/** Whole seconds until an attempt is allowed at `now` (0: now). */
export function secondsUntilAllowed(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): number {
  const failures = liveFailures(state, now, policy);
  if (!state || failures === 0) return 0;
  const allowedAt = state.lastFailureAt.getTime() + throttleDelaySeconds(failures, policy) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}
