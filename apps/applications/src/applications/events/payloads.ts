import type { EntityManager } from 'typeorm';
import {
  toWarsawIso,
  type EventPayload,
  type EventSubject,
  type Recipient,
  type RequestedAmount,
} from '@app/common';
import type { CallReadModel } from '../../calls/call.entity.js';
import {
  BUSINESS_PLAN_SECTIONS,
  amountSummary,
  type ApplicantKind,
} from '../../domain/grant-application.js';
import { field, list, text } from '../../domain/problems.js';
import { InitiativeGroup } from '../../initiative-groups/initiative-group.entity.js';
import { ApplicationVersion, type Application } from '../application.entity.js';

/**
 * The payloads of the applications' events (contracts in libs/common/src/events/contracts.ts):
 * what each event carries, built in one place from the application as it stands after the change.
 * The recipient comes from `recipientOf` (shared/recipients.ts).
 */

type Payload<S extends EventSubject & `applications.application.${string}`> = EventPayload<S>;

export function draftCreatedPayload(
  application: Application,
  call: CallReadModel,
  now: Date,
  applicant: Recipient,
): Payload<'applications.application.draft-created'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    callId: call.id,
    callNumber: call.number,
    callTitle: call.title,
    callClosesAt: call.closesAt.toISOString(),
    createdAt: now.toISOString(),
    applicant,
  };
}

/** A first submission, once the application has its reference number. */
export function submittedPayload(
  application: Application,
  call: CallReadModel,
  now: Date,
  applicant: Recipient,
): Payload<'applications.application.submitted'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference as string,
    version: application.submittedVersion,
    callId: call.id,
    callNumber: call.number,
    callTitle: call.title,
    submittedAt: now.toISOString(),
    applicant,
  };
}

export function correctionsAnsweredPayload(
  application: Application,
  now: Date,
  applicant: Recipient,
): Payload<'applications.application.corrections-answered'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference as string,
    callId: application.callId,
    version: application.submittedVersion,
    answeredAt: now.toISOString(),
    applicant,
  };
}

/** A request for corrections, whose term ends at `deadline` (the end of `lastDay`, Warsaw). */
export function correctionsRequestedPayload(
  application: Application,
  corrections: NonNullable<Application['corrections']>,
  term: { lastDay: string; deadline: Date },
  now: Date,
  applicant: Recipient,
): Payload<'applications.application.corrections-requested'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference as string,
    callId: application.callId,
    version: application.submittedVersion,
    issues: corrections.issues,
    termWorkingDays: corrections.termWorkingDays,
    lastDay: term.lastDay,
    deadline: toWarsawIso(term.deadline),
    requestedAt: now.toISOString(),
    applicant,
  };
}

/** A rejection by the operator, or automatic (`automatic: true`) when a correction term lapsed. */
export function formallyRejectedPayload(
  application: Application,
  now: Date,
  applicant: Recipient,
  automatic: boolean,
): Payload<'applications.application.formally-rejected'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference as string,
    callId: application.callId,
    reasons: application.decisionReasons ?? [],
    automatic,
    decidedAt: now.toISOString(),
    applicant,
  };
}

export function withdrawnPayload(
  application: Application,
  now: Date,
  applicant: Recipient,
): Payload<'applications.application.withdrawn'> {
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference,
    callId: application.callId,
    withdrawnAt: now.toISOString(),
    applicant,
  };
}

/**
 * What grants needs to evaluate and fund the application: no PESEL, no employees' names. Read
 * from the submitted version (never the working copy) and the group that recruited it.
 */
export async function formallyAcceptedPayload(
  manager: EntityManager,
  application: Application,
  now: Date,
  applicant: Recipient,
): Promise<Payload<'applications.application.formally-accepted'>> {
  const version = await manager.findOneOrFail(ApplicationVersion, {
    where: { applicationId: application.id, version: application.submittedVersion },
  });
  const form = version.form;
  const applicantForm = field(form, 'applicant');
  const group = application.groupId
    ? await manager.findOne(InitiativeGroup, { where: { id: application.groupId } })
    : null;
  const businessPlan: Record<string, string> = {};
  for (const key of BUSINESS_PLAN_SECTIONS)
    businessPlan[key] = text(field(field(form, 'businessPlan'), key)) ?? '';
  return {
    centreId: application.centreId,
    applicationId: application.id,
    reference: application.reference as string,
    callId: application.callId,
    version: application.submittedVersion,
    submittedAt: (application.submittedAt as Date).toISOString(),
    acceptedAt: now.toISOString(),
    applicant,
    applicantKind: field(applicantForm, 'kind') as ApplicantKind,
    entityName: text(field(applicantForm, 'name')) ?? '',
    county: text(field(applicantForm, 'county')) ?? '',
    jobs: list(field(form, 'jobs')).map((job, i) => ({
      jobId: `${i + 1}`,
      position: text(field(job, 'position')) ?? '',
      workingTime: field(job, 'workingTime') as '1' | '3/4' | '1/2' | '1/4',
      eligiblePerson:
        typeof field(field(field(job, 'person'), 'eligibility'), 'status') === 'string',
      plannedStart: text(field(job, 'plannedStart')) ?? '',
      county: text(field(field(job, 'person'), 'county')) ?? '',
    })),
    amount: amountSummary(version.amount as unknown as RequestedAmount),
    businessPlan,
    ...(group?.decidedBy ? { recruitedBy: [group.decidedBy] } : {}),
    deMinimis: list(field(field(form, 'deMinimis'), 'items')).map((item) => ({
      grantedOn: text(field(item, 'grantedOn')) ?? '',
      amount: field(item, 'amount') as number,
      grantor: text(field(item, 'grantor')) ?? '',
    })),
  };
}
