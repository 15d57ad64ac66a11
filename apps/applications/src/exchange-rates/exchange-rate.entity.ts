import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Read model of the NBP euro rates grants keeps (`grants.exchange-rate.added`), seeded by the
 * migration with the same checked rows: the de minimis ceiling is checked at submission with it.
 */
@Entity({ name: 'exchange_rates', schema: 'applications' })
export class ExchangeRateReadModel {
  @PrimaryColumn('text', { name: 'valid_from' })
  validFrom: string;

  @Column('text', { name: 'pln_per_eur' })
  plnPerEur: string;
}
