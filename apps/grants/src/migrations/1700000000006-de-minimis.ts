import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NBP_EUR_RATES_SEED } from '@app/common';

/**
 * The de minimis ceiling (docs/product.md#de-minimis): the NBP average EUR rates, dated like the
 * interest rates (a change is a new row, never an edit) and seeded with checked rows; the aid an
 * applicant declared, kept with the application; the certificate issued with the agreement.
 */
export class DeMinimis1700000000006 implements MigrationInterface {
  name = 'DeMinimis1700000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grants.exchange_rates (
        valid_from date PRIMARY KEY,
        pln_per_eur text NOT NULL CHECK (pln_per_eur ~ '^\\d{1,3}\\.\\d{1,6}$' AND pln_per_eur !~ '^0+\\.0+$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const rate of NBP_EUR_RATES_SEED) {
      await q.query(`INSERT INTO grants.exchange_rates (valid_from, pln_per_eur) VALUES ($1, $2)`, [
        rate.validFrom,
        rate.plnPerEur,
      ]);
    }
    await q.query(
      `ALTER TABLE grants.applications ADD COLUMN de_minimis jsonb NOT NULL DEFAULT '[]'::jsonb`,
    );
    await q.query(`ALTER TABLE grants.awards ADD COLUMN de_minimis_certificate jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE grants.awards DROP COLUMN de_minimis_certificate`);
    await q.query(`ALTER TABLE grants.applications DROP COLUMN de_minimis`);
    await q.query(`DROP TABLE grants.exchange_rates`);
  }
}
