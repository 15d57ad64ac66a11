import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - Giving up an award (*rezygnacja*) before the agreement: the award and its decision get the
 *   state `given-up`, with who, when and why; the freed money funds the reserve list.
 * - Bridging-support extension requests (*przedłużenie wsparcia pomostowego*,
 *   docs/product.md#funding-models): a separate request after the agreement, decided by the
 *   centre. At most one request per award is pending or approved at a time.
 * - Initiative groups (from the applications service's events) for the "groups supported"
 *   indicator, with the county most of their members live in.
 * - Statutory interest (odsetki ustawowe, art. 359 §2¹ KC = NBP reference rate + 3.5 pp) from
 *   1 January 2016, when that rule began, to the reference-rate change of 5 March 2026; the
 *   earlier migration had the rates from 8 September 2022 only. Checked against the published
 *   tables (ZUS, infor.pl) and the Monetary Policy Council's decisions; later changes are added
 *   by operators through `POST /api/interest-rates`.
 */
export class GiveUpExtensionsGroups1700000000005 implements MigrationInterface {
  name = 'GiveUpExtensionsGroups1700000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE grants.awards DROP CONSTRAINT awards_status_check`);
    await q.query(`
      ALTER TABLE grants.awards
        ADD CONSTRAINT awards_status_check
          CHECK (status IN ('granted', 'agreement-signed', 'settled', 'given-up')),
        ADD COLUMN given_up_at timestamptz,
        ADD COLUMN given_up_by uuid,
        ADD COLUMN given_up_reason text`);
    await q.query(`ALTER TABLE grants.decisions DROP CONSTRAINT decisions_standing_check`);
    await q.query(`
      ALTER TABLE grants.decisions ADD CONSTRAINT decisions_standing_check
        CHECK (standing IN ('funded', 'reserve', 'below-threshold', 'given-up'))`);

    await q.query(`
      CREATE TABLE grants.bridging_extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES grants.awards (id),
        months integer NOT NULL CHECK (months > 0),
        monthly_amount bigint NOT NULL CHECK (monthly_amount > 0),
        job_ids uuid[] NOT NULL CHECK (cardinality(job_ids) > 0),
        amount bigint NOT NULL CHECK (amount > 0),
        justification text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        reason text,
        award_increase bigint NOT NULL DEFAULT 0 CHECK (award_increase >= 0)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX bridging_extension_open_key ON grants.bridging_extension_requests (award_id)
        WHERE status IN ('pending', 'approved')`);
    await q.query(`
      CREATE INDEX bridging_extension_status_idx ON grants.bridging_extension_requests (status, requested_at)`);

    await q.query(`
      CREATE TABLE grants.initiative_groups (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        county text,
        counties text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'qualified', 'rejected')),
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX initiative_groups_status_idx ON grants.initiative_groups (status, county)`,
    );

    await q.query(`
      INSERT INTO grants.interest_rates (valid_from, rate_percent) VALUES
        ('2016-01-01', '5'), ('2020-03-18', '4.5'), ('2020-04-09', '4'), ('2020-05-29', '3.6'),
        ('2021-10-07', '4'), ('2021-11-04', '4.75'), ('2021-12-09', '5.25'), ('2022-01-05', '5.75'),
        ('2022-02-09', '6.25'), ('2022-03-09', '7'), ('2022-04-07', '8'), ('2022-05-06', '8.75'),
        ('2022-06-09', '9.5'), ('2022-07-08', '10'),
        ('2025-12-04', '7.5'), ('2026-03-05', '7.25')
      ON CONFLICT (valid_from) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM grants.interest_rates WHERE valid_from IN
        ('2016-01-01', '2020-03-18', '2020-04-09', '2020-05-29', '2021-10-07', '2021-11-04',
         '2021-12-09', '2022-01-05', '2022-02-09', '2022-03-09', '2022-04-07', '2022-05-06',
         '2022-06-09', '2022-07-08', '2025-12-04', '2026-03-05')`);
    await q.query(`DROP TABLE grants.initiative_groups`);
    await q.query(`DROP TABLE grants.bridging_extension_requests`);
    await q.query(`ALTER TABLE grants.decisions DROP CONSTRAINT decisions_standing_check`);
    await q.query(`
      ALTER TABLE grants.decisions ADD CONSTRAINT decisions_standing_check
        CHECK (standing IN ('funded', 'reserve', 'below-threshold'))`);
    await q.query(`
      ALTER TABLE grants.awards
        DROP COLUMN given_up_reason,
        DROP COLUMN given_up_by,
        DROP COLUMN given_up_at,
        DROP CONSTRAINT awards_status_check`);
    await q.query(`
      ALTER TABLE grants.awards ADD CONSTRAINT awards_status_check
        CHECK (status IN ('granted', 'agreement-signed', 'settled'))`);
  }
}
