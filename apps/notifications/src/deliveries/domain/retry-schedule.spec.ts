import {
  afterFailure,
  isPermanentSmtpError,
  messageIdFor,
  retryDelayMs,
  type RetrySchedule,
} from './retry-schedule.js';

const HOUR = 3_600_000;
/** The defaults of NotificationsEnv. */
const DEFAULTS: RetrySchedule = { baseMs: 5000, maxMs: 10 * 60_000, forMs: 24 * HOUR };

/** Plays a server that refuses every attempt until `outageMs` has passed; returns the outcome. */
function outage(outageMs: number, schedule: RetrySchedule) {
  const start = new Date('2026-12-03T10:00:00Z');
  let now = start;
  for (let attempts = 1; ; attempts++) {
    if (now.getTime() - start.getTime() >= outageMs) return { delivered: true, attempts, now };
    const next = afterFailure({ attempts, startedAt: start, now, permanent: false }, schedule);
    if (next.kind === 'fail') return { delivered: false, attempts, now, reason: next.reason };
    now = next.at;
  }
}

describe('delivery retries (docs/runbook.md#failed-e-mails)', () => {
  it('treats SMTP 5xx as permanent, except a full mailbox (552), and everything else as temporary', () => {
    expect(isPermanentSmtpError({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ responseCode: 553 })).toBe(true);
    expect(isPermanentSmtpError({ responseCode: 552 })).toBe(false);
    expect(isPermanentSmtpError({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpError({ responseCode: 421 })).toBe(false);
    expect(
      isPermanentSmtpError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(false);
    expect(isPermanentSmtpError(undefined)).toBe(false);
  });

  it('doubles the delay with every attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 5000, 30_000))).toEqual([
      5000, 10_000, 20_000, 30_000, 30_000,
    ]);
  });

  it('a permanent refusal fails at once, whatever the schedule', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(afterFailure({ attempts: 1, startedAt: now, now, permanent: true }, DEFAULTS)).toEqual({
      kind: 'fail',
      reason: 'permanent',
    });
  });

  it('retries after the doubling delay while the schedule lasts', () => {
    const start = new Date('2026-12-03T10:00:00Z');
    const now = new Date(start.getTime() + 35_000);
    expect(
      afterFailure({ attempts: 3, startedAt: start, now, permanent: false }, DEFAULTS),
    ).toEqual({ kind: 'retry', at: new Date(now.getTime() + 20_000), delayMs: 20_000 });
  });

  it('with the defaults, a 10-minute SMTP outage loses nothing, nor does one of 20 hours', () => {
    expect(outage(10 * 60_000, DEFAULTS)).toMatchObject({ delivered: true });
    expect(outage(20 * HOUR, DEFAULTS)).toMatchObject({ delivered: true });
  });

  it('fails only when the next attempt would come after the schedule ends', () => {
    const result = outage(48 * HOUR, DEFAULTS);
    expect(result).toMatchObject({ delivered: false, reason: 'schedule' });
    // The last attempt came within the 24 hours, less than one capped delay before their end.
    const elapsed = result.now.getTime() - new Date('2026-12-03T10:00:00Z').getTime();
    expect(elapsed).toBeLessThanOrEqual(24 * HOUR);
    expect(elapsed).toBeGreaterThan(24 * HOUR - DEFAULTS.maxMs);
  });

  it('MAIL_MAX_ATTEMPTS, when set, still ends the schedule after that many attempts', () => {
    expect(outage(HOUR, { ...DEFAULTS, maxAttempts: 4 })).toMatchObject({
      delivered: false,
      attempts: 4,
      reason: 'attempts',
    });
  });
});

describe('Message-ID of a delivery', () => {
  const id = '0b6f8f8e-2c1a-4d3e-9a51-7c2f7d1e2a10';

  it('is the delivery id at the sender’s domain, the same on every attempt', () => {
    expect(messageIdFor(id, 'OWES Grants <no-reply@owes.local>')).toBe(`<${id}@owes.local>`);
    expect(messageIdFor(id, 'biuro@OWES-Plock.example.pl')).toBe(`<${id}@owes-plock.example.pl>`);
  });

  it('falls back to a fixed domain when the sender has none', () => {
    expect(messageIdFor(id, 'OWES Grants')).toBe(`<${id}@owes-grants>`);
  });
});
