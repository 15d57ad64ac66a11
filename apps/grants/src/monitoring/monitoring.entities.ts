import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { groszeTransformer } from '@app/common';
import type { InterestPeriod } from '../domain/index.js';
import { dateTransformer } from '../shared/transformers.js';

export type ReportStatus = 'pending' | 'submitted' | 'cancelled';

/** The monthly confirmation that a job still exists, one per calendar month of its term. */
@Entity({ name: 'job_reports', schema: 'grants' })
@Index('job_reports_award_idx', ['awardId', 'period'])
export class JobReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'job_id' })
  jobId: string;

  @Column('uuid', { name: 'award_id' })
  awardId: string;

  @Column('text')
  period: string;

  @Column('date', { name: 'period_from', transformer: dateTransformer })
  periodFrom: string;

  @Column('date', { name: 'period_to', transformer: dateTransformer })
  periodTo: string;

  @Column('date', { name: 'due_date', transformer: dateTransformer })
  dueDate: string;

  @Column('text')
  status: ReportStatus;

  @Column('boolean', { name: 'job_exists', nullable: true })
  jobExists: boolean | null;

  @Column('text', { name: 'evidence_reference', nullable: true })
  evidenceReference: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedBy: string | null;

  @Column('timestamptz', { name: 'due_notified_at', nullable: true })
  dueNotifiedAt: Date | null;

  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true })
  overdueNotifiedAt: Date | null;
}

/** The money for a job not kept, to be refunded with statutory interest. */
@Entity({ name: 'refund_claims', schema: 'grants' })
@Index('refund_claims_job_key', ['jobId'], { unique: true })
export class RefundClaimRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'award_id' })
  awardId: string;

  @Column('uuid', { name: 'job_id' })
  jobId: string;

  @Column('bigint', { transformer: groszeTransformer })
  principal: number;

  @Column('bigint', { transformer: groszeTransformer })
  interest: number;

  @Column('bigint', { transformer: groszeTransformer })
  total: number;

  @Column('date', { name: 'calculated_on', transformer: dateTransformer })
  calculatedOn: string;

  @Column('date', { name: 'demand_date', transformer: dateTransformer })
  demandDate: string;

  @Column('date', { name: 'due_date', transformer: dateTransformer })
  dueDate: string;

  @Column('jsonb')
  periods: InterestPeriod[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
