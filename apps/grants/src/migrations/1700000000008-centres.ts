import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DEFAULT_CENTRE_ID,
  centreFromParentStatements,
  centreWallDownStatements,
  centreWallStatements,
} from '@app/common';

/**
 * The tables holding a centre's data, each with the parent its `centre_id` is taken from when an
 * insert does not give one (docs/tenancy.md). Programmes, calls and initiative groups have no
 * parent: the code (or the event) always names their centre.
 */
export const GRANTS_CENTRE_TABLES: readonly {
  table: string;
  parent?: { table: string; fk: string };
}[] = [
  { table: 'programmes' },
  { table: 'calls' },
  { table: 'initiative_groups' },
  { table: 'applications', parent: { table: 'calls', fk: 'call_id' } },
  { table: 'call_evaluators', parent: { table: 'calls', fk: 'call_id' } },
  { table: 'evaluations', parent: { table: 'applications', fk: 'application_id' } },
  { table: 'decisions', parent: { table: 'applications', fk: 'application_id' } },
  { table: 'appeals', parent: { table: 'decisions', fk: 'decision_id' } },
  { table: 'awards', parent: { table: 'applications', fk: 'application_id' } },
  { table: 'award_jobs', parent: { table: 'awards', fk: 'award_id' } },
  { table: 'payments', parent: { table: 'awards', fk: 'award_id' } },
  { table: 'job_reports', parent: { table: 'awards', fk: 'award_id' } },
  { table: 'refund_claims', parent: { table: 'awards', fk: 'award_id' } },
  { table: 'bridging_extension_requests', parent: { table: 'awards', fk: 'award_id' } },
];

/**
 * Tenancy (docs/tenancy.md): the centres read model (from `applications.centre.changed`), with
 * centre no. 1 inserted so that grants runs alone and an existing installation's data has its
 * centre; `centre_id` on every table holding a centre's data, filled with centre no. 1, filled on
 * insert from the parent row when the code does not give it, and walled by a row-level policy.
 * Programme names become unique per centre.
 */
export class Centres1700000000008 implements MigrationInterface {
  name = 'Centres1700000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grants.centres (
        id uuid PRIMARY KEY,
        number integer NOT NULL,
        name text NOT NULL,
        accreditation_number text NOT NULL,
        voivodeship text NOT NULL,
        counties text[] NOT NULL,
        active boolean NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Centre no. 1 serves the counties the existing programmes and calls serve (none on a fresh
    // installation: then its calls are not limited). A real `applications.centre.changed`
    // (version >= 1) overwrites it.
    await q.query(
      `INSERT INTO grants.centres (id, number, name, accreditation_number, voivodeship, counties, active, version, updated_at)
       SELECT $1, 1, 'Ośrodek nr 1', '', COALESCE(left(min(c), 2), ''), COALESCE(array_agg(DISTINCT c ORDER BY c), '{}'),
              true, 0, now()
         FROM (SELECT unnest(counties) AS c FROM grants.programmes
               UNION SELECT unnest(counties) FROM grants.calls) served
       ON CONFLICT (id) DO NOTHING`,
      [DEFAULT_CENTRE_ID],
    );

    for (const { table } of GRANTS_CENTRE_TABLES) {
      await q.query(`ALTER TABLE grants.${table} ADD COLUMN centre_id uuid`);
      await q.query(`UPDATE grants.${table} SET centre_id = $1`, [DEFAULT_CENTRE_ID]);
      await q.query(`ALTER TABLE grants.${table} ALTER COLUMN centre_id SET NOT NULL`);
      await q.query(`CREATE INDEX ${table}_centre_idx ON grants.${table} (centre_id)`);
    }
    for (const { table, parent } of GRANTS_CENTRE_TABLES) {
      if (!parent) continue;
      for (const statement of centreFromParentStatements(
        `grants.${table}`,
        `grants.${parent.table}`,
        parent.fk,
      )) {
        await q.query(statement);
      }
    }
    for (const { table } of GRANTS_CENTRE_TABLES) {
      for (const statement of centreWallStatements(`grants.${table}`)) await q.query(statement);
    }
    // A centre's own record is visible to those of its centre (coordinators: their region's).
    for (const statement of centreWallStatements('grants.centres', 'id')) await q.query(statement);

    await q.query(`DROP INDEX grants.programmes_name_key`);
    await q.query(
      `CREATE UNIQUE INDEX programmes_centre_name_key ON grants.programmes (centre_id, name)`,
    );
    // A call's number is its centre's (two centres may both run NAB/1/2027); a number unique
    // across the installation would also tell one centre, by a 409, what another has.
    await q.query(`DROP INDEX grants.calls_number_key`);
    await q.query(
      `CREATE UNIQUE INDEX calls_centre_number_key ON grants.calls (centre_id, number)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX grants.calls_centre_number_key`);
    await q.query(`CREATE UNIQUE INDEX calls_number_key ON grants.calls (number)`);
    await q.query(`DROP INDEX grants.programmes_centre_name_key`);
    await q.query(`CREATE UNIQUE INDEX programmes_name_key ON grants.programmes (name)`);
    for (const statement of centreWallDownStatements('grants.centres')) await q.query(statement);
    for (const { table, parent } of [...GRANTS_CENTRE_TABLES].reverse()) {
      for (const statement of centreWallDownStatements(`grants.${table}`)) await q.query(statement);
      if (parent) {
        await q.query(`DROP TRIGGER IF EXISTS ${table}_centre_from_parent ON grants.${table}`);
        await q.query(`DROP FUNCTION IF EXISTS grants.${table}_centre_from_parent()`);
      }
      await q.query(`ALTER TABLE grants.${table} DROP COLUMN centre_id`);
    }
    await q.query(`DROP TABLE grants.centres`);
  }
}
