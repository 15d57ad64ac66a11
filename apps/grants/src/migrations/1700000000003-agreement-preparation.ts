import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agreement prepared before signing (docs/product.md#notifications, "agreement ready"): the
 * planned signing day, where, the operator's notes, and who prepared it when. Preparing again
 * overwrites them.
 */
export class AgreementPreparation1700000000003 implements MigrationInterface {
  name = 'AgreementPreparation1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE grants.awards
        ADD COLUMN agreement_signing_on date,
        ADD COLUMN agreement_place text,
        ADD COLUMN agreement_notes text,
        ADD COLUMN agreement_prepared_at timestamptz,
        ADD COLUMN agreement_prepared_by uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE grants.awards
        DROP COLUMN agreement_prepared_by,
        DROP COLUMN agreement_prepared_at,
        DROP COLUMN agreement_notes,
        DROP COLUMN agreement_place,
        DROP COLUMN agreement_signing_on`);
  }
}
