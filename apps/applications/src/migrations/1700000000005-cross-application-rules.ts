import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the rules across applications need (docs/product.md#rules-across-applications): the
 * programme of each call (from `grants.call.published`), and where each application's award
 * stands (from `grants.award.granted`, `.given-up` and `.settled`), so that jobs still funded in
 * the programme's other calls can be weighed.
 */
export class CrossApplicationRules1700000000005 implements MigrationInterface {
  name = 'CrossApplicationRules1700000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications.calls ADD COLUMN programme_id uuid`);
    await q.query(
      `CREATE INDEX calls_programme_idx ON applications.calls (programme_id) WHERE programme_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE applications.applications
         ADD COLUMN award_status text
           CONSTRAINT applications_award_status_check
           CHECK (award_status IN ('granted', 'given-up', 'settled')),
         ADD COLUMN award_id uuid`,
    );
    await q.query(
      `CREATE INDEX applications_award_granted_idx ON applications.applications (call_id)
         WHERE award_status = 'granted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX applications.applications_award_granted_idx`);
    await q.query(
      `ALTER TABLE applications.applications DROP COLUMN award_id, DROP COLUMN award_status`,
    );
    await q.query(`DROP INDEX applications.calls_programme_idx`);
    await q.query(`ALTER TABLE applications.calls DROP COLUMN programme_id`);
  }
}
