import { jest } from '@jest/globals';
import pg from 'pg';
import {
  createServiceDataSource,
  DEFAULT_CENTRE_ID,
  dropDatabase,
  MESSAGING_ENTITIES,
  provisionDatabase,
  type ClassType,
} from '@app/common';
import { APPLICATIONS_MIGRATIONS } from '../../apps/applications/src/migrations/index.js';
import { APPLICATIONS_ENTITIES } from '../../apps/applications/src/entities.js';
import { databaseLayout, SERVICES, type DatabaseLayout } from '../../tools/src/database-config.js';
import { ADMIN_URL, uniqueId } from '../support/database.js';

jest.setTimeout(120_000);

/** The migrations of the one-centre installation: everything up to and including …007. */
const BEFORE = APPLICATIONS_MIGRATIONS.slice(
  0,
  APPLICATIONS_MIGRATIONS.findIndex((m) => m.name === 'SessionsAndThrottling1700000000007') + 1,
);

/** Tables whose every row must come through the migration unchanged (apart from centre_id). */
const KEPT = [
  'users',
  'calls',
  'applications',
  'application_versions',
  'initiative_groups',
  'due_timers',
  'audit_log',
];
/** Tables that get a centre: every existing row is centre no. 1's. */
const WITH_CENTRE = ['calls', 'applications', 'application_versions', 'initiative_groups'];
const WALLED = ['applications', 'application_versions', 'initiative_groups'];

const ENV = {
  CENTRE_NAME: 'OWES Płock',
  CENTRE_COUNTIES: '1462,1419,1425, 1405',
  MAIL_FROM: 'OWES Płock <biuro@owes-plock.example.pl>',
  OPERATOR_EMAILS: 'operatorzy@owes-plock.example.pl, kierownik@owes-plock.example.pl',
};

/**
 * An existing one-centre installation moves into centre no. 1 (issue 12, docs/tenancy.md): the
 * data written by the previous version comes through unchanged, each walled row is centre
 * no. 1's, centre no. 1 is made from the one-centre settings and published, and the existing
 * staff work for it.
 */
describe('applications migration into centre no. 1', () => {
  let layout: DatabaseLayout;
  let admin: pg.Client;
  const savedEnv: Record<string, string | undefined> = {};

  async function migrate(migrations: ClassType[], undo = 0): Promise<string[]> {
    const dataSource = createServiceDataSource({
      url: layout.urls.applications,
      schema: 'applications',
      entities: [...APPLICATIONS_ENTITIES, ...MESSAGING_ENTITIES],
      migrations,
      poolSize: 1,
      applicationName: 'owes-migration-test',
    });
    await dataSource.initialize();
    try {
      for (let i = 0; i < undo; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const done = await dataSource.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  }

  /** Every row of the table as JSON, without centre_id, in a stable order. */
  async function contents(table: string): Promise<unknown[]> {
    const rows = await admin.query(
      `SELECT to_jsonb(t) - 'centre_id' AS row FROM applications.${table} t ORDER BY to_jsonb(t)::text`,
    );
    return rows.rows.map((r) => r.row);
  }

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const all: Record<string, unknown[]> = {};
    for (const table of KEPT) all[table] = await contents(table);
    return all;
  }

  const ids = {
    applicant: '10000000-0000-4000-8000-000000000001',
    operator: '10000000-0000-4000-8000-000000000002',
    admin: '10000000-0000-4000-8000-000000000003',
    evaluator: '10000000-0000-4000-8000-000000000004',
    call: '20000000-0000-4000-8000-000000000001',
    group: '30000000-0000-4000-8000-000000000001',
    application: '40000000-0000-4000-8000-000000000001',
    draft: '40000000-0000-4000-8000-000000000002',
  };

  beforeAll(async () => {
    for (const key of Object.keys(ENV)) {
      savedEnv[key] = process.env[key];
      process.env[key] = ENV[key as keyof typeof ENV];
    }
    const id = uniqueId();
    const env: Record<string, string> = { DATABASE_ADMIN_URL: ADMIN_URL, DB_NAME: `owes_t_${id}` };
    for (const service of SERVICES) {
      env[`${service.toUpperCase()}_DB_ROLE`] = `owes_t_${id}_${service}`;
      env[`${service.toUpperCase()}_DB_PASSWORD`] = `pw_${id}_${service}`;
    }
    layout = databaseLayout(env);
    await provisionDatabase({
      adminUrl: layout.adminUrl,
      database: layout.database,
      services: SERVICES.map((s) => layout.roles[s]),
    });
    const url = new URL(layout.adminUrl);
    url.pathname = `/${layout.database}`;
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    if (layout)
      await dropDatabase(
        ADMIN_URL,
        layout.database,
        SERVICES.map((s) => layout.roles[s].role),
      );
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('moves the data of a one-centre installation into centre no. 1, unchanged', async () => {
    expect(await migrate(BEFORE)).toHaveLength(BEFORE.length);

    // Data as the previous version wrote it (its columns only), as superuser.
    await admin.query(
      `INSERT INTO applications.users (id, email, password_hash, role, full_name, language, email_verified_at, created_at, token_version)
       VALUES ($1, 'wnioskodawca@example.pl', 'hash-a', 'applicant', 'Anna Wnioskodawczyni', 'pl', '2026-01-02T10:00:00Z', '2026-01-02T10:00:00Z', 0),
              ($2, 'operator@example.pl', 'hash-o', 'operator', 'Olga Operatorka', 'pl', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 3),
              ($3, 'admin@example.pl', 'hash-d', 'admin', 'Adam Admin', 'en', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z', 1),
              ($4, 'oceniajacy@example.pl', 'hash-e', 'evaluator', 'Ewa Oceniająca', 'pl', NULL, '2026-01-03T09:00:00Z', 0)`,
      [ids.applicant, ids.operator, ids.admin, ids.evaluator],
    );
    await admin.query(
      `INSERT INTO applications.calls (id, number, title, opens_at, closes_at, budget, counties, funding_model,
          max_jobs_per_entity, correction_term_working_days, appeal_term_working_days, published_at, programme_id)
       VALUES ($1, 'N/1/2026', 'Nabór 1/2026', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 100000000,
          '{1462,1419}', '{"kind": "per-job", "perJob": 2500000}', 3, 7, 14, '2026-01-15T08:00:00Z', NULL)`,
      [ids.call],
    );
    await admin.query(
      `INSERT INTO applications.initiative_groups (id, leader_id, state, name, form, counties, submitted_at, created_at, updated_at)
       VALUES ($1, $2, 'submitted', 'Grupa z Płocka', '{"members": 3}', '{1462}', '2026-02-02T10:00:00Z', '2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z')`,
      [ids.group, ids.applicant],
    );
    await admin.query(
      `INSERT INTO applications.applications (id, applicant_id, call_id, state, form, reference, submitted_version, submitted_at,
          created_at, updated_at, applicant_kind, group_id, entity_name, county, amount, requested_total, correction_rounds)
       VALUES ($1, $3, $4, 'submitted', '{"title": "Spółdzielnia"}', 'WN/2026/0001', 2, '2026-02-10T10:00:00Z',
               '2026-02-05T10:00:00Z', '2026-02-10T10:00:00Z', 'group', $5, 'Spółdzielnia Socjalna', '1462', '{"pln": 5000000}', 5000000, 1),
              ($2, $3, $4, 'draft', '{}', NULL, 0, NULL, '2026-02-06T10:00:00Z', '2026-02-06T10:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL, 0)`,
      [ids.application, ids.draft, ids.applicant, ids.call, ids.group],
    );
    await admin.query(
      `INSERT INTO applications.application_versions (application_id, version, form, submitted_at, amount)
       VALUES ($1, 1, '{"title": "Spółdzielnia v1"}', '2026-02-08T10:00:00Z', '{"pln": 4000000}'),
              ($1, 2, '{"title": "Spółdzielnia"}', '2026-02-10T10:00:00Z', '{"pln": 5000000}')`,
      [ids.application],
    );
    await admin.query(
      `INSERT INTO applications.due_timers (kind, entity_id, due_at, payload, created_at)
       VALUES ('correction-deadline', $1, '2026-02-20T10:00:00Z', '{"round": 1}', '2026-02-10T10:00:00Z'),
              ('call-closing', $2, '2026-03-01T00:00:00Z', '{}', '2026-01-15T08:00:00Z')`,
      [ids.application, ids.call],
    );
    await admin.query(
      `INSERT INTO applications.audit_log (at, actor_id, entity_type, entity_id, action, from_state, to_state, changes, correlation_id)
       VALUES ('2026-02-10T10:00:00Z', $1, 'application', $2, 'submitted', 'draft', 'submitted', '{"version": 2}', 'c-1'),
              ('2026-01-01T10:00:00Z', NULL, 'user', $3, 'role-changed', 'applicant', 'operator', '{"by": "cli"}', 'cli')`,
      [ids.applicant, ids.application, ids.operator],
    );
    const before = await snapshot();
    const outboxBefore = (await admin.query(`SELECT count(*)::int AS n FROM applications.outbox`))
      .rows[0].n;

    const applied = await migrate(APPLICATIONS_MIGRATIONS);
    expect(applied).toEqual(APPLICATIONS_MIGRATIONS.slice(BEFORE.length).map((m) => m.name));

    // Every row is still there with identical content.
    expect(await snapshot()).toEqual(before);
    expect(before.application_versions).toHaveLength(2);

    // Every row of a centre's data is centre no. 1's (a column left NULL, or not backfilled, fails).
    for (const table of WITH_CENTRE) {
      const rows = await admin.query(
        `SELECT centre_id, count(*)::int AS n FROM applications.${table} GROUP BY centre_id`,
      );
      expect([table, rows.rows]).toEqual([
        table,
        [{ centre_id: DEFAULT_CENTRE_ID, n: before[table].length }],
      ]);
      const column = await admin.query(
        `SELECT is_nullable FROM information_schema.columns
          WHERE table_schema = 'applications' AND table_name = $1 AND column_name = 'centre_id'`,
        [table],
      );
      expect([table, column.rows[0]?.is_nullable]).toEqual([table, 'NO']);
    }

    // Centre no. 1 from the one-centre settings.
    const centre = await admin.query(`SELECT * FROM applications.centres`);
    expect(centre.rows).toEqual([
      expect.objectContaining({
        id: DEFAULT_CENTRE_ID,
        number: 1,
        name: 'OWES Płock',
        voivodeship: '14',
        counties: ['1462', '1419', '1425', '1405'],
        sender_name: 'OWES Płock',
        sender_email: 'biuro@owes-plock.example.pl',
        operators_mailbox: ['operatorzy@owes-plock.example.pl', 'kierownik@owes-plock.example.pl'],
        active: true,
        version: 1,
      }),
    ]);

    // The existing operators and admins are its staff; applicants and evaluators are not.
    const staff = await admin.query(
      `SELECT centre_id, user_id FROM applications.centre_staff ORDER BY user_id`,
    );
    expect(staff.rows).toEqual([
      { centre_id: DEFAULT_CENTRE_ID, user_id: ids.operator },
      { centre_id: DEFAULT_CENTRE_ID, user_id: ids.admin },
    ]);

    // Centre no. 1 is published for the other services' read models.
    const outbox = await admin.query(
      `SELECT subject, envelope FROM applications.outbox ORDER BY seq`,
    );
    expect(outbox.rows).toHaveLength(outboxBefore + 1);
    expect(outbox.rows.at(-1)).toMatchObject({
      subject: 'applications.centre.changed',
      envelope: {
        type: 'applications.centre.changed',
        payload: {
          centreId: DEFAULT_CENTRE_ID,
          version: 1,
          number: 1,
          name: 'OWES Płock',
          voivodeship: '14',
          counties: ['1462', '1419', '1425', '1405'],
          mail: {
            senderName: 'OWES Płock',
            senderEmail: 'biuro@owes-plock.example.pl',
            operatorsMailbox: [
              'operatorzy@owes-plock.example.pl',
              'kierownik@owes-plock.example.pl',
            ],
          },
          active: true,
        },
      },
    });
  });

  it('walls the moved rows: the service role sees them in centre no. 1 only', async () => {
    const client = new pg.Client({ connectionString: layout.urls.applications });
    await client.connect();
    try {
      const count = async (centres: string, table: string) => {
        await client.query(`SELECT set_config('owes.centres', $1, false)`, [centres]);
        return (await client.query(`SELECT count(*)::int AS n FROM applications.${table}`)).rows[0]
          .n as number;
      };
      for (const table of WALLED) {
        const all = await count('*', table);
        expect(all).toBeGreaterThan(0);
        expect([table, await count(DEFAULT_CENTRE_ID, table)]).toEqual([table, all]);
        expect([table, await count('00000000-0000-4000-8000-000000000002', table)]).toEqual([
          table,
          0,
        ]);
        expect([table, await count('', table)]).toEqual([table, 0]);
      }
    } finally {
      await client.end();
    }
  });

  /*
   * `down` is safe only for an installation that still has one centre: it drops the centres,
   * their staff and coordinators' scopes and every centre_id (rows of several centres would be
   * merged into one installation), and it puts back the old role check, which refuses while a
   * coordinator or platform-admin account exists. What is tested is that round trip of a
   * one-centre installation: down, then up again, keeps every row and makes centre no. 1 again.
   */
  it('goes down and up again on a one-centre installation without losing a row', async () => {
    const before = await snapshot();
    const applied = await migrate(
      APPLICATIONS_MIGRATIONS,
      APPLICATIONS_MIGRATIONS.length - BEFORE.length,
    );
    expect(applied).toEqual(APPLICATIONS_MIGRATIONS.slice(BEFORE.length).map((m) => m.name));
    expect(await snapshot()).toEqual(before);
    for (const table of WITH_CENTRE) {
      const rows = await admin.query(
        `SELECT count(*)::int AS n FROM applications.${table} WHERE centre_id IS DISTINCT FROM $1`,
        [DEFAULT_CENTRE_ID],
      );
      expect([table, rows.rows[0].n]).toEqual([table, 0]);
    }
    const centres = await admin.query(`SELECT id, number FROM applications.centres`);
    expect(centres.rows).toEqual([{ id: DEFAULT_CENTRE_ID, number: 1 }]);
    const staff = await admin.query(
      `SELECT user_id FROM applications.centre_staff ORDER BY user_id`,
    );
    expect(staff.rows.map((r) => r.user_id)).toEqual([ids.operator, ids.admin]);
  });
});
