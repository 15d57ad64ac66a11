import { jest } from '@jest/globals';
import { request } from 'node:http';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { emitted } from './applications-fixtures.js';

jest.setTimeout(120_000);

/** POSTs JSON from a chosen loopback address (127.0.0.x), as another client would. */
function postFrom(
  localAddress: string,
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<{ status: number; retryAfter?: string; body: any }> {
  const url = new URL(path, baseUrl);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Login throttling in Postgres (ASVS 2.2.1; docs/architecture.md#login-throttling): per account
 * whatever the address, with a delay that doubles and is capped (never a lock-out); per address
 * whatever the accounts; cleared by a successful login or a password reset. Time is the
 * ManualClock's.
 */
describe('login throttling', () => {
  let platform: Platform;
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));
  const login = (from: string, email: string, password: string) =>
    postFrom(from, platform.api.applications.url, '/api/auth/login', { email, password });

  beforeAll(async () => {
    platform = await startPlatform({
      clock,
      services: ['applications'],
      env: {
        applications: {
          LOGIN_ACCOUNT_FREE_FAILURES: '5',
          LOGIN_ADDRESS_FREE_FAILURES: '20',
          LOGIN_MAX_DELAY_SECONDS: '8',
        },
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('counts failures per account from every address, with a growing, capped delay', async () => {
    const user = await platform.account('applicant');
    for (let i = 0; i < 5; i++) {
      expect((await login(`127.0.0.${10 + i}`, user.email, 'zle-haslo-123')).status).toBe(401);
    }
    // a sixth address gets no ten fresh guesses: it must wait, even with the right password
    const waiting = await login('127.0.0.20', user.email, user.password);
    expect(waiting).toMatchObject({ status: 429, retryAfter: '1' });
    expect(waiting.body.code).toBe('TOO_MANY_REQUESTS');
    // each further failure doubles the wait: 1, 2, 4, then the cap of 8 seconds
    for (const delay of [1, 2, 4, 8, 8]) {
      clock.advance(delay * 1000);
      expect((await login('127.0.0.21', user.email, 'zle-haslo-123')).status).toBe(401);
      const next = await login('127.0.0.22', user.email, user.password);
      expect(next.status).toBe(429);
      expect(Number(next.retryAfter)).toBe(Math.min(delay * 2, 8));
    }
    // never a lock-out: after the wait the owner gets in, and the count starts again
    clock.advance(8000);
    expect((await login('127.0.0.23', user.email, user.password)).status).toBe(200);
    expect((await login('127.0.0.23', user.email, 'zle-haslo-123')).status).toBe(401);
    expect((await login('127.0.0.23', user.email, user.password)).status).toBe(200);
  });

  it('counts failures per address across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      const wrong = await login('127.0.0.50', `guess-${i}@example.pl`, 'zle-haslo-123');
      expect(wrong.status).toBe(401);
    }
    const next = await login('127.0.0.50', 'guess-21@example.pl', 'zle-haslo-123');
    expect(next).toMatchObject({ status: 429, retryAfter: '1' });
    // another address is not held back, nor are the accounts guessed at
    const user = await platform.account('applicant');
    expect((await login('127.0.0.51', user.email, user.password)).status).toBe(200);
    expect((await login('127.0.0.51', 'guess-3@example.pl', 'zle-haslo-123')).status).toBe(401);
  });

  it('a password reset clears the account’s failures', async () => {
    const user = await platform.account('applicant');
    for (let i = 0; i < 6; i++) await login('127.0.0.60', user.email, 'zle-haslo-123');
    expect((await login('127.0.0.61', user.email, user.password)).status).toBe(429);

    await platform.api.applications.post('/api/auth/password/forgot', { email: user.email });
    const requested = (await emitted(platform, 'applications.account.password-reset-requested'))
      .filter((e) => e.payload.recipient.email === user.email)
      .at(-1)!;
    const token = new URL(requested.payload.resetUrl).searchParams.get('token');
    const reset = await platform.api.applications.post('/api/auth/password/reset', {
      token,
      password: 'Zegar-Kominek-Ryba-88',
    });
    expect(reset.status).toBe(204);
    expect((await login('127.0.0.61', user.email, 'Zegar-Kominek-Ryba-88')).status).toBe(200);
  });

  it('limits forgotten-password requests per address and e-mail, answering alike', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(
        await postFrom('127.0.0.70', platform.api.applications.url, '/api/auth/password/forgot', {
          email: 'someone@example.pl',
        }),
      );
    }
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(answers[5].status).toBe(429);
    expect(Number(answers[5].retryAfter)).toBeGreaterThan(0);
  });
});
