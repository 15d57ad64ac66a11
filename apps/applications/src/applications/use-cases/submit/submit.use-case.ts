import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  createEvent,
  OutboxService,
  RequestContext,
  warsawYear,
  addMonths,
  warsawDate,
  type AuthUser,
  type EventPayload,
  type Recipient,
} from '@app/common';
import { EntityNotFoundError } from 'typeorm';
import { ExchangeRateReadModel } from '../../../exchange-rates/exchange-rate.entity.js';
import { CallReadModel } from '../../../calls/call.entity.js';
import { correctionInTime, submitAction } from '../../../domain/application-lifecycle.js';
import { isCallOpen } from '../../../domain/call-window.js';
import { FORM_INVALID } from '../../../shared/access.js';
import { findVisibleApplication, NO_SUCH_APPLICATION } from '../../application-access.js';
import type { Application } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { CORRECTION_TIMER } from '../../correction-timer.js';
import { correctionsAnsweredPayload, submittedPayload } from '../../events/payloads.js';
import { checkSubmission } from './submission-check.js';

/**
 * What a submission reads beside the locked application, in one statement: its call, the
 * applicant's address (the event's recipient) and the exchange rates that can be in force in the
 * counted period (three years and a week back from the first submission).
 */
async function loadContext(
  manager: EntityManager,
  application: Application,
  firstSubmission: Date,
): Promise<{
  call: CallReadModel;
  applicant: Recipient | null;
  rates: ExchangeRateReadModel[];
}> {
  const [row]: {
    call: Record<string, any> | null;
    applicant: Recipient | null;
    rates: { validFrom: string; plnPerEur: string }[];
  }[] = await manager.query(
    `SELECT (SELECT row_to_json(c) FROM applications.calls c WHERE c.id = $1) AS call,
            (SELECT json_build_object('userId', u.id, 'email', u.email, 'name', u.full_name,
                                      'language', u.language)
               FROM applications.users u WHERE u.id = $2) AS applicant,
            (SELECT coalesce(json_agg(json_build_object('validFrom', r.valid_from,
                                                        'plnPerEur', r.pln_per_eur)), '[]'::json)
               FROM applications.exchange_rates r WHERE r.valid_from >= $3) AS rates`,
    [application.callId, application.applicantId, addMonths(warsawDate(firstSubmission), -37)],
  );
  const c = row?.call;
  if (!c) throw new EntityNotFoundError(CallReadModel, { id: application.callId });
  const call = Object.assign(new CallReadModel(), {
    id: c.id,
    number: c.number,
    centreId: c.centre_id,
    title: c.title,
    opensAt: new Date(c.opens_at),
    closesAt: new Date(c.closes_at),
    budget: Number(c.budget),
    counties: c.counties,
    fundingModel: c.funding_model,
    maxJobsPerEntity: c.max_jobs_per_entity,
    correctionTermWorkingDays: c.correction_term_working_days,
    appealTermWorkingDays: c.appeal_term_working_days,
    publishedAt: new Date(c.published_at),
    programmeId: c.programme_id ?? null,
  });
  const rates = row.rates.map((r) => Object.assign(new ExchangeRateReadModel(), r));
  return { call, applicant: row.applicant, rates };
}

type SubmitEvent =
  'applications.application.submitted' | 'applications.application.corrections-answered';

export interface SubmitApplicationCommand {
  readonly user: AuthUser;
  readonly applicationId: string;
}

/**
 * Submits the draft (only while its call is open), or answers a correction request with a new
 * version (within the term). Idempotent: a repeated or concurrent submit returns the same
 * submission, with one event. The path is described step by step in
 * docs/architecture.md#a-submission-end-to-end.
 *
 * No explicit transaction: the reads and the checks run first, on the application as read; then
 * one autocommit statement (see `write`) locks the row, re-checks that it is still what was
 * checked and writes everything, taking the year's number only when it did. So the counter row
 * is held for that statement and its commit only, never across a round trip to Node. When the
 * row no longer qualifies (a concurrent submit won, or the draft changed), it is read again and
 * the same path answers: the existing reference, or the check of what is there now.
 */
@Injectable()
export class SubmitApplicationUseCase {
  /** How often a submit reads again after the row changed under it before it gives up. */
  private static readonly ATTEMPTS = 5;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<Application> {
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(command);
      if (result) return result;
      if (attempt >= SubmitApplicationUseCase.ATTEMPTS) {
        throw ApiError.conflict(ApplicationsErrors.NOT_A_DRAFT, {
          pl: 'Wniosek zmienia się w tej chwili; spróbuj złożyć go ponownie',
          en: 'The application is being changed at this moment; please submit it again',
        });
      }
    }
  }

  /** One pass: the application submitted (or as it already was), or null when it changed. */
  private async attempt({
    user,
    applicationId,
  }: SubmitApplicationCommand): Promise<Application | null> {
    const manager = this.dataSource.manager;
    const application = await findVisibleApplication(manager, user, applicationId);
    if (application.applicantId !== user.id) throw ApiError.notFound(NO_SUCH_APPLICATION);
    const action = submitAction(application.state);
    if (action === 'repeat' && application.reference) return application;
    if (action !== 'submit' && action !== 'answer-corrections') {
      throw ApiError.conflict(ApplicationsErrors.NOT_A_DRAFT, {
        pl: 'Tego wniosku nie można złożyć w obecnym stanie',
        en: 'This application cannot be submitted in its current state',
      });
    }
    const now = this.clock.now();
    const firstSubmission = application.submittedAt ?? now;
    const { call, applicant, rates } = await loadContext(manager, application, firstSubmission);
    const answering = action === 'answer-corrections';
    if (!answering && !isCallOpen(call, now)) {
      throw ApiError.unprocessable(ApplicationsErrors.CALL_CLOSED, {
        pl: 'Nabór nie jest otwarty: wniosek można złożyć tylko w czasie trwania naboru',
        en: 'The call is not open: applications can be submitted only while it is open',
      });
    }
    if (
      answering &&
      application.corrections &&
      !correctionInTime(now, new Date(application.corrections.deadline))
    ) {
      throw ApiError.unprocessable(ApplicationsErrors.CORRECTION_TERM_PASSED, {
        pl: 'Termin na uzupełnienie braków formalnych minął',
        en: 'The term for corrections has passed',
      });
    }
    const { problems, amount } = await checkSubmission(
      manager,
      application,
      call,
      firstSubmission,
      rates,
    );
    if (problems.length > 0 || !amount)
      throw ApiError.unprocessable(ApplicationsErrors.FORM_INVALID, FORM_INVALID, problems);

    const fromState = application.state;
    const fromVersion = application.submittedVersion;
    if (!applicant) throw ApiError.notFound();
    application.submittedVersion += 1;
    application.state = 'submitted';
    application.submittedAt ??= now;
    application.amount = amount as unknown as Record<string, unknown>;
    application.requestedTotal = amount.total;
    if (answering && application.corrections) {
      application.corrections = { ...application.corrections, answeredAt: now.toISOString() };
    }
    application.updatedAt = now;
    const reference = await this.write({
      user,
      application,
      fromState,
      fromVersion,
      answering,
      now,
      payload: (ref) => {
        const withReference = { ...application, reference: ref } as Application;
        return answering
          ? correctionsAnsweredPayload(withReference, now, applicant)
          : submittedPayload(withReference, call, now, applicant);
      },
    });
    if (reference === null) return null;
    this.outbox.wake();
    application.reference = reference;
    return application;
  }

  /**
   * The submission in one autocommit statement (a data-modifying CTE): the application's row is
   * locked and re-checked (`FOR UPDATE`: the state, the version and the form that were checked;
   * a row changed by a committed transaction meanwhile is re-checked in its newest version), and
   * only when it qualified: the year's reference number is taken (when it has none yet), the
   * version is frozen, the row updated, the pending correction timer cancelled (answering), the
   * audit row and the event in the outbox written. All or nothing: a failure anywhere rolls the
   * whole statement back, the counter's increment with it (numbers stay gap-free). The counter
   * row is locked from the increment to this statement's commit only. The event is built before
   * the number exists: a one-off placeholder in its JSON is replaced by the number in the
   * statement. Returns the reference, or null when the row no longer qualified (nothing written).
   */
  private async write(w: {
    user: AuthUser;
    application: Application;
    fromState: string;
    fromVersion: number;
    answering: boolean;
    now: Date;
    payload: (reference: string) => EventPayload<SubmitEvent>;
  }): Promise<string | null> {
    const { application: a, now } = w;
    const placeholder = `REF-${randomUUID()}`;
    const type: SubmitEvent = w.answering
      ? 'applications.application.corrections-answered'
      : 'applications.application.submitted';
    const context = RequestContext.current();
    const envelope = createEvent(type, w.payload(a.reference ?? placeholder) as never, {
      correlationId: RequestContext.correlationId(),
      occurredAt: now,
    });
    const params: unknown[] = [
      a.reference ?? null, // $1
      warsawYear(now), // $2
      a.id, // $3
      a.centreId, // $4
      a.submittedVersion, // $5
      JSON.stringify(a.form), // $6
      JSON.stringify(a.amount), // $7
      now, // $8
      a.submittedAt, // $9
      a.requestedTotal, // $10
      a.corrections === null || a.corrections === undefined ? null : JSON.stringify(a.corrections), // $11
      w.user.id, // $12
      w.answering ? 'corrections-answered' : 'submitted', // $13
      w.fromState, // $14
      context?.correlationId ?? null, // $15
      envelope.id, // $16
      envelope.type, // $17
      JSON.stringify(envelope), // $18
      envelope.correlationId, // $19
      placeholder, // $20
      w.fromVersion, // $21
      CORRECTION_TIMER, // $22
    ];
    const rows: { reference: string }[] = await this.dataSource.query(
      `WITH target AS (
         SELECT id FROM applications.applications
          WHERE id = $3::uuid AND applicant_id = $12::uuid AND state = $14::text
            AND submitted_version = $21::int AND form = $6::jsonb
            ${a.reference ? 'AND reference = $1::text' : 'AND reference IS NULL'}
          FOR UPDATE
       ), ref AS (
         ${
           a.reference
             ? `SELECT $1::text AS reference FROM target WHERE $2::int IS NOT NULL`
             : `INSERT INTO applications.reference_counters (year, last_value) SELECT $2::int, 1 FROM target
                ON CONFLICT (year) DO UPDATE SET last_value = applications.reference_counters.last_value + 1
                RETURNING coalesce($1::text, 'OWES/' || year || '/' || lpad(last_value::text, greatest(5, length(last_value::text)), '0')) AS reference`
         }
       ), version AS (
         INSERT INTO applications.application_versions (application_id, version, centre_id, form, amount, submitted_at)
         SELECT $3::uuid, $5::int, $4::uuid, $6::jsonb, $7::jsonb, $8::timestamptz FROM ref
       ), change AS (
         UPDATE applications.applications
            SET state = 'submitted', reference = ref.reference, submitted_version = $5::int, submitted_at = $9::timestamptz,
                amount = $7::jsonb, requested_total = $10::bigint, corrections = $11::jsonb, updated_at = $8::timestamptz
           FROM ref WHERE id = $3::uuid
       ), timer AS (
         UPDATE applications.due_timers SET cancelled_at = $8::timestamptz
          WHERE ${w.answering ? 'TRUE' : 'FALSE'} AND kind = $22::text AND entity_id = $3::uuid
            AND fired_at IS NULL AND cancelled_at IS NULL AND EXISTS (SELECT 1 FROM ref)
       ), audit AS (
         INSERT INTO applications.audit_log (at, actor_id, entity_type, entity_id, action, from_state, to_state, changes, correlation_id)
         SELECT $8::timestamptz, $12::uuid, 'application', $3::uuid, $13::text, $14::text, 'submitted',
                jsonb_build_object('reference', ref.reference, 'version', $5::int, 'requestedTotal', $10::bigint), $15::text
           FROM ref
       ), event AS (
         INSERT INTO outbox (id, subject, envelope, correlation_id, created_at)
         SELECT $16::uuid, $17::text, replace($18::text, $20::text, ref.reference)::jsonb, $19::text, $8::timestamptz FROM ref
       )
       SELECT reference FROM ref`,
      params,
    );
    return rows[0]?.reference ?? null;
  }
}
