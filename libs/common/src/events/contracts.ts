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
  'grants.call.published': { version: 1, schema: CallPublishedV1 },
  'applications.application.submitted': { version: 1, schema: ApplicationSubmittedV1 },
  'notifications.email.sent': { version: 1, schema: EmailOutcomeV1 },
  'notifications.email.failed': { version: 1, schema: EmailOutcomeV1 },
} as const satisfies Record<string, { version: number; schema: TSchema }>;

export type EventSubject = keyof typeof EVENT_CONTRACTS;
export type EventPayload<S extends EventSubject> = Static<(typeof EVENT_CONTRACTS)[S]['schema']>;

export { IsoDate, Iso as IsoMoment };
