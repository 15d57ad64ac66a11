import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { startPlatform, type Platform } from '../support/platform.js';

jest.setTimeout(60_000);

/** A valid PESEL and an e-mail address that must never reach a log line. */
const PESEL = '44051401458';
const EMAIL = 'jan.nowak.logs@example.pl';
const SERVICES = ['applications', 'grants', 'notifications'] as const;

/** Logs never carry query parameters, request bodies or personal data (issue 17, section 1). */
describe('log redaction', () => {
  let platform: Platform;
  let dir: string;
  const logFile = (service: string) => join(dir, `${service}.log`);
  const logLines = () =>
    SERVICES.flatMap((service) => {
      try {
        return readFileSync(logFile(service), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'owes-logs-'));
    const env = (service: string) => ({ LOG_LEVEL: 'info', LOG_FILE: logFile(service) });
    platform = await startPlatform({
      env: {
        applications: env('applications'),
        grants: env('grants'),
        notifications: env('notifications'),
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('hides PESELs and e-mail addresses in URLs, bodies and failed queries', async () => {
    const { token } = await platform.account('admin');
    const { applications, grants, notifications } = platform.api;

    await applications.post('/api/auth/register', {
      email: EMAIL,
      password: 'bezpieczne-haslo-1',
      fullName: 'Jan Nowak',
      pesel: PESEL,
    });
    await applications.post('/api/auth/register', {
      email: EMAIL,
      password: 'bezpieczne-haslo-1',
      fullName: 'Jan Nowak',
    });
    await applications.post('/api/auth/login', { email: EMAIL, password: `${PESEL}-x` });
    await notifications.get(`/api/reminders?recipient=${encodeURIComponent(EMAIL)}`, token);
    await notifications.get(`/api/deliveries?recipient=${EMAIL}&pesel=${PESEL}`, token);
    await grants.get(`/api/no-such-route?q=${PESEL}&email=${EMAIL}`);
    await applications.get(`/api/applications?q=${PESEL}`);

    // A query that fails in the database with the personal data as parameters (the value
    // appears in Postgres' message too), logged the way the exception filter logs a 500.
    const app = platform.apps.applications!;
    const failure = await app
      .get(DataSource)
      .query('SELECT $1::uuid AS id, $2::text AS email', [PESEL, EMAIL])
      .catch((error: unknown) => error);
    expect((failure as Error).name).toBe('QueryFailedError');
    expect((failure as { parameters?: unknown[] }).parameters).toContain(PESEL);
    app.get(Logger).error({ err: failure, correlationId: 'log-redaction' }, 'Unhandled error');

    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = logLines();
    const failed = lines.find((line) => line.includes('log-redaction'));
    expect(failed).toBeDefined();
    const logged = JSON.parse(failed!);
    expect(logged.err).toMatchObject({ type: 'QueryFailedError', code: '22P02' });
    expect(logged.err.query).toContain('$1::uuid');
    expect(logged.err.parameters).toBeUndefined();
    expect(lines.some((line) => line.includes('/api/deliveries?recipient=[redacted]'))).toBe(true);
    expect(lines.length).toBeGreaterThan(5);
    const leaks = lines.filter(
      (line) => line.includes(PESEL) || line.toLowerCase().includes(EMAIL),
    );
    expect(leaks).toEqual([]);
    expect(lines.filter((line) => line.includes('jan.nowak.logs%40example.pl'))).toEqual([]);
  });
});
