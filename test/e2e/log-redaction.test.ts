import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { isValidPesel } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { buildWorld, type World } from '../support/access-world.js';
import { fuzzOperations } from '../support/fuzz-runner.js';
import { expectEventually } from '../support/eventually.js';
import { operationsOf, servedDocuments, WRITE_METHODS } from '../support/openapi.js';

jest.setTimeout(60_000);

/** A valid PESEL and an e-mail address that must never reach a log line. */
const PESEL = '44051401458';
const EMAIL = 'jan.nowak.logs@example.pl';
const SERVICES = ['applications', 'grants', 'notifications'] as const;
/**
 * One log folder for both platforms of this file: the services' pino destination outlives the
 * first platform in this process, so the fuzz run's lines may land in the first one's files.
 */
const LOG_DIR = mkdtempSync(join(tmpdir(), 'owes-logs-'));
afterAll(() => rmSync(LOG_DIR, { recursive: true, force: true }));

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
    dir = LOG_DIR;
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

/**
 * The fuzz suite's traffic (test/e2e/fuzz.test.ts: every write operation, bodies, paths and query
 * strings full of PESELs and e-mail addresses, mostly refused) leaves none of them in a log line.
 */
describe('log redaction under the fuzz traffic', () => {
  let w: World;
  let dir: string;
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

  beforeAll(async () => {
    dir = LOG_DIR;
    const env = (service: string) => ({
      LOG_LEVEL: 'info',
      LOG_FILE: join(dir, `${service}.log`),
    });
    w = await buildWorld({
      grantedAwards: 3,
      env: {
        applications: {
          ...env('applications'),
          REGISTER_RATE_LIMIT: '100000',
        },
        grants: env('grants'),
        notifications: env('notifications'),
      },
    });
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  it(`logs none of the PESELs and e-mail addresses the fuzz run sent (FUZZ_SEED=${seed})`, async () => {
    const operations = operationsOf(await servedDocuments(w.platform)).filter((op) =>
      WRITE_METHODS.has(op.method),
    );
    const logLines = () =>
      SERVICES.flatMap((service) => {
        try {
          return readFileSync(join(dir, `${service}.log`), 'utf8')
            .split('\n')
            .filter(Boolean);
        } catch {
          return [];
        }
      });
    const before = logLines().length;
    const stats = await fuzzOperations(w, operations, { seed, runs: 6 });
    const pesels = new Set<string>();
    const emails = new Set<string>();
    for (const text of stats.sent) {
      for (const [digits] of text.matchAll(/\d{11}/g)) if (isValidPesel(digits)) pesels.add(digits);
      for (const [email] of text.matchAll(/[^\s@/?&="'<>]+@[^\s@/?&="'<>]+\.[a-z]{2,}/gi))
        emails.add(email.toLowerCase());
    }
    expect(pesels.size).toBeGreaterThan(10);
    expect(emails.size).toBeGreaterThan(10);
    // A marker request after the run, to each service: once its line is in the file, all that
    // the service logged before it is too (one destination, written in order).
    const marker = `after-fuzz-${seed}`;
    for (const service of SERVICES)
      await w.platform.api[service].call('GET', `/api/${marker}`, { unrecorded: true });
    const lines = await expectEventually(() => {
      const all = logLines();
      expect(all.filter((l) => l.includes(marker)).length).toBeGreaterThanOrEqual(3);
      expect(all.length - before).toBeGreaterThan(stats.requests / 2);
      return all;
    });
    const leaks: string[] = [];
    for (const line of lines) {
      const lower = line.toLowerCase();
      for (const pesel of pesels) if (line.includes(pesel)) leaks.push(`${pesel}: ${line}`);
      for (const email of emails)
        if (lower.includes(email) || lower.includes(encodeURIComponent(email)))
          leaks.push(`${email}: ${line}`);
    }
    expect(leaks.map((leak) => leak.slice(0, 400))).toEqual([]);
  }, 240_000);
});
