import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  centreFromParentStatements,
  centreWallDownStatements,
  centreWallStatements,
  createEvent,
  DEFAULT_CENTRE_ID,
  insertOutboxEvent,
} from '@app/common';

/** Tables holding a centre's data, walled by row-level security (docs/tenancy.md). */
const WALLED = [
  'applications.applications',
  'applications.application_versions',
  'applications.initiative_groups',
];

/** Centre columns: the walled tables and the calls read model (published calls stay public). */
const WITH_CENTRE = [...WALLED, 'applications.calls'];

/** "Name <address>" or a bare address. */
function parseSender(value: string | undefined): { name: string; email: string } {
  const fallback = { name: 'OWES', email: 'no-reply@owes.local' };
  if (!value?.trim()) return fallback;
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (match) return { name: match[1] || fallback.name, email: match[2].trim() };
  return { name: fallback.name, email: value.trim() };
}

/**
 * Several centres in one installation (docs/tenancy.md): the centre master record, staff and
 * coordinator scopes, a centre on every row of a centre's data with row-level policies, and an
 * existing one-centre installation moved into centre no. 1 (its data, its staff, its settings
 * from CENTRE_NAME, CENTRE_COUNTIES, MAIL_FROM, OPERATOR_EMAILS). Safe to run on a database
 * that already has part of it.
 */
export class Centres1700000000008 implements MigrationInterface {
  name = 'Centres1700000000008';

  async up(q: QueryRunner): Promise<void> {
    // The two new roles: a region's coordinator and the installation's administrator.
    await q.query(`ALTER TABLE applications.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE applications.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('applicant', 'operator', 'evaluator', 'admin', 'coordinator', 'platform-admin'))`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS applications.centres (
        id uuid PRIMARY KEY,
        number integer NOT NULL CONSTRAINT centres_number_key UNIQUE CHECK (number > 0),
        name text NOT NULL,
        accreditation_number text NOT NULL CONSTRAINT centres_accreditation_key UNIQUE,
        voivodeship char(2) NOT NULL,
        counties text[] NOT NULL DEFAULT '{}',
        address text NOT NULL DEFAULT '',
        contact_email text NOT NULL DEFAULT '',
        contact_phone text NOT NULL DEFAULT '',
        sender_name text NOT NULL,
        sender_email text NOT NULL,
        signature text NOT NULL DEFAULT '',
        operators_mailbox text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS applications.centre_staff (
        centre_id uuid NOT NULL CONSTRAINT centre_staff_centre_fkey REFERENCES applications.centres (id),
        user_id uuid NOT NULL CONSTRAINT centre_staff_user_fkey REFERENCES applications.users (id),
        PRIMARY KEY (centre_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS centre_staff_user_idx ON applications.centre_staff (user_id)`,
    );
    await q.query(`
      CREATE TABLE IF NOT EXISTS applications.coordinator_scopes (
        user_id uuid PRIMARY KEY CONSTRAINT coordinator_scopes_user_fkey REFERENCES applications.users (id),
        voivodeship char(2),
        centre_ids uuid[] NOT NULL DEFAULT '{}'
      )`);

    // Every existing row is centre no. 1's.
    for (const table of WITH_CENTRE) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS centre_id uuid`);
      await q.query(`UPDATE ${table} SET centre_id = $1 WHERE centre_id IS NULL`, [
        DEFAULT_CENTRE_ID,
      ]);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN centre_id SET NOT NULL`);
    }
    await q.query(
      `CREATE INDEX IF NOT EXISTS applications_centre_idx ON applications.applications (centre_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS initiative_groups_centre_idx ON applications.initiative_groups (centre_id, created_at)`,
    );
    await q.query(`CREATE INDEX IF NOT EXISTS calls_centre_idx ON applications.calls (centre_id)`);
    // A child takes its parent's centre when the code inserting it does not name one.
    for (const sql of [
      ...centreFromParentStatements('applications.applications', 'applications.calls', 'call_id'),
      ...centreFromParentStatements(
        'applications.application_versions',
        'applications.applications',
        'application_id',
      ),
    ])
      await q.query(sql);
    for (const table of WALLED) for (const sql of centreWallStatements(table)) await q.query(sql);

    await this.centreNo1(q);
  }

  /** Centre no. 1 from the one-centre settings, its event, and the existing staff as its staff. */
  private async centreNo1(q: QueryRunner): Promise<void> {
    const env = process.env;
    let counties = (env.CENTRE_COUNTIES ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (counties.length === 0) {
      const rows: { county: string }[] = await q.query(
        `SELECT DISTINCT unnest(counties) AS county FROM applications.calls ORDER BY 1`,
      );
      counties = rows.map((r) => r.county);
    }
    counties = [...new Set(counties)];
    const sender = parseSender(env.MAIL_FROM);
    const mailbox = (env.OPERATOR_EMAILS ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const now = new Date();
    const name = env.CENTRE_NAME?.trim() || 'Ośrodek Wsparcia Ekonomii Społecznej nr 1';
    const voivodeship = counties[0]?.slice(0, 2) ?? '14';
    const inserted: unknown[] = await q.query(
      `INSERT INTO applications.centres (id, number, name, accreditation_number, voivodeship, counties,
          address, contact_email, contact_phone, sender_name, sender_email, signature,
          operators_mailbox, active, version, created_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, '', $6, '', $7, $6, $8, $9, true, 1, $10, $10)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        DEFAULT_CENTRE_ID,
        name,
        'OWES-1',
        voivodeship,
        counties,
        sender.email,
        sender.name,
        name,
        mailbox,
        now,
      ],
    );
    if (inserted.length > 0) {
      await insertOutboxEvent(
        q.manager,
        createEvent(
          'applications.centre.changed',
          {
            centreId: DEFAULT_CENTRE_ID,
            version: 1,
            number: 1,
            name,
            accreditationNumber: 'OWES-1',
            voivodeship,
            counties,
            address: '',
            contact: { email: sender.email, phone: '' },
            mail: {
              senderName: sender.name,
              senderEmail: sender.email,
              signature: name,
              operatorsMailbox: mailbox,
            },
            active: true,
            changedAt: now.toISOString(),
          },
          { correlationId: randomUUID(), occurredAt: now },
        ),
      );
    }
    await q.query(
      `INSERT INTO applications.centre_staff (centre_id, user_id)
       SELECT $1, id FROM applications.users WHERE role IN ('operator', 'admin')
       ON CONFLICT DO NOTHING`,
      [DEFAULT_CENTRE_ID],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WALLED)
      for (const sql of centreWallDownStatements(table)) await q.query(sql);
    for (const name of ['applications', 'application_versions']) {
      await q.query(`DROP TRIGGER IF EXISTS ${name}_centre_from_parent ON applications.${name}`);
      await q.query(`DROP FUNCTION IF EXISTS applications.${name}_centre_from_parent()`);
    }
    for (const table of WITH_CENTRE)
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS centre_id`);
    await q.query(`DROP TABLE IF EXISTS applications.coordinator_scopes`);
    await q.query(`DROP TABLE IF EXISTS applications.centre_staff`);
    await q.query(`DROP TABLE IF EXISTS applications.centres`);
    await q.query(`ALTER TABLE applications.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE applications.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('applicant', 'operator', 'evaluator', 'admin'))`);
  }
}
