import { isPermanentSmtpError, retryDelayMs } from './delivery-sender.service.js';

describe('delivery retries', () => {
  it('treats SMTP 5xx as permanent, except a full mailbox (552), and everything else as temporary', () => {
    expect(isPermanentSmtpError({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ responseCode: 553 })).toBe(true);
    expect(isPermanentSmtpError({ responseCode: 552 })).toBe(false);
    expect(isPermanentSmtpError({ responseCode: 451 })).toBe(false);
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
});
