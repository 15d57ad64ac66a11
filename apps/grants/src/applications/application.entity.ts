import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { groszeTransformer, type Recipient } from '@app/common';
import { scoreTransformer } from '../shared/transformers.js';

export type ApplicationState =
  'submitted' | 'formally-accepted' | 'formally-rejected' | 'withdrawn';
export type EvaluationStage = 'none' | 'first' | 'third' | 'final';

export interface ApplicationJob {
  jobId: string;
  position: string;
  workingTime: '1' | '3/4' | '1/2' | '1/4';
  eligiblePerson: boolean;
  plannedStart: string;
  county: string;
}

/**
 * Read model of an application (a form of the applications service), fed by its events:
 * submitted, formally accepted or rejected, withdrawn. Grants keeps what evaluation, ranking and
 * the award need; never a PESEL.
 */
@Entity({ name: 'applications', schema: 'grants' })
@Index('applications_call_idx', ['callId', 'state'])
@Index('applications_applicant_idx', ['applicantUserId'])
export class GrantApplication {
  @PrimaryColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  @Column('text')
  reference: string;

  @Column('int')
  version: number;

  @Column('text')
  state: ApplicationState;

  @Column('jsonb')
  applicant: Recipient;

  @Column('uuid', { name: 'applicant_user_id', nullable: true })
  applicantUserId: string | null;

  @Column('text', { name: 'applicant_kind', nullable: true })
  applicantKind: string | null;

  @Column('text', { name: 'entity_name', nullable: true })
  entityName: string | null;

  @Column('text', { nullable: true })
  county: string | null;

  @Column('jsonb')
  jobs: ApplicationJob[];

  @Column('int', { name: 'eligible_jobs' })
  eligibleJobs: number;

  @Column('bigint', { transformer: groszeTransformer })
  amount: number;

  @Column('jsonb', { name: 'amount_detail', nullable: true })
  amountDetail: { creation: number; maintenance: number; total: number } | null;

  @Column('jsonb', { name: 'business_plan', nullable: true })
  businessPlan: Record<string, string> | null;

  @Column('uuid', { name: 'recruited_by', array: true })
  recruitedBy: string[];

  /** De minimis aid the applicant declared (checked again at the agreement). */
  @Column('jsonb', { name: 'de_minimis', default: () => "'[]'::jsonb" })
  deMinimis: { grantedOn: string; amount: number; grantor: string }[];

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('text', { name: 'evaluation_stage' })
  evaluationStage: EvaluationStage;

  @Column('numeric', { name: 'final_score', nullable: true, transformer: scoreTransformer })
  finalScore: number | null;

  /** The two evaluations the final score is the mean of. */
  @Column('uuid', { name: 'counted_evaluation_ids', array: true, nullable: true })
  countedEvaluationIds: string[] | null;

  @Column('boolean', { nullable: true })
  passed: boolean | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
