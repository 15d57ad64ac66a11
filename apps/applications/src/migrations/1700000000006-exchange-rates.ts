import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NBP_EUR_RATES_SEED } from '@app/common';

/**
 * A copy of grants' NBP euro rates for the de minimis check at submission
 * (docs/product.md#de-minimis), seeded with the same checked rows grants seeds; later rows come
 * as `grants.exchange-rate.added` events.
 */
export class ExchangeRates1700000000006 implements MigrationInterface {
  name = 'ExchangeRates1700000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications.exchange_rates (
        valid_from text PRIMARY KEY CHECK (valid_from ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        pln_per_eur text NOT NULL
      )`);
    for (const rate of NBP_EUR_RATES_SEED) {
      await q.query(
        `INSERT INTO applications.exchange_rates (valid_from, pln_per_eur) VALUES ($1, $2)`,
        [rate.validFrom, rate.plnPerEur],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE applications.exchange_rates`);
  }
}
