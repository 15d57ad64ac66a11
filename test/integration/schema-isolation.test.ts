import { jest } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { SERVICES } from '../../tools/src/database-config.js';
import { setupAndMigrate } from '../../tools/src/migrate.js';

jest.setTimeout(60_000);

/**
 * Each service's role reaches its own schema and nothing else
 * (docs/architecture.md#schemas-and-roles).
 */
describe('schema isolation', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function as<T>(
    service: (typeof SERVICES)[number],
    fn: (client: pg.Client) => Promise<T>,
  ): Promise<T> {
    const client = new pg.Client({ connectionString: db.layout.urls[service] });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it.each(SERVICES)('%s reads its own schema', async (service) => {
    // its migrations ran as this role and are recorded in its schema
    const rows = await as(service, (c) => c.query(`SELECT count(*) FROM ${service}.migrations`));
    expect(Number(rows.rows[0].count)).toBeGreaterThan(0);
  });

  it.each(
    SERVICES.flatMap((me) =>
      SERVICES.filter((other) => other !== me).map((other) => [me, other] as const),
    ),
  )('%s may not SELECT from %s', async (me, other) => {
    await expect(as(me, (c) => c.query(`SELECT * FROM ${other}.outbox`))).rejects.toThrow(
      /permission denied/,
    );
  });

  it.each(SERVICES)('%s may not create anything in public or in another schema', async (me) => {
    await expect(as(me, (c) => c.query('CREATE TABLE public.intruder (id int)'))).rejects.toThrow(
      /permission denied/,
    );
    const other = SERVICES.find((s) => s !== me)!;
    await expect(as(me, (c) => c.query(`CREATE TABLE ${other}.intruder (id int)`))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('set-up and migrations run again without changing anything', async () => {
    await expect(setupAndMigrate(db.layout)).resolves.toBeUndefined();
    const count = await as('applications', (c) =>
      c.query('SELECT count(*)::int AS n FROM applications.migrations'),
    );
    expect(count.rows[0].n).toBeGreaterThanOrEqual(1);
  });
});
