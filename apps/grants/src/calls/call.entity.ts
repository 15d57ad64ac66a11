import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { groszeTransformer, type FundingModel } from '@app/common';

export interface Criterion {
  id: string;
  name: string;
  maxPoints: number;
  /** Optional minimum (mean points) a passing application must reach in this criterion. */
  minPoints?: number;
}

export type CallStatus = 'draft' | 'published';

/** A call for applications (nabór wniosków). */
@Entity({ name: 'calls', schema: 'grants' })
@Index('calls_number_key', ['number'], { unique: true })
@Index('calls_status_idx', ['status', 'closesAt'])
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  number: string;

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
  fundingModel: FundingModel;

  @Column('jsonb')
  criteria: Criterion[];

  @Column('int', { name: 'pass_threshold_percent' })
  passThresholdPercent: number;

  @Column('int', { name: 'divergence_percent' })
  divergencePercent: number;

  @Column('int', { name: 'correction_term_working_days' })
  correctionTermWorkingDays: number;

  @Column('int', { name: 'appeal_term_working_days' })
  appealTermWorkingDays: number;

  @Column('int', { name: 'max_jobs_per_entity' })
  maxJobsPerEntity: number;

  @Column('text')
  status: CallStatus;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
