import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { groszeTransformer } from '@app/common';
import { dateTransformer, scoreTransformer } from '../shared/transformers.js';

export type DecisionOutcome = 'funded' | 'reserve' | 'below-threshold';
/** Where the application stands now: its outcome, or `given-up` once its award was given up. */
export type DecisionStanding = DecisionOutcome | 'given-up';

/** The committee's decision on one application (one per application). */
@Entity({ name: 'decisions', schema: 'grants' })
@Index('decisions_application_key', ['applicationId'], { unique: true })
@Index('decisions_call_idx', ['callId', 'rank'])
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  /** The decision as approved. */
  @Column('text')
  outcome: DecisionOutcome;

  /** Where the application stands now (after appeals and funding from the reserve list). */
  @Column('text')
  standing: DecisionStanding;

  @Column('numeric', { transformer: scoreTransformer })
  score: number;

  @Column('int', { nullable: true })
  rank: number | null;

  @Column('bigint', { transformer: groszeTransformer })
  amount: number;

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  @Column('date', { name: 'appeal_last_day', transformer: dateTransformer })
  appealLastDay: string;

  @Column('timestamptz', { name: 'appeal_deadline' })
  appealDeadline: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
