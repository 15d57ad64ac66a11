import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { groszeTransformer, type Recipient } from '@app/common';
import { dateTransformer } from '../shared/transformers.js';

export type AwardStatus = 'granted' | 'agreement-signed' | 'settled' | 'given-up';

export type Security =
  | { kind: 'blank-promissory-note'; declarationSigned: true; declarationDate: string }
  | { kind: 'aval'; avalist: string }
  | { kind: 'guarantors'; guarantors: string[] };

/**
 * The de minimis certificate (zaświadczenie o pomocy de minimis) issued with the agreement: the
 * aid in PLN and in EUR at the NBP rate of the day it is granted (the signing day), and the
 * ceiling check it passed. Amounts in grosze and euro cents.
 */
export interface DeMinimisCertificate {
  number: string;
  grantedOn: string;
  amountPln: number;
  amountEur: number;
  rate: { validFrom: string; plnPerEur: string };
  regime: string;
  ceilingEur: number;
  windowFrom: string;
  windowTo: string;
  priorEur: number;
  totalEur: number;
}

/** Financial support awarded to an application; an agreement once signed. */
@Entity({ name: 'awards', schema: 'grants' })
@Index('awards_application_key', ['applicationId'], { unique: true })
@Index('awards_call_idx', ['callId'])
@Index('awards_applicant_idx', ['applicantUserId'])
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'decision_id' })
  decisionId: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  @Column('text')
  reference: string;

  @Column('jsonb')
  applicant: Recipient;

  @Column('uuid', { name: 'applicant_user_id', nullable: true })
  applicantUserId: string | null;

  @Column('text', { name: 'applicant_kind', nullable: true })
  applicantKind: string | null;

  @Column('text', { nullable: true })
  county: string | null;

  @Column('bigint', { transformer: groszeTransformer })
  amount: number;

  @Column('bigint', { name: 'paid_total', transformer: groszeTransformer })
  paidTotal: number;

  @Column('text')
  status: AwardStatus;

  @Column('date', { name: 'signed_on', nullable: true, transformer: dateTransformer })
  signedOn: string | null;

  @Column('jsonb', { nullable: true })
  security: Security | null;

  @Column('text', { name: 'de_minimis_certificate_number', nullable: true })
  deMinimisCertificateNumber: string | null;

  /** What the de minimis certificate issued with the agreement states (PLN and EUR). */
  @Column('jsonb', { name: 'de_minimis_certificate', nullable: true })
  deMinimisCertificate: DeMinimisCertificate | null;

  @Column('boolean', { name: 'bridging_extension_granted' })
  bridgingExtensionGranted: boolean;

  @Column('timestamptz', { name: 'granted_at' })
  grantedAt: Date;

  @Column('date', { name: 'settled_on', nullable: true, transformer: dateTransformer })
  settledOn: string | null;

  /** The agreement prepared for signing: planned day, place, notes, who prepared it when. */
  @Column('date', { name: 'agreement_signing_on', nullable: true, transformer: dateTransformer })
  agreementSigningOn: string | null;

  @Column('text', { name: 'agreement_place', nullable: true })
  agreementPlace: string | null;

  @Column('text', { name: 'agreement_notes', nullable: true })
  agreementNotes: string | null;

  @Column('timestamptz', { name: 'agreement_prepared_at', nullable: true })
  agreementPreparedAt: Date | null;

  @Column('uuid', { name: 'agreement_prepared_by', nullable: true })
  agreementPreparedBy: string | null;

  /** Given up before the agreement (*rezygnacja*): when, by whom, why. */
  @Column('timestamptz', { name: 'given_up_at', nullable: true })
  givenUpAt: Date | null;

  @Column('uuid', { name: 'given_up_by', nullable: true })
  givenUpBy: string | null;

  @Column('text', { name: 'given_up_reason', nullable: true })
  givenUpReason: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

export type JobStatus = 'active' | 'vacant' | 'kept' | 'refund-claimed';

/** A funded job and its term (funded months + durability). */
@Entity({ name: 'award_jobs', schema: 'grants' })
@Index('award_jobs_status_idx', ['status', 'endDate'])
export class AwardJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'award_id' })
  awardId: string;

  /** The job's id in the application. */
  @Column('text', { name: 'job_key' })
  jobKey: string;

  @Column('text')
  position: string;

  @Column('text', { name: 'working_time' })
  workingTime: string;

  @Column('boolean', { name: 'eligible_person' })
  eligiblePerson: boolean;

  @Column('text')
  county: string;

  /** The job's share of the award (its own amount under the funding model), grosze. */
  @Column('bigint', { transformer: groszeTransformer })
  weight: number;

  @Column('date', { name: 'start_date', transformer: dateTransformer })
  startDate: string;

  @Column('date', { name: 'funded_end_date', transformer: dateTransformer })
  fundedEndDate: string;

  @Column('date', { name: 'end_date', transformer: dateTransformer })
  endDate: string;

  @Column('text')
  status: JobStatus;

  @Column('date', { name: 'vacancy_date', nullable: true, transformer: dateTransformer })
  vacancyDate: string | null;

  @Column('date', { name: 'refill_deadline', nullable: true, transformer: dateTransformer })
  refillDeadline: string | null;

  @Column('date', { name: 'refilled_on', nullable: true, transformer: dateTransformer })
  refilledOn: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

export type PaymentKind = 'tranche' | 'bridging';

@Entity({ name: 'payments', schema: 'grants' })
@Index('payments_award_idx', ['awardId', 'paidOn'])
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'award_id' })
  awardId: string;

  @Column('text')
  kind: PaymentKind;

  @Column('bigint', { transformer: groszeTransformer })
  amount: number;

  @Column('date', { name: 'paid_on', transformer: dateTransformer })
  paidOn: string;

  @Column('uuid', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('text', { nullable: true })
  month: string | null;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}

export type BridgingExtensionStatus = 'pending' | 'approved' | 'rejected';

/**
 * A request for the bridging-support extension (grant-bridging model): further months at the
 * lower extension cap, decided by the centre. An approval raises the award by what it did not
 * already hold for the extension.
 */
@Entity({ name: 'bridging_extension_requests', schema: 'grants' })
export class BridgingExtensionRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'award_id' })
  awardId: string;

  @Column('integer')
  months: number;

  @Column('bigint', { name: 'monthly_amount', transformer: groszeTransformer })
  monthlyAmount: number;

  @Column('uuid', { name: 'job_ids', array: true })
  jobIds: string[];

  @Column('bigint', { transformer: groszeTransformer })
  amount: number;

  @Column('text')
  justification: string;

  @Column('text')
  status: BridgingExtensionStatus;

  @Column('uuid', { name: 'requested_by' })
  requestedBy: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  reason: string | null;

  /** How much the approval added to the award, grosze. */
  @Column('bigint', { name: 'award_increase', transformer: groszeTransformer })
  awardIncrease: number;
}
