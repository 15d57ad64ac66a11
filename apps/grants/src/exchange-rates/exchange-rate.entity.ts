import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateTransformer } from '../shared/transformers.js';

/** The NBP average EUR rate in force from a day (a change is a new row, never an edit). */
@Entity({ name: 'exchange_rates', schema: 'grants' })
export class ExchangeRateRow {
  @PrimaryColumn('date', { name: 'valid_from', transformer: dateTransformer })
  validFrom: string;

  @Column('text', { name: 'pln_per_eur' })
  plnPerEur: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
