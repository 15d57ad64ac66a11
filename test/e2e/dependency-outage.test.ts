import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { databaseLayout, SERVICES } from '../../tools/src/database-config.js';
import { setupAndMigrate } from '../../tools/src/migrate.js';
import { UsersService } from '../../apps/applications/src/identity/users.service.js';
import { deleteStreams, NATS_URL, startService } from '../support/platform.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/postgres-server.js';
import { uniqueId } from '../support/database.js';
import { client, type Client } from '../support/http.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(120_000);

/**
 * Issue 11: while Postgres is down a request answers 503 DEPENDENCY_UNAVAILABLE with Retry-After
 * in the error shape (never 500), the outage is logged once, `/health/ready` names the database,
 * and the service answers again once Postgres is back, without a restart. The database is a
 * private cluster stopped in immediate mode (the shared one stays up).
 */
describe('a database outage', () => {
  let pg: PrivatePostgres;
  let app: INestApplication;
  let api: Client;
  let dir: string;
  const prefix = `t${uniqueId()}`;
  const logLines = () =>
    readFileSync(join(dir, 'applications.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg?: string; context?: string });

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    dir = mkdtempSync(join(tmpdir(), 'owes-outage-'));
    const id = uniqueId();
    const env: Record<string, string> = {
      DATABASE_ADMIN_URL: pg.adminUrl,
      DB_NAME: `owes_t_${id}`,
    };
    for (const service of SERVICES)
      env[`${service.toUpperCase()}_DB_ROLE`] = `owes_t_${id}_${service}`;
    const layout = databaseLayout(env);
    await setupAndMigrate(layout);
    ({ app } = await startService('applications', {
      layout,
      natsUrl: NATS_URL,
      prefix,
      env: { LOG_LEVEL: 'info', LOG_FILE: join(dir, 'applications.log') },
    }).then((started) => {
      api = client(started.url);
      return started;
    }));
  });

  afterAll(async () => {
    await pg?.start().catch(() => {});
    await app?.close();
    await deleteStreams(NATS_URL, prefix).catch(() => {});
    await pg?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while Postgres is down, logs it once, and recovers by itself', async () => {
    const email = `outage-${uniqueId()}@example.pl`;
    await app.get(UsersService).create({
      email,
      password: 'Haslo-outage-1',
      fullName: 'Test applicant',
      role: 'applicant',
      verified: true,
    });
    const login = await api.post('/api/auth/login', { email, password: 'Haslo-outage-1' });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    expect((await api.get('/api/calls')).status).toBe(200);
    expect((await api.get('/health/ready')).status).toBe(200);

    await pg.stop();

    const started = performance.now();
    const read = await api.get('/api/calls', undefined, { 'accept-language': 'en' });
    const answeredMs = performance.now() - started;
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
    expect(read.body).toEqual({
      statusCode: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      message: expect.stringContaining('try again'),
      errors: [],
      correlationId: expect.any(String),
    });
    // A write with a token: the same answer, in Polish by default.
    const submit = await api.post(`/api/applications/${randomUUID()}/submit`, {}, token);
    expect(submit.status).toBe(503);
    expect(submit.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(submit.body.message).toContain('spróbuj ponownie');
    expect(submit.headers.get('retry-after')).toBe('5');
    console.log(`503 during the outage answered in ${answeredMs.toFixed(0)} ms`);
    expect(answeredMs).toBeLessThan(10_000);

    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(ready.body).toMatchObject({
      statusCode: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      status: 'error',
      down: ['database'],
      errors: [{ path: 'database', message: expect.any(String) }],
      error: { database: { status: 'down' } },
      info: { nats: { status: 'up' } },
    });
    expect((await api.get('/health/live')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await api.get('/api/calls')).status).toBe(503);

    await pg.start();
    await expectEventually(async () => expect((await api.get('/api/calls')).status).toBe(200), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect((await api.get('/health/ready')).status).toBe(200);
    expect((await api.post(`/api/applications/${randomUUID()}/submit`, {}, token)).status).toBe(
      404,
    );

    // One warning for the whole outage, one info line for its end, and no "Unhandled error".
    await expectEventually(() =>
      expect(
        logLines().filter((l) => l.msg?.startsWith('Dependency available again: database')),
      ).toHaveLength(1),
    );
    const lines = logLines();
    const warnings = lines.filter((l) => l.msg?.startsWith('Dependency unavailable: database'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
    expect(lines.filter((l) => l.msg === 'Unhandled error')).toEqual([]);
    expect(lines.filter((l) => l.msg?.includes('Health Check has failed'))).toEqual([]);
  });
});
