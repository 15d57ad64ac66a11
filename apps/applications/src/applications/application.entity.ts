import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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
@Index('applications_reference_key', ['reference'], { unique: true, where: 'reference IS NOT NULL' })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'applicant_id' })
  applicantId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

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

  @Column('jsonb')
  form: Record<string, unknown>;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
