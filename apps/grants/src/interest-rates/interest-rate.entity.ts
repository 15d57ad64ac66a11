import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateTransformer } from '../shared/transformers.js';

/** Statutory interest rate in force from a date (a change is a new row). */
@Entity({ name: 'interest_rates', schema: 'grants' })
export class InterestRate {
  @PrimaryColumn('date', { name: 'valid_from', transformer: dateTransformer })
  validFrom: string;

  @Column('text', { name: 'rate_percent' })
  ratePercent: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
