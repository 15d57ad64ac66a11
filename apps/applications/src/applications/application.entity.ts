import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { groszeTransformer } from '@app/common';
import type { AwardStatus } from '../domain/cross-application.js';

export interface CorrectionRequest {
  round: number;
  issues: { path?: string; description: string }[];
  termWorkingDays: number;
  lastDay: string;
  /** ISO instant: 23:59:59.999 Warsaw on the last day. */
  deadline: string;
  requestedAt: string;
  requestedBy: string;
  answeredAt?: string;
}

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'corrections-requested',
  'formally-accepted',
  'formally-rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** A job-creation grant application (wniosek o przyznanie wsparcia finansowego). */
@Entity({ name: 'applications', schema: 'applications' })
@Index('applications_applicant_idx', ['applicantId', 'createdAt'])
@Index('applications_call_state_idx', ['callId', 'state'])
@Index('applications_state_idx', ['state', 'createdAt'])
@Index('applications_county_idx', ['county', 'createdAt'])
@Index('applications_reference_key', ['reference'], {
  unique: true,
  where: 'reference IS NOT NULL',
})
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'applicant_id' })
  applicantId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  /** The centre whose data this is (docs/tenancy.md); walled by row-level security. */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('text')
  state: ApplicationState;

  /** The form being edited (draft); the submitted versions are kept in application_versions. */
  @Column('jsonb')
  form: Record<string, unknown>;

  @Column('text', { nullable: true })
  reference: string | null;

  /** Number of submitted versions. */
  @Column('int', { name: 'submitted_version', default: 0 })
  submittedVersion: number;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  /** Copied from the form on every save, for the operator's lists and search. */
  @Column('text', { name: 'applicant_kind', nullable: true })
  applicantKind: string | null;

  @Column('uuid', { name: 'group_id', nullable: true })
  groupId: string | null;

  @Column('text', { name: 'entity_name', nullable: true })
  entityName: string | null;

  /** TERYT code of the applicant's seat. */
  @Column('text', { nullable: true })
  county: string | null;

  /** The amount requested, computed by the server at submission (RequestedAmount, grosze). */
  @Column('jsonb', { nullable: true })
  amount: Record<string, unknown> | null;

  @Column('bigint', { name: 'requested_total', nullable: true, transformer: groszeTransformer })
  requestedTotal: number | null;

  /** Correction rounds asked for so far. */
  @Column('int', { name: 'correction_rounds', default: 0 })
  correctionRounds: number;

  /** The open (or last) correction request: issues, term, deadline. */
  @Column('jsonb', { nullable: true })
  corrections: CorrectionRequest | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('jsonb', { name: 'decision_reasons', nullable: true })
  decisionReasons: string[] | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  /**
   * Where the award of a formally accepted application stands, from the grants events: `granted`,
   * `given-up` or `settled` (null: no award heard of). Weighed by the rules across applications.
   */
  @Column('text', { name: 'award_status', nullable: true })
  awardStatus: AwardStatus | null;

  @Column('uuid', { name: 'award_id', nullable: true })
  awardId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** An immutable submitted version of a form. */
@Entity({ name: 'application_versions', schema: 'applications' })
export class ApplicationVersion {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @PrimaryColumn('int')
  version: number;

  /** The centre whose data this is (docs/tenancy.md); walled by row-level security. */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('jsonb')
  form: Record<string, unknown>;

  @Column('jsonb', { nullable: true })
  amount: Record<string, unknown> | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
