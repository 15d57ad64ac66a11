import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Event contracts shared by the services: one map from subject to a versioned payload schema.
 *
 * The schemas are TypeBox objects, so one definition gives both the TypeScript type the compiler
 * checks (a publish or a handler with the wrong payload does not compile) and the JSON schema
 * that consumers validate against and that `contracts.spec.ts` snapshots.
 *
 * DO NOT CHANGE a published subject or make a breaking change to its payload without a migration
 * plan: add a new version (`<subject>.v2`) beside the old one and publish both until no consumer
 * needs the old one. Adding an optional field is not breaking.
 *
 * Personal data: payloads carry only what consumers need (names and e-mail addresses for the
 * messages people receive); never a PESEL.
 */

const Iso = Type.String({ format: 'date-time', description: 'ISO 8601 moment with offset' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar day' });
const Uuid = Type.String({ format: 'uuid' });
const Grosze = Type.Integer({ minimum: 0, description: 'Money in grosze (1 PLN = 100 grosze)' });
const Lang = Type.Union([Type.Literal('pl'), Type.Literal('en')]);
/**
 * The centre whose data the event is about (docs/tenancy.md#events): its call's, its group's.
 * Added with tenancy without a new version: an event published before carries none, and
 * `parseEnvelope` reads it as centre no. 1 — the one centre the installation had then.
 */
const CentreId = Type.String({ format: 'uuid', description: 'The centre the event belongs to' });

export const Recipient = Type.Object({
  userId: Type.Optional(Uuid),
  email: Type.String({ format: 'email' }),
  name: Type.String(),
  language: Lang,
});
export type Recipient = Static<typeof Recipient>;

/** A call for applications (nabór) as applications needs it to accept forms. */
export const CallPublishedV1 = Type.Object({
  centreId: CentreId,
  callId: Uuid,
  number: Type.String(),
  title: Type.String(),
  opensAt: Iso,
  closesAt: Iso,
  budget: Grosze,
  counties: Type.Array(Type.String({ pattern: '^\\d{4}$' }), {
    description: 'TERYT county codes',
  }),
  fundingModel: Type.Unknown({ description: 'FundingModel from libs/common/funding' }),
  maxJobsPerEntity: Type.Integer({ minimum: 1 }),
  correctionTermWorkingDays: Type.Integer({ minimum: 1 }),
  appealTermWorkingDays: Type.Integer({ minimum: 1 }),
  publishedAt: Iso,
  /**
   * The programme the call belongs to, if any: applications weighs what was already funded in the
   * programme's other calls (rules across applications). Absent for a call of no programme.
   */
  programmeId: Type.Optional(Uuid),
});

export const ApplicationSubmittedV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.String({ pattern: '^OWES/\\d{4}/\\d{5,}$' }),
  version: Type.Integer({ minimum: 1, description: 'Version of the submitted form' }),
  callId: Uuid,
  callNumber: Type.String(),
  callTitle: Type.String(),
  submittedAt: Iso,
  applicant: Recipient,
});

// ---------------------------------------------------------------------------------------------
// applications events (issue 3). Add new applications contracts in this section.
// ---------------------------------------------------------------------------------------------

export const LegalForm = Type.Union([
  Type.Literal('social-cooperative'),
  Type.Literal('foundation'),
  Type.Literal('association'),
  Type.Literal('non-profit-company'),
  Type.Literal('work-cooperative'),
]);

export const GroupSubmittedV1 = Type.Object({
  centreId: CentreId,
  groupId: Uuid,
  name: Type.String(),
  plannedLegalForm: LegalForm,
  naturalPersons: Type.Integer({ minimum: 0 }),
  legalPersons: Type.Integer({ minimum: 0 }),
  plannedJobs: Type.Integer({ minimum: 0 }),
  counties: Type.Array(Type.String()),
  submittedAt: Iso,
  leader: Recipient,
});

export const GroupDecidedV1 = Type.Object({
  centreId: CentreId,
  groupId: Uuid,
  name: Type.String(),
  decision: Type.Union([Type.Literal('qualified'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String()),
  decidedAt: Iso,
  leader: Recipient,
});

export const CorrectionsRequestedV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  issues: Type.Array(
    Type.Object({ path: Type.Optional(Type.String()), description: Type.String() }),
  ),
  termWorkingDays: Type.Integer({ minimum: 1 }),
  /** Last day of the term (Warsaw calendar) and the moment it ends. */
  lastDay: IsoDate,
  deadline: Iso,
  requestedAt: Iso,
  applicant: Recipient,
});

export const CorrectionsAnsweredV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  answeredAt: Iso,
  applicant: Recipient,
});

export const ApplicantKind = Type.Union([
  Type.Literal('initiative-group'),
  Type.Literal('social-enterprise'),
  Type.Literal('social-economy-entity'),
]);

/** What grants needs to evaluate, rank and fund an application — no PESEL, no personal data of employees. */
export const FormallyAcceptedV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  submittedAt: Iso,
  acceptedAt: Iso,
  applicant: Recipient,
  applicantKind: ApplicantKind,
  entityName: Type.String(),
  county: Type.String({ description: 'TERYT code of the seat' }),
  jobs: Type.Array(
    Type.Object({
      jobId: Type.String(),
      position: Type.String(),
      workingTime: Type.Union([
        Type.Literal('1'),
        Type.Literal('3/4'),
        Type.Literal('1/2'),
        Type.Literal('1/4'),
      ]),
      eligiblePerson: Type.Boolean(),
      plannedStart: IsoDate,
      county: Type.String(),
    }),
  ),
  amount: Type.Object({ creation: Grosze, maintenance: Grosze, total: Grosze }),
  businessPlan: Type.Record(Type.String(), Type.String(), {
    description: 'Business plan sections scored by evaluators, by section key',
  }),
  /** Users who took part in recruiting the applicant: they may not evaluate it. */
  recruitedBy: Type.Optional(Type.Array(Uuid)),
  /**
   * De minimis aid the applicant declared it received (grosze, day granted): grants checks the
   * ceiling again on the agreement day and issues the certificate. Absent in events published
   * before it was added (then grants knows of no earlier aid).
   */
  deMinimis: Type.Optional(
    Type.Array(Type.Object({ grantedOn: IsoDate, amount: Grosze, grantor: Type.String() })),
  ),
});

export const FormallyRejectedV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  reasons: Type.Array(Type.String()),
  automatic: Type.Boolean({ description: 'Rejected because the correction term lapsed' }),
  decidedAt: Iso,
  applicant: Recipient,
});

export const WithdrawnV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  reference: Type.Union([Type.String(), Type.Null()]),
  callId: Uuid,
  withdrawnAt: Iso,
  applicant: Recipient,
});

/**
 * A draft was started: notifications reminds its applicant before the call closes
 * (docs/product.md#reminders).
 */
export const DraftCreatedV1 = Type.Object({
  centreId: CentreId,
  applicationId: Uuid,
  callId: Uuid,
  callNumber: Type.String(),
  callTitle: Type.String(),
  callClosesAt: Iso,
  createdAt: Iso,
  applicant: Recipient,
});

export const VerificationRequestedV1 = Type.Object({
  userId: Uuid,
  verificationUrl: Type.String(),
  expiresAt: Iso,
  recipient: Recipient,
});

/**
 * An account changed in a way that ends tokens issued before it (docs/architecture.md#sessions-and-revocation):
 * a role change, a disable or enable, a password change or reset (the token version rises), or
 * sessions ended by a logout or a refresh-token reuse (listed). Consumers keep the highest version.
 */
export const AccountChangedV1 = Type.Object({
  userId: Uuid,
  tokenVersion: Type.Integer({
    minimum: 0,
    description: 'Tokens carrying a lower version (claim tv) are refused',
  }),
  disabled: Type.Boolean(),
  roles: Type.Array(Type.String()),
  revokedSessionIds: Type.Array(Uuid, { description: 'Sessions (claim sid) ended by this change' }),
  reason: Type.String({ description: 'role-changed, disabled, enabled, password-changed, …' }),
  changedAt: Iso,
  tokensExpireBy: Iso,
});

/**
 * A centre was created or changed (docs/tenancy.md#centres): the whole record, so grants and
 * notifications keep a copy (their `centres` read model) without asking. `version` rises with
 * every change; a consumer keeps the highest.
 */
export const CentreChangedV1 = Type.Object({
  centreId: CentreId,
  version: Type.Integer({ minimum: 1 }),
  number: Type.Integer({ minimum: 1, description: 'The centre number in the installation' }),
  name: Type.String(),
  accreditationNumber: Type.String(),
  voivodeship: Type.String({ pattern: '^\\d{2}$', description: 'TERYT voivodeship code' }),
  counties: Type.Array(Type.String({ pattern: '^\\d{4}$' }), { description: 'TERYT county codes' }),
  address: Type.String(),
  contact: Type.Object({ email: Type.String({ format: 'email' }), phone: Type.String() }),
  mail: Type.Object({
    senderName: Type.String(),
    senderEmail: Type.String({ format: 'email' }),
    signature: Type.String(),
    operatorsMailbox: Type.Array(Type.String({ format: 'email' })),
  }),
  active: Type.Boolean(),
  changedAt: Iso,
});

/** Someone tried to register with the address of an existing account: its owner is told. */
export const RegistrationAttemptedV1 = Type.Object({
  userId: Uuid,
  loginUrl: Type.String(),
  resetUrl: Type.String(),
  attemptedAt: Iso,
  recipient: Recipient,
});

/** A forgotten-password link (one-time, expiring) for the account's owner. */
export const PasswordResetRequestedV1 = Type.Object({
  userId: Uuid,
  resetUrl: Type.String(),
  expiresAt: Iso,
  recipient: Recipient,
});

// ---------------------------------------------------------------------------------------------
// grants events (issue 4). Add new grants contracts in this section.
// ---------------------------------------------------------------------------------------------

const EvaluationRound = Type.Union([
  Type.Literal('first'),
  Type.Literal('third'),
  Type.Literal('appeal'),
]);

/** An evaluator was given an application to evaluate (after signing the declaration they may see it). */
export const EvaluationAssignedV1 = Type.Object({
  centreId: CentreId,
  evaluationId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  callNumber: Type.String(),
  round: EvaluationRound,
  assignedAt: Iso,
  /** Last day to submit the scores (Warsaw calendar) and the moment it ends. */
  dueDate: IsoDate,
  deadline: Iso,
  evaluator: Recipient,
});

/** An evaluation was not submitted by its due date (for the operator). */
export const EvaluationOverdueV1 = Type.Object({
  centreId: CentreId,
  evaluationId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  callNumber: Type.String(),
  round: EvaluationRound,
  dueDate: IsoDate,
  evaluator: Recipient,
});

/** An evaluator submitted their scores (the evaluation's reminder is moot). */
export const EvaluationSubmittedV1 = Type.Object({
  centreId: CentreId,
  evaluationId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  evaluator: Recipient,
  submittedAt: Iso,
});

/** What a decision e-mail needs beside the outcome. */
const DecisionCommon = {
  decisionId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  callNumber: Type.String(),
  callTitle: Type.String(),
  /** Exact final score (a whole or a half) and all points of the call. */
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Integer({ minimum: 1 }),
  requiredScore: Type.Number({ minimum: 0 }),
  decidedAt: Iso,
  /** Last day to appeal (appeal term in working days from the decision) and the moment it ends. */
  appealLastDay: IsoDate,
  appealDeadline: Iso,
  appealTermWorkingDays: Type.Integer({ minimum: 1 }),
  /** The decision follows an appeal or funding from the reserve list after appeals. */
  afterAppeal: Type.Boolean(),
  applicant: Recipient,
};

/** The committee funds the application: an award of `amount`. */
export const AwardGrantedV1 = Type.Object({
  centreId: CentreId,
  ...DecisionCommon,
  awardId: Uuid,
  rank: Type.Integer({ minimum: 1 }),
  amount: Grosze,
  /**
   * Funded from the reserve list with money another award freed when it was given up (after
   * the ranking was published again after appeals). Absent or false otherwise.
   */
  fromReserve: Type.Optional(Type.Boolean()),
});

/**
 * The applicant (or an operator for them) gave up an award before the agreement was signed
 * (*rezygnacja*): its money is freed for the reserve list.
 */
export const AwardGivenUpV1 = Type.Object({
  centreId: CentreId,
  awardId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  callNumber: Type.String(),
  amount: Grosze,
  reason: Type.String(),
  /** Who gave it up: the applicant themself or an operator on their behalf. */
  by: Type.Union([Type.Literal('applicant'), Type.Literal('operator')]),
  givenUpAt: Iso,
  applicant: Recipient,
});

/** What a bridging-support extension request asks for (grant-bridging model only). */
const BridgingExtensionCommon = {
  requestId: Uuid,
  awardId: Uuid,
  reference: Type.String(),
  /** Extension months asked for, per job, after the base bridging months. */
  months: Type.Integer({ minimum: 1 }),
  /** Bridging support per job and month in the extension, grosze. */
  monthlyAmount: Grosze,
  /** Jobs the extension is for. */
  jobs: Type.Integer({ minimum: 1 }),
  /** months × monthlyAmount × jobs, grosze. */
  amount: Grosze,
  applicant: Recipient,
};

/** An enterprise asked for the bridging-support extension (*przedłużenie wsparcia pomostowego*). */
export const BridgingExtensionRequestedV1 = Type.Object({
  centreId: CentreId,
  ...BridgingExtensionCommon,
  justification: Type.String(),
  requestedAt: Iso,
});

/** The centre decided a bridging-support extension request. */
export const BridgingExtensionDecidedV1 = Type.Object({
  centreId: CentreId,
  ...BridgingExtensionCommon,
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String()),
  /** The award after the decision (raised by an approved extension), grosze. */
  awardAmount: Grosze,
  decidedAt: Iso,
});

/**
 * Not funded: `below-threshold` (negative) or `reserve` (positive, not recommended for funding
 * for lack of budget; it may still be funded from the reserve list).
 */
export const AwardRejectedV1 = Type.Object({
  centreId: CentreId,
  ...DecisionCommon,
  outcome: Type.Union([Type.Literal('below-threshold'), Type.Literal('reserve')]),
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Amount requested, grosze. */
  amount: Grosze,
  /**
   * `reserve` only: what was left of the call's budget when the ranking reached the application,
   * grosze: less than `amount` (possibly zero), or not less when one ranked higher did not fit
   * (no skipping down). Absent in events published before it was added.
   */
  remainingBudget: Type.Optional(Grosze),
});

/** The ranking list of a call was approved (version 1) or published again after appeals. */
export const RankingPublishedV1 = Type.Object({
  centreId: CentreId,
  callId: Uuid,
  callNumber: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  publishedAt: Iso,
  afterAppeals: Type.Boolean(),
  funded: Type.Integer({ minimum: 0 }),
  reserve: Type.Integer({ minimum: 0 }),
  rejected: Type.Integer({ minimum: 0 }),
  budget: Grosze,
  fundedTotal: Grosze,
  remainingBudget: Grosze,
});

/** An appeal was scored again; the result is final. */
export const AppealResolvedV1 = Type.Object({
  centreId: CentreId,
  appealId: Uuid,
  decisionId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  outcome: Type.Union([Type.Literal('upheld'), Type.Literal('dismissed')]),
  scoreBefore: Type.Number({ minimum: 0 }),
  scoreAfter: Type.Number({ minimum: 0 }),
  passed: Type.Boolean({ description: 'The application now passes the threshold' }),
  resolvedAt: Iso,
  applicant: Recipient,
});

/** The agreement is ready to sign: when and where (the applicant brings the security). */
export const AgreementPreparedV1 = Type.Object({
  centreId: CentreId,
  awardId: Uuid,
  reference: Type.String(),
  amount: Grosze,
  signingOn: IsoDate,
  place: Type.Optional(Type.String()),
  applicant: Recipient,
  preparedAt: Iso,
});

export const AgreementSignedV1 = Type.Object({
  centreId: CentreId,
  awardId: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  amount: Grosze,
  signedOn: IsoDate,
  security: Type.Union([
    Type.Literal('blank-promissory-note'),
    Type.Literal('aval'),
    Type.Literal('guarantors'),
  ]),
  deMinimisCertificateNumber: Type.String(),
  jobs: Type.Integer({ minimum: 1 }),
  applicant: Recipient,
});

export const PaymentMadeV1 = Type.Object({
  centreId: CentreId,
  paymentId: Uuid,
  awardId: Uuid,
  reference: Type.String(),
  kind: Type.Union([Type.Literal('tranche'), Type.Literal('bridging')]),
  amount: Grosze,
  paidOn: IsoDate,
  /** Bridging support: the month it is for ('YYYY-MM') and the job. */
  month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
  jobId: Type.Optional(Uuid),
  paidTotal: Grosze,
  remaining: Grosze,
  applicant: Recipient,
});

const JobReportCommon = {
  centreId: CentreId,
  reportId: Uuid,
  awardId: Uuid,
  jobId: Uuid,
  reference: Type.String(),
  position: Type.String(),
  /** The month reported on, 'YYYY-MM'. */
  period: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  dueDate: IsoDate,
  applicant: Recipient,
};

/** A month of a job's term ended: its monthly report is due by `dueDate`. */
export const JobReportDueV1 = Type.Object(JobReportCommon);

/** A monthly report was not submitted by its due date. */
export const JobReportOverdueV1 = Type.Object(JobReportCommon);

/** A monthly report was filed (its reminder is moot). */
export const JobReportSubmittedV1 = Type.Object({
  centreId: CentreId,
  reportId: Uuid,
  awardId: Uuid,
  jobId: Uuid,
  reference: Type.String(),
  /** The month reported on, 'YYYY-MM'. */
  period: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  submittedAt: Iso,
  applicant: Recipient,
});

/** A funded job became vacant: it must be filled by an eligible person by `refillDeadline`. */
export const JobVacancyReportedV1 = Type.Object({
  centreId: CentreId,
  awardId: Uuid,
  jobId: Uuid,
  reference: Type.String(),
  position: Type.String(),
  vacancyDate: IsoDate,
  refillDeadline: IsoDate,
  applicant: Recipient,
});

/** A vacancy was not filled in time: the money for the job is to be refunded with statutory interest. */
export const RefundClaimedV1 = Type.Object({
  centreId: CentreId,
  refundId: Uuid,
  awardId: Uuid,
  jobId: Uuid,
  reference: Type.String(),
  position: Type.String(),
  principal: Grosze,
  interest: Grosze,
  total: Grosze,
  calculatedOn: IsoDate,
  demandDate: IsoDate,
  dueDate: IsoDate,
  applicant: Recipient,
});

/** Every job of the award kept its term (or was settled by a refund): the grant is settled. */
export const AwardSettledV1 = Type.Object({
  centreId: CentreId,
  awardId: Uuid,
  reference: Type.String(),
  amount: Grosze,
  paidTotal: Grosze,
  refundClaimedTotal: Grosze,
  jobsKept: Type.Integer({ minimum: 0 }),
  settledOn: IsoDate,
  applicant: Recipient,
});

/**
 * An operator added the NBP average EUR rate in force from a day (a change is a new row, never an
 * edit): applications keeps a copy for the de minimis check at submission.
 */
export const ExchangeRateAddedV1 = Type.Object({
  currency: Type.Literal('EUR'),
  validFrom: IsoDate,
  plnPerEur: Type.String({ pattern: '^\\d{1,3}\\.\\d{1,6}$' }),
});

// ---------------------------------------------------------------------------------------------
// notifications events
// ---------------------------------------------------------------------------------------------

export const EmailOutcomeV1 = Type.Object({
  deliveryId: Uuid,
  /** The centre the letter was sent for; absent for a letter of the installation (an account's). */
  centreId: Type.Optional(CentreId),
  eventId: Uuid,
  template: Type.String(),
  recipient: Type.String({ format: 'email' }),
  reference: Type.Optional(Type.String()),
  at: Iso,
  error: Type.Optional(Type.String()),
});

/** The subject → contract map. `version` is the payload's schema version. */
export const EVENT_CONTRACTS = {
  // applications
  'applications.application.submitted': { version: 1, schema: ApplicationSubmittedV1 },
  'applications.application.draft-created': { version: 1, schema: DraftCreatedV1 },
  'applications.group.submitted': { version: 1, schema: GroupSubmittedV1 },
  'applications.group.qualified': { version: 1, schema: GroupDecidedV1 },
  'applications.group.rejected': { version: 1, schema: GroupDecidedV1 },
  'applications.application.corrections-requested': { version: 1, schema: CorrectionsRequestedV1 },
  'applications.application.corrections-answered': { version: 1, schema: CorrectionsAnsweredV1 },
  'applications.application.formally-accepted': { version: 1, schema: FormallyAcceptedV1 },
  'applications.application.formally-rejected': { version: 1, schema: FormallyRejectedV1 },
  'applications.application.withdrawn': { version: 1, schema: WithdrawnV1 },
  'applications.account.verification-requested': { version: 1, schema: VerificationRequestedV1 },
  'applications.account.changed': { version: 1, schema: AccountChangedV1 },
  'applications.account.registration-attempted': { version: 1, schema: RegistrationAttemptedV1 },
  'applications.account.password-reset-requested': { version: 1, schema: PasswordResetRequestedV1 },
  'applications.centre.changed': { version: 1, schema: CentreChangedV1 },
  // grants
  'grants.call.published': { version: 1, schema: CallPublishedV1 },
  'grants.evaluation.assigned': { version: 1, schema: EvaluationAssignedV1 },
  'grants.evaluation.overdue': { version: 1, schema: EvaluationOverdueV1 },
  'grants.evaluation.submitted': { version: 1, schema: EvaluationSubmittedV1 },
  'grants.award.granted': { version: 1, schema: AwardGrantedV1 },
  'grants.award.rejected': { version: 1, schema: AwardRejectedV1 },
  'grants.award.given-up': { version: 1, schema: AwardGivenUpV1 },
  'grants.bridging-extension.requested': { version: 1, schema: BridgingExtensionRequestedV1 },
  'grants.bridging-extension.decided': { version: 1, schema: BridgingExtensionDecidedV1 },
  'grants.ranking.published': { version: 1, schema: RankingPublishedV1 },
  'grants.appeal.resolved': { version: 1, schema: AppealResolvedV1 },
  'grants.agreement.prepared': { version: 1, schema: AgreementPreparedV1 },
  'grants.agreement.signed': { version: 1, schema: AgreementSignedV1 },
  'grants.payment.made': { version: 1, schema: PaymentMadeV1 },
  'grants.job.report-due': { version: 1, schema: JobReportDueV1 },
  'grants.job.report-overdue': { version: 1, schema: JobReportOverdueV1 },
  'grants.job.report-submitted': { version: 1, schema: JobReportSubmittedV1 },
  'grants.job.vacancy-reported': { version: 1, schema: JobVacancyReportedV1 },
  'grants.refund.claimed': { version: 1, schema: RefundClaimedV1 },
  'grants.award.settled': { version: 1, schema: AwardSettledV1 },
  'grants.exchange-rate.added': { version: 1, schema: ExchangeRateAddedV1 },
  // notifications
  'notifications.email.sent': { version: 1, schema: EmailOutcomeV1 },
  'notifications.email.failed': { version: 1, schema: EmailOutcomeV1 },
} as const satisfies Record<string, { version: number; schema: TSchema }>;

export type EventSubject = keyof typeof EVENT_CONTRACTS;

/**
 * Subjects whose payload names its centre (`centreId`, required). The rest are of the
 * installation: accounts, exchange rates, centres themselves, e-mail outcomes (optional there).
 */
export const CENTRE_SUBJECTS = (Object.keys(EVENT_CONTRACTS) as EventSubject[]).filter((s) => {
  const schema = EVENT_CONTRACTS[s].schema as { required?: string[] };
  return s !== 'applications.centre.changed' && (schema.required ?? []).includes('centreId');
});
export type EventPayload<S extends EventSubject> = Static<(typeof EVENT_CONTRACTS)[S]['schema']>;

export { IsoDate, Iso as IsoMoment };
