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
@Index('calls_centre_number_key', ['centreId', 'number'], { unique: true })
@Index('calls_status_idx', ['status', 'closesAt'])
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

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

  @Column('uuid', { name: 'programme_id', nullable: true })
  programmeId: string | null;

  /** Working days an evaluator has to score an application (default 10). */
  @Column('int', { name: 'evaluation_term_working_days', default: 10 })
  evaluationTermWorkingDays: number;

  /** Funded months of each job (default 12) and durability months after them (default 6). */
  @Column('int', { name: 'funded_months', default: 12 })
  fundedMonths: number;

  @Column('int', { name: 'durability_months', default: 6 })
  durabilityMonths: number;

  /** Days after a month ends when its job report is due (default 7). */
  @Column('int', { name: 'report_due_days', default: 7 })
  reportDueDays: number;

  /** Months to fill a vacancy with another eligible person (default 3). */
  @Column('int', { name: 'refill_months', default: 3 })
  refillMonths: number;

  /** Days to refund after the demand (default 30). */
  @Column('int', { name: 'refund_due_days', default: 30 })
  refundDueDays: number;

  /** First submission of a form: from then on the call's rules cannot change. */
  @Column('timestamptz', { name: 'rules_locked_at', nullable: true })
  rulesLockedAt: Date | null;

  @Column('timestamptz', { name: 'ranking_approved_at', nullable: true })
  rankingApprovedAt: Date | null;

  @Column('uuid', { name: 'ranking_approved_by', nullable: true })
  rankingApprovedBy: string | null;

  @Column('int', { name: 'ranking_version', default: 0 })
  rankingVersion: number;

  /** Appeal terms over and appeals resolved: the reserve list was funded and the list published again. */
  @Column('timestamptz', { name: 'appeals_settled_at', nullable: true })
  appealsSettledAt: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
