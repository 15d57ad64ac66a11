import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { groszeTransformer } from '@app/common';

/**
 * Read model of the calls (nabory) published by `grants`, fed by `grants.call.published`:
 * applications accepts forms only for calls it knows, while they are open.
 */
@Entity({ name: 'calls', schema: 'applications' })
@Index('calls_window_idx', ['opensAt', 'closesAt'])
export class CallReadModel {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  /** The centre running the call (published calls are public: this table is not walled). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('text')
  title: string;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt: Date;

  @Column('timestamptz', { name: 'closes_at' })
  closesAt: Date;

  @Column('bigint', { transformer: groszeTransformer })
  budget: number;

  @Column('text', { array: true })
  counties: string[];

  @Column('jsonb', { name: 'funding_model' })
  fundingModel: unknown;

  @Column('int', { name: 'max_jobs_per_entity' })
  maxJobsPerEntity: number;

  @Column('int', { name: 'correction_term_working_days' })
  correctionTermWorkingDays: number;

  @Column('int', { name: 'appeal_term_working_days' })
  appealTermWorkingDays: number;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  /** The programme of the call (null: none); the rules across applications weigh its other calls. */
  @Column('uuid', { name: 'programme_id', nullable: true })
  programmeId: string | null;
}
