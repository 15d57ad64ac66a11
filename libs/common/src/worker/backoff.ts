/** How a delay grows with each attempt: see `backoffMs`. */
export interface BackoffOptions {
  /** The delay before the second attempt (after the first failure), in milliseconds. */
  baseMs: number;
  /** The longest delay, in milliseconds. */
  maxMs: number;
  /**
   * Share of the delay (0–1) taken off at random, so replicas that failed together do not retry
   * together: 0.2 gives a delay between 80 % and 100 % of the computed one. Default 0.
   */
  jitter?: number;
  /** The random source for the jitter (tests pass a fixed one). Default `Math.random`. */
  random?: () => number;
}

/**
 * Capped exponential backoff, the one formula for every retry in the platform: the delay after
 * the `attempt`-th failure in a row (1, 2, …) is `baseMs × 2^(attempt − 1)`, at most `maxMs`.
 * backoffMs(1..5, { baseMs: 5000, maxMs: 30_000 }) = 5000, 10 000, 20 000, 30 000, 30 000.
 * An attempt below 1 counts as 1.
 */
export function backoffMs(attempt: number, options: BackoffOptions): number {
  const { baseMs, maxMs, jitter = 0, random = Math.random } = options;
  const exponent = Number.isNaN(attempt) ? 0 : Math.max(0, Math.floor(attempt) - 1);
  // 2 ** 1024 is Infinity, which the cap turns into maxMs: no overflow for any attempt.
  const delay = Math.min(baseMs * 2 ** exponent, maxMs);
  if (jitter <= 0) return delay;
  return Math.round(delay * (1 - Math.min(jitter, 1) * random()));
}
