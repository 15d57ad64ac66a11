import { randomUUID } from 'node:crypto';
import {
  DEFAULT_CENTRE_ID,
  createEvent,
  type EventEnvelope,
  type EventPayload,
  type EventSubject,
  type Recipient,
} from '@app/common';

/**
 * Realistic payloads of every event the notifications service handles, as the applications and
 * grants services emit them (see their `emit(...)` calls). Used by the template unit tests and
 * the end-to-end tests.
 */
export const APPLICANT: Recipient = {
  userId: '7d0c6a55-2f7e-4a58-9d55-0d1f1b3c9a01',
  email: 'anna.kowalska@example.pl',
  name: 'Anna Kowalska',
  language: 'pl',
};

export const EVALUATOR: Recipient = {
  userId: '2b4f3c1e-8d6a-4f0e-b1a7-5c9e3d2f1a02',
  email: 'jan.nowak@example.pl',
  name: 'Jan Nowak',
  language: 'pl',
};

export const REFERENCE = 'OWES/2026/00042';
/** The centre the samples are of: centre no. 1, as events published before tenancy are read. */
export const SAMPLE_CENTRE_ID = DEFAULT_CENTRE_ID;
export const CALL = {
  callId: 'c6a1e0f4-3b2d-4e5f-8a9b-0c1d2e3f4a03',
  callNumber: 'NAB/1/2026',
  callTitle: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
};
export const APPLICATION_ID = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c04';
export const GROUP_ID = '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c05';
export const AWARD_ID = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a06';
export const JOB_ID = '5c4b3a29-1807-4f6e-9d5c-4b3a29180707';
export const REPORT_ID = '8b7a6958-4736-4251-a0f9-e8d7c6b5a408';
export const EVALUATION_ID = '3e2d1c0b-9a8f-4e7d-8c5b-4a3f2e1d0c09';
export const BRIDGING_REQUEST_ID = 'b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e14';

/** Every subject there is a sample of: the events notifications handles. */
export const SAMPLE_SUBJECTS = [
  'applications.account.verification-requested',
  'applications.account.registration-attempted',
  'applications.account.password-reset-requested',
  'applications.application.draft-created',
  'applications.application.submitted',
  'applications.group.submitted',
  'applications.group.qualified',
  'applications.group.rejected',
  'applications.application.corrections-requested',
  'applications.application.corrections-answered',
  'applications.application.formally-accepted',
  'applications.application.formally-rejected',
  'applications.application.withdrawn',
  'grants.evaluation.assigned',
  'grants.evaluation.submitted',
  'grants.evaluation.overdue',
  'grants.award.granted',
  'grants.award.rejected',
  'grants.award.given-up',
  'grants.appeal.resolved',
  'grants.ranking.published',
  'grants.agreement.prepared',
  'grants.agreement.signed',
  'grants.payment.made',
  'grants.bridging-extension.requested',
  'grants.bridging-extension.decided',
  'grants.job.report-due',
  'grants.job.report-overdue',
  'grants.job.report-submitted',
  'grants.job.vacancy-reported',
  'grants.refund.claimed',
  'grants.award.settled',
] as const satisfies readonly EventSubject[];

export type SampleSubject = (typeof SAMPLE_SUBJECTS)[number];

/** A payload of every sampled subject, each typed by its event contract. */
export type SamplePayloads = { [S in SampleSubject]: EventPayload<S> };

/** What the two decision events share (the outcome's own fields are added to each). */
type DecisionSample = Omit<
  EventPayload<'grants.award.granted'>,
  'awardId' | 'rank' | 'amount' | 'fromReserve'
>;

/** What a bridging-support extension's request and decision share. */
type BridgingExtensionSample = Omit<
  EventPayload<'grants.bridging-extension.requested'>,
  'justification' | 'requestedAt'
>;

/** Every sample payload, for `recipient` (by default Anna Kowalska, or Jan Nowak as evaluator). */
export function samplePayloads(recipient: Partial<Recipient> = {}): SamplePayloads {
  const applicant: Recipient = { ...APPLICANT, ...recipient };
  const evaluator: Recipient = { ...EVALUATOR, ...recipient };
  const decision: DecisionSample = {
    centreId: SAMPLE_CENTRE_ID,
    decisionId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c10',
    applicationId: APPLICATION_ID,
    reference: REFERENCE,
    callId: CALL.callId,
    callNumber: CALL.callNumber,
    callTitle: CALL.callTitle,
    score: 72.5,
    maxScore: 100,
    requiredScore: 60,
    decidedAt: '2027-02-10T11:30:00.000Z',
    appealLastDay: '2027-02-17',
    appealDeadline: '2027-02-17T22:59:59.999Z',
    appealTermWorkingDays: 5,
    afterAppeal: false,
    applicant,
  };
  const bridgingExtension: BridgingExtensionSample = {
    centreId: SAMPLE_CENTRE_ID,
    requestId: BRIDGING_REQUEST_ID,
    awardId: AWARD_ID,
    reference: REFERENCE,
    months: 6,
    monthlyAmount: 150_000,
    jobs: 2,
    amount: 1_800_000,
    applicant,
  };
  const report: EventPayload<'grants.job.report-due'> = {
    centreId: SAMPLE_CENTRE_ID,
    reportId: REPORT_ID,
    awardId: AWARD_ID,
    jobId: JOB_ID,
    reference: REFERENCE,
    position: 'Kucharz',
    period: '2027-05',
    dueDate: '2027-06-07',
    applicant,
  };
  return {
    'applications.account.verification-requested': {
      userId: applicant.userId!,
      verificationUrl: 'http://localhost:3000/verify-email?token=Zm9vYmFyLXRva2VuLTEyMw',
      expiresAt: '2026-12-03T10:15:00.000Z',
      recipient: applicant,
    },
    'applications.account.registration-attempted': {
      userId: applicant.userId!,
      loginUrl: 'http://localhost:3000/login',
      resetUrl: 'http://localhost:3000/forgot-password',
      attemptedAt: '2026-12-03T10:15:00.000Z',
      recipient: applicant,
    },
    'applications.account.password-reset-requested': {
      userId: applicant.userId!,
      resetUrl: 'http://localhost:3000/reset-password?token=cmVzZXQtdG9rZW4tNDU2',
      expiresAt: '2026-12-03T11:15:00.000Z',
      recipient: applicant,
    },
    'applications.application.draft-created': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      callTitle: CALL.callTitle,
      callClosesAt: '2026-12-15T15:00:00.000Z',
      createdAt: '2026-11-01T09:00:00.000Z',
      applicant,
    },
    'applications.application.submitted': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      version: 1,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      callTitle: CALL.callTitle,
      submittedAt: '2026-12-03T10:15:00.000Z',
      applicant,
    },
    'applications.group.submitted': {
      centreId: SAMPLE_CENTRE_ID,
      groupId: GROUP_ID,
      name: 'Smaki Mazowsza',
      plannedLegalForm: 'social-cooperative',
      naturalPersons: 5,
      legalPersons: 0,
      plannedJobs: 3,
      counties: ['1462', '1419'],
      submittedAt: '2026-11-05T09:00:00.000Z',
      leader: applicant,
    },
    'applications.group.qualified': {
      centreId: SAMPLE_CENTRE_ID,
      groupId: GROUP_ID,
      name: 'Smaki Mazowsza',
      decision: 'qualified',
      decidedAt: '2026-11-20T13:00:00.000Z',
      leader: applicant,
    },
    'applications.group.rejected': {
      centreId: SAMPLE_CENTRE_ID,
      groupId: GROUP_ID,
      name: 'Smaki Mazowsza',
      decision: 'rejected',
      reason: 'Dwie osoby mieszkają poza obszarem działania OWES',
      decidedAt: '2026-11-20T13:00:00.000Z',
      leader: applicant,
    },
    'applications.application.corrections-requested': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      version: 1,
      issues: [
        { path: 'applicant.krs', description: 'Brak aktualnego odpisu z KRS' },
        { description: 'Brak podpisu pod oświadczeniem o pomocy de minimis' },
      ],
      termWorkingDays: 5,
      lastDay: '2026-12-14',
      deadline: '2026-12-14T23:59:59.999+01:00',
      requestedAt: '2026-12-07T10:00:00.000Z',
      applicant,
    },
    'applications.application.corrections-answered': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      version: 2,
      answeredAt: '2026-12-10T08:45:00.000Z',
      applicant,
    },
    'applications.application.formally-accepted': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      version: 2,
      submittedAt: '2026-12-03T10:15:00.000Z',
      acceptedAt: '2026-12-15T09:00:00.000Z',
      applicant,
      applicantKind: 'social-enterprise',
      entityName: 'Spółdzielnia Socjalna „Smaki Mazowsza”',
      county: '1462',
      jobs: [
        {
          jobId: '1',
          position: 'Kucharz',
          workingTime: '1',
          eligiblePerson: true,
          plannedStart: '2027-04-01',
          county: '1462',
        },
        {
          jobId: '2',
          position: 'Pomoc kuchenna',
          workingTime: '1/2',
          eligiblePerson: true,
          plannedStart: '2027-04-01',
          county: '1419',
        },
      ],
      amount: { creation: 7_042_400, maintenance: 5_726_700, total: 12_769_100 },
      businessPlan: { idea: 'Catering dla szkół', market: 'Płock i okolice' },
    },
    'applications.application.formally-rejected': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      reasons: ['Wnioskodawca nie ma siedziby na obszarze działania OWES'],
      automatic: false,
      decidedAt: '2026-12-15T09:00:00.000Z',
      applicant,
    },
    'applications.application.withdrawn': {
      centreId: SAMPLE_CENTRE_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      withdrawnAt: '2026-12-09T15:20:00.000Z',
      applicant,
    },
    'grants.evaluation.assigned': {
      centreId: SAMPLE_CENTRE_ID,
      evaluationId: EVALUATION_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      round: 'first',
      assignedAt: '2027-01-21T08:00:00.000Z',
      dueDate: '2027-02-01',
      deadline: '2027-02-01T22:59:59.999Z',
      evaluator,
    },
    'grants.evaluation.submitted': {
      centreId: SAMPLE_CENTRE_ID,
      evaluationId: EVALUATION_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      evaluator,
      submittedAt: '2027-01-28T14:00:00.000Z',
    },
    'grants.evaluation.overdue': {
      centreId: SAMPLE_CENTRE_ID,
      evaluationId: EVALUATION_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      round: 'first',
      dueDate: '2027-02-01',
      evaluator,
    },
    'grants.award.granted': {
      ...decision,
      awardId: AWARD_ID,
      rank: 3,
      amount: 12_769_100,
    },
    'grants.award.rejected': {
      ...decision,
      outcome: 'reserve',
      rank: 7,
      amount: 3_521_200,
      remainingBudget: 3_200_000,
    },
    'grants.award.given-up': {
      centreId: SAMPLE_CENTRE_ID,
      awardId: AWARD_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      amount: 12_769_100,
      reason: 'Członkowie grupy podjęli zatrudnienie u innego pracodawcy',
      by: 'applicant',
      givenUpAt: '2027-03-05T09:20:00.000Z',
      applicant,
    },
    'grants.appeal.resolved': {
      centreId: SAMPLE_CENTRE_ID,
      appealId: '6d5c4b3a-2918-4e7d-8c6b-5a4938271611',
      decisionId: decision.decisionId,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      callId: CALL.callId,
      outcome: 'upheld',
      scoreBefore: 55,
      scoreAfter: 63.5,
      passed: true,
      resolvedAt: '2027-03-01T10:00:00.000Z',
      applicant,
    },
    'grants.ranking.published': {
      centreId: SAMPLE_CENTRE_ID,
      callId: CALL.callId,
      callNumber: CALL.callNumber,
      version: 1,
      publishedAt: '2027-02-10T11:30:00.000Z',
      afterAppeals: false,
      funded: 3,
      reserve: 2,
      rejected: 1,
      budget: 42_388_633,
      fundedTotal: 38_000_000,
      remainingBudget: 4_388_633,
    },
    'grants.agreement.prepared': {
      centreId: SAMPLE_CENTRE_ID,
      awardId: AWARD_ID,
      reference: REFERENCE,
      amount: 12_769_100,
      signingOn: '2027-03-15',
      place: 'Biuro OWES, ul. Tumska 5, Płock',
      applicant,
      preparedAt: '2027-03-01T10:00:00.000Z',
    },
    'grants.agreement.signed': {
      centreId: SAMPLE_CENTRE_ID,
      awardId: AWARD_ID,
      applicationId: APPLICATION_ID,
      reference: REFERENCE,
      amount: 12_769_100,
      signedOn: '2027-03-15',
      security: 'blank-promissory-note',
      deMinimisCertificateNumber: 'DM/2027/015',
      jobs: 2,
      applicant,
    },
    'grants.payment.made': {
      centreId: SAMPLE_CENTRE_ID,
      paymentId: '7e6d5c4b-3a29-4817-9a6b-5c4d3e2f1a12',
      awardId: AWARD_ID,
      reference: REFERENCE,
      kind: 'tranche',
      amount: 7_042_400,
      paidOn: '2027-03-22',
      paidTotal: 7_042_400,
      remaining: 5_726_700,
      applicant,
    },
    'grants.bridging-extension.requested': {
      ...bridgingExtension,
      justification: 'Sezonowy spadek zamówień cateringowych w okresie wakacji szkolnych',
      requestedAt: '2027-08-20T10:00:00.000Z',
    },
    'grants.bridging-extension.decided': {
      ...bridgingExtension,
      decision: 'approved',
      awardAmount: 14_569_100,
      decidedAt: '2027-09-01T12:00:00.000Z',
    },
    'grants.job.report-due': report,
    'grants.job.report-overdue': report,
    'grants.job.report-submitted': {
      centreId: SAMPLE_CENTRE_ID,
      reportId: REPORT_ID,
      awardId: AWARD_ID,
      jobId: JOB_ID,
      reference: REFERENCE,
      period: '2027-05',
      submittedAt: '2027-06-03T09:30:00.000Z',
      applicant,
    },
    'grants.job.vacancy-reported': {
      centreId: SAMPLE_CENTRE_ID,
      awardId: AWARD_ID,
      jobId: JOB_ID,
      reference: REFERENCE,
      position: 'Kucharz',
      vacancyDate: '2027-07-10',
      refillDeadline: '2027-10-10',
      applicant,
    },
    'grants.refund.claimed': {
      centreId: SAMPLE_CENTRE_ID,
      refundId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c13',
      awardId: AWARD_ID,
      jobId: JOB_ID,
      reference: REFERENCE,
      position: 'Kucharz',
      principal: 3_521_200,
      interest: 123_456,
      total: 3_644_656,
      calculatedOn: '2027-10-11',
      demandDate: '2027-10-11',
      dueDate: '2027-11-10',
      applicant,
    },
    'grants.award.settled': {
      centreId: SAMPLE_CENTRE_ID,
      awardId: AWARD_ID,
      reference: REFERENCE,
      amount: 12_769_100,
      paidTotal: 12_769_100,
      refundClaimedTotal: 0,
      jobsKept: 2,
      settledOn: '2028-10-05',
      applicant,
    },
  };
}

/** One sample payload with some fields changed (the compiler checks their names and types). */
export function samplePayload<S extends SampleSubject>(
  subject: S,
  changes: Partial<EventPayload<S>> = {},
  recipient: Partial<Recipient> = {},
): EventPayload<S> {
  return { ...samplePayloads(recipient)[subject], ...changes };
}

/** Every sample as its envelope, in the order of SAMPLE_SUBJECTS. */
export function sampleEvents(occurredAt?: Date): EventEnvelope[] {
  const payloads = samplePayloads();
  return SAMPLE_SUBJECTS.map((subject) => envelope(subject, payloads[subject], occurredAt));
}

/** An envelope as the producing service's outbox would write it. */
export function envelope<S extends EventSubject>(
  type: S,
  payload: EventPayload<S>,
  occurredAt = new Date('2026-12-03T10:15:00Z'),
): EventEnvelope<S> {
  return createEvent(type, payload, { correlationId: randomUUID(), occurredAt });
}
