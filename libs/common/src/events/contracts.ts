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

export const Recipient = Type.Object({
  userId: Type.Optional(Uuid),
  email: Type.String({ format: 'email' }),
  name: Type.String(),
  language: Lang,
});
export type Recipient = Static<typeof Recipient>;

/** A call for applications (nabór) as applications needs it to accept forms. */
export const CallPublishedV1 = Type.Object({
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
});

export const ApplicationSubmittedV1 = Type.Object({
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
  groupId: Uuid,
  name: Type.String(),
  decision: Type.Union([Type.Literal('qualified'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String()),
  decidedAt: Iso,
  leader: Recipient,
});

export const CorrectionsRequestedV1 = Type.Object({
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  issues: Type.Array(Type.Object({ path: Type.Optional(Type.String()), description: Type.String() })),
  termWorkingDays: Type.Integer({ minimum: 1 }),
  /** Last day of the term (Warsaw calendar) and the moment it ends. */
  lastDay: IsoDate,
  deadline: Iso,
  requestedAt: Iso,
  applicant: Recipient,
});

export const CorrectionsAnsweredV1 = Type.Object({
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
      workingTime: Type.Union([Type.Literal('1'), Type.Literal('3/4'), Type.Literal('1/2'), Type.Literal('1/4')]),
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
});

export const FormallyRejectedV1 = Type.Object({
  applicationId: Uuid,
  reference: Type.String(),
  callId: Uuid,
  reasons: Type.Array(Type.String()),
  automatic: Type.Boolean({ description: 'Rejected because the correction term lapsed' }),
  decidedAt: Iso,
  applicant: Recipient,
});

export const WithdrawnV1 = Type.Object({
  applicationId: Uuid,
  reference: Type.Union([Type.String(), Type.Null()]),
  callId: Uuid,
  withdrawnAt: Iso,
  applicant: Recipient,
});

export const VerificationRequestedV1 = Type.Object({
  userId: Uuid,
  verificationUrl: Type.String(),
  expiresAt: Iso,
  recipient: Recipient,
});

// ---------------------------------------------------------------------------------------------
// grants events (issue 4). Add new grants contracts in this section.
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// notifications events
// ---------------------------------------------------------------------------------------------

export const EmailOutcomeV1 = Type.Object({
  deliveryId: Uuid,
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
  'applications.group.submitted': { version: 1, schema: GroupSubmittedV1 },
  'applications.group.qualified': { version: 1, schema: GroupDecidedV1 },
  'applications.group.rejected': { version: 1, schema: GroupDecidedV1 },
  'applications.application.corrections-requested': { version: 1, schema: CorrectionsRequestedV1 },
  'applications.application.corrections-answered': { version: 1, schema: CorrectionsAnsweredV1 },
  'applications.application.formally-accepted': { version: 1, schema: FormallyAcceptedV1 },
  'applications.application.formally-rejected': { version: 1, schema: FormallyRejectedV1 },
  'applications.application.withdrawn': { version: 1, schema: WithdrawnV1 },
  'applications.account.verification-requested': { version: 1, schema: VerificationRequestedV1 },
  // grants
  'grants.call.published': { version: 1, schema: CallPublishedV1 },
  // notifications
  'notifications.email.sent': { version: 1, schema: EmailOutcomeV1 },
  'notifications.email.failed': { version: 1, schema: EmailOutcomeV1 },
} as const satisfies Record<string, { version: number; schema: TSchema }>;

export type EventSubject = keyof typeof EVENT_CONTRACTS;
export type EventPayload<S extends EventSubject> = Static<(typeof EVENT_CONTRACTS)[S]['schema']>;

export { IsoDate, Iso as IsoMoment };
