import { Injectable, type OnModuleInit } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource, MoreThanOrEqual, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  countyByTeryt,
  formatPln,
  groszeToDecimalString,
  toWarsawIso,
  validationFailed,
  warsawDate,
  warsawYear,
  workingDayTerm,
  type AuthUser,
  type Emit,
  type FundingModel,
  type RequestedAmount,
  AuditService,
  isStaff,
  addMonths,
} from '@app/common';
import { CallReadModel } from '../calls/call.entity.js';
import { ApplicationsEnv } from '../config/applications.env.js';
import {
  canWithdraw,
  correctionInTime,
  correctionTimerDueAt,
  formalCheckRefusal,
  isEditable,
  stateAfterFormalCheck,
} from '../domain/application-lifecycle.js';
import { diffForms } from '../domain/form-diff.js';
import {
  BUSINESS_PLAN_SECTIONS,
  amountSummary,
  checkApplication,
  entityName,
  type ApplicantKind,
} from '../domain/grant-application.js';
import type { LegalForm } from '../domain/initiative-group.js';
import { field, list, text } from '../domain/problems.js';
import { fieldProblems, formProblems, mergeProblems } from '../forms/form-validation.js';
import { InitiativeGroup } from '../initiative-groups/initiative-group.entity.js';
import { ExchangeRateReadModel } from '../exchange-rates/exchange-rate.entity.js';
import { FORM_INVALID, recipientOf, type Page } from '../shared/access.js';
import { TimersService } from '../timers/timers.service.js';
import type { DueTimer } from '../timers/due-timer.entity.js';
import { Application, ApplicationVersion, type ApplicationState } from './application.entity.js';
import { ApplicationFormDto } from './application-form.dto.js';
import {
  conflictsView,
  crossApplicationConflictError,
  crossApplicationConflictsOf,
} from './cross-application.query.js';
import type { FormalCheckDto, ListApplicationsQuery } from './applications.dto.js';
import { nextReference } from './reference-counter.js';

const NOT_FOUND = { pl: 'Nie ma takiego wniosku', en: 'No such application' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CORRECTION_TIMER = 'application.correction-term';

const AUTOMATIC_REJECTION = 'Nie uzupełniono braków formalnych w wyznaczonym terminie';

@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly timers: TimersService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timers.register(CORRECTION_TIMER, (timer, manager, emit) =>
      this.correctionTermLapsed(timer, manager, emit),
    );
  }

  /** Loads an application the caller may see; another applicant's id answers 404, never 403. */
  private async visible(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<Application> {
    const application = await manager.findOne(Application, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!application || (!isStaff(user) && application.applicantId !== user.id)) {
      throw ApiError.notFound(NOT_FOUND);
    }
    return application;
  }

  /** The applicant's own application, locked for a change. */
  private async own(manager: EntityManager, user: AuthUser, id: string): Promise<Application> {
    const application = await this.visible(manager, user, id, true);
    if (application.applicantId !== user.id) throw ApiError.notFound(NOT_FOUND);
    return application;
  }

  private async assertDraftTypes(form: Record<string, unknown>): Promise<void> {
    const problems = await formProblems(ApplicationFormDto, form, 'draft');
    if (problems.length > 0) throw validationFailed(problems);
  }

  /** List columns copied from the form on every save. */
  private denormalize(application: Application): void {
    const applicant = field(application.form, 'applicant');
    application.entityName = entityName(application.form);
    application.applicantKind = text(field(applicant, 'kind')) ?? null;
    application.county = text(field(applicant, 'county')) ?? null;
    const groupId = text(field(applicant, 'groupId'));
    application.groupId = groupId && UUID.test(groupId) ? groupId : null;
  }

  async create(
    user: AuthUser,
    callId: string,
    form: Record<string, unknown> = {},
  ): Promise<Application> {
    await this.assertDraftTypes(form);
    return this.outbox.transaction(async (manager, emit) => {
      const call = await manager.findOne(CallReadModel, { where: { id: callId } });
      if (!call) {
        throw ApiError.unprocessable(
          'UNKNOWN_CALL',
          { pl: 'Nie ma takiego naboru', en: 'No such call' },
          [{ path: 'callId', message: { pl: 'Nie ma takiego naboru', en: 'No such call' } }],
        );
      }
      const now = this.clock.now();
      const application = manager.create(Application, {
        applicantId: user.id,
        callId,
        state: 'draft',
        form,
        reference: null,
        submittedVersion: 0,
        submittedAt: null,
        correctionRounds: 0,
        corrections: null,
        amount: null,
        requestedTotal: null,
        decidedAt: null,
        decidedBy: null,
        decisionReasons: null,
        withdrawnAt: null,
        createdAt: now,
        updatedAt: now,
      });
      this.denormalize(application);
      await manager.save(application);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'created',
        toState: 'draft',
      });
      await emit('applications.application.draft-created', {
        applicationId: application.id,
        callId: call.id,
        callNumber: call.number,
        callTitle: call.title,
        callClosesAt: call.closesAt.toISOString(),
        createdAt: now.toISOString(),
        applicant: await recipientOf(manager, user.id),
      });
      return application;
    });
  }

  async get(user: AuthUser, id: string): Promise<Application> {
    return this.visible(this.dataSource.manager, user, id);
  }

  async list(user: AuthUser, query: ListApplicationsQuery): Promise<Page<Application>> {
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a');
    if (!isStaff(user)) qb.andWhere('a.applicant_id = :me', { me: user.id });
    if (query.callId) qb.andWhere('a.call_id = :callId', { callId: query.callId });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    if (query.county) qb.andWhere('a.county = :county', { county: query.county });
    if (query.q) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(a.reference ILIKE :q OR a.entity_name ILIKE :q)', { q: pattern });
    }
    const [items, total] = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async updateDraft(
    user: AuthUser,
    id: string,
    form: Record<string, unknown>,
  ): Promise<Application> {
    await this.assertDraftTypes(form);
    return this.outbox.transaction(async (manager) => {
      const application = await this.own(manager, user, id);
      if (!isEditable(application.state)) {
        throw ApiError.conflict('NOT_A_DRAFT', {
          pl: 'Złożonego wniosku nie można zmieniać (chyba że ośrodek wezwał do uzupełnienia braków)',
          en: 'A submitted application cannot be changed (unless the centre asked for corrections)',
        });
      }
      application.form = form;
      this.denormalize(application);
      application.updatedAt = this.clock.now();
      return manager.save(application);
    });
  }

  /** Every problem of the form at once, checked against its call; the amount when it follows. */
  private async check(
    manager: EntityManager,
    application: Application,
    call: CallReadModel,
    firstSubmission: Date,
  ): Promise<{ problems: ReturnType<typeof mergeProblems>; amount?: RequestedAmount }> {
    const groupId = text(field(field(application.form, 'applicant'), 'groupId'));
    let group: { state: string; plannedLegalForm: LegalForm } | null | undefined;
    if (groupId !== undefined) {
      const found = UUID.test(groupId)
        ? await manager.findOne(InitiativeGroup, {
            where: { id: groupId, leaderId: application.applicantId },
          })
        : null;
      group = found
        ? { state: found.state, plannedLegalForm: found.plannedLegalForm as LegalForm }
        : null;
    }
    const day = warsawDate(firstSubmission);
    const result = checkApplication(application.form, {
      call: {
        counties: call.counties,
        maxJobsPerEntity: call.maxJobsPerEntity,
        fundingModel: call.fundingModel as FundingModel,
      },
      onDate: day,
      firstSubmissionDate: day,
      group,
      // Only the rows that can be in force in the counted period (three years and a week back).
      exchangeRates: await manager.find(ExchangeRateReadModel, {
        where: { validFrom: MoreThanOrEqual(addMonths(day, -37)) },
      }),
    });
    const problems = mergeProblems(
      await formProblems(ApplicationFormDto, application.form, 'submit'),
      fieldProblems(result.problems),
    );
    return { problems, amount: result.amount };
  }

  /**
   * Submits the draft (only while its call is open), or answers a correction request with a new
   * version (within the term). Idempotent: a repeated or concurrent submit waits on the row lock
   * and returns the same submission, with one event.
   */
  async submit(user: AuthUser, id: string): Promise<Application> {
    return this.outbox.transaction(async (manager, emit) => {
      const application = await this.own(manager, user, id);
      if (application.state === 'submitted' && application.reference) return application;
      if (application.state !== 'draft' && application.state !== 'corrections-requested') {
        throw ApiError.conflict('NOT_A_DRAFT', {
          pl: 'Tego wniosku nie można złożyć w obecnym stanie',
          en: 'This application cannot be submitted in its current state',
        });
      }
      const now = this.clock.now();
      const call = await manager.findOneOrFail(CallReadModel, {
        where: { id: application.callId },
      });
      const answering = application.state === 'corrections-requested';
      if (!answering && (now < call.opensAt || now >= call.closesAt)) {
        throw ApiError.unprocessable('CALL_CLOSED', {
          pl: 'Nabór nie jest otwarty: wniosek można złożyć tylko w czasie trwania naboru',
          en: 'The call is not open: applications can be submitted only while it is open',
        });
      }
      if (
        answering &&
        application.corrections &&
        !correctionInTime(now, new Date(application.corrections.deadline))
      ) {
        throw ApiError.unprocessable('CORRECTION_TERM_PASSED', {
          pl: 'Termin na uzupełnienie braków formalnych minął',
          en: 'The term for corrections has passed',
        });
      }
      const { problems, amount } = await this.check(
        manager,
        application,
        call,
        application.submittedAt ?? now,
      );
      if (problems.length > 0 || !amount)
        throw ApiError.unprocessable('FORM_INVALID', FORM_INVALID, problems);

      const fromState = application.state;
      const applicant = await recipientOf(manager, application.applicantId);
      if (answering) await this.timers.cancel(manager, CORRECTION_TIMER, application.id);
      application.submittedVersion += 1;
      await manager.insert(ApplicationVersion, {
        applicationId: application.id,
        version: application.submittedVersion,
        form: application.form as any,
        amount: amount as any,
        submittedAt: now,
      });
      // The year's reference counter is locked from here to the commit (that is what keeps the
      // numbers gap-free), so everything that does not need the number is done before it.
      application.reference ??= await nextReference(manager, warsawYear(now));
      application.state = 'submitted';
      application.submittedAt ??= now;
      application.amount = amount as unknown as Record<string, unknown>;
      application.requestedTotal = amount.total;
      if (answering && application.corrections) {
        application.corrections = { ...application.corrections, answeredAt: now.toISOString() };
      }
      application.updatedAt = now;
      await manager.update(Application, application.id, {
        state: application.state,
        reference: application.reference,
        submittedVersion: application.submittedVersion,
        submittedAt: application.submittedAt,
        amount: application.amount as any,
        requestedTotal: application.requestedTotal,
        corrections: application.corrections as any,
        updatedAt: now,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: answering ? 'corrections-answered' : 'submitted',
        fromState,
        toState: 'submitted',
        changes: {
          reference: application.reference,
          version: application.submittedVersion,
          requestedTotal: amount.total,
        },
      });
      if (answering) {
        await emit('applications.application.corrections-answered', {
          applicationId: application.id,
          reference: application.reference,
          callId: call.id,
          version: application.submittedVersion,
          answeredAt: now.toISOString(),
          applicant,
        });
      } else {
        await emit('applications.application.submitted', {
          applicationId: application.id,
          reference: application.reference,
          version: application.submittedVersion,
          callId: call.id,
          callNumber: call.number,
          callTitle: call.title,
          submittedAt: now.toISOString(),
          applicant,
        });
      }
      return application;
    });
  }

  /** The applicant withdraws the application before the formal decision. Idempotent. */
  async withdraw(user: AuthUser, id: string): Promise<Application> {
    return this.outbox.transaction(async (manager, emit) => {
      const application = await this.own(manager, user, id);
      if (application.state === 'withdrawn') return application;
      if (!canWithdraw(application.state)) {
        throw ApiError.conflict('CANNOT_WITHDRAW', {
          pl: 'Wniosku nie można już wycofać: ocena formalna została zakończona',
          en: 'The application can no longer be withdrawn: the formal check is over',
        });
      }
      const now = this.clock.now();
      const fromState = application.state;
      application.state = 'withdrawn';
      application.withdrawnAt = now;
      application.updatedAt = now;
      await manager.save(application);
      await this.timers.cancel(manager, CORRECTION_TIMER, application.id);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'withdrawn',
        fromState,
        toState: 'withdrawn',
      });
      await emit('applications.application.withdrawn', {
        applicationId: application.id,
        reference: application.reference,
        callId: application.callId,
        withdrawnAt: now.toISOString(),
        applicant: await recipientOf(manager, application.applicantId),
      });
      return application;
    });
  }

  /** The operator's formal check: accepted, corrections requested, or rejected. */
  async formalCheck(user: AuthUser, id: string, dto: FormalCheckDto): Promise<Application> {
    if (dto.result !== 'corrections' && dto.issues !== undefined) {
      throw validationFailed([
        {
          path: 'issues',
          message: {
            pl: 'Braki wskazuje się tylko przy wezwaniu do uzupełnienia',
            en: 'Issues are given only when requesting corrections',
          },
        },
      ]);
    }
    if (dto.result !== 'rejected' && dto.reasons !== undefined) {
      throw validationFailed([
        {
          path: 'reasons',
          message: {
            pl: 'Powody podaje się tylko przy odrzuceniu',
            en: 'Reasons are given only when rejecting',
          },
        },
      ]);
    }
    return this.outbox.transaction(async (manager, emit) => {
      const application = await this.visible(manager, user, id, true);
      const refusal = formalCheckRefusal(
        application.state,
        dto.result,
        application.correctionRounds,
        this.env.CORRECTION_ROUNDS,
      );
      if (refusal === 'notAwaitingCheck') {
        throw ApiError.conflict('NOT_AWAITING_FORMAL_CHECK', {
          pl: 'Wniosek nie oczekuje na ocenę formalną',
          en: 'The application is not awaiting a formal check',
        });
      }
      if (refusal === 'noCorrectionRoundsLeft') {
        throw ApiError.conflict('NO_CORRECTION_ROUNDS_LEFT', {
          pl: 'Wykorzystano już dopuszczalną liczbę wezwań do uzupełnienia; wniosek należy przyjąć lub odrzucić',
          en: 'No correction rounds are left; the application must be accepted or rejected',
        });
      }
      if (dto.result === 'accepted') {
        // Rules across applications: the later application waits until the conflict is resolved.
        const conflicts = await crossApplicationConflictsOf(manager, application);
        if (conflicts.length > 0) throw crossApplicationConflictError(conflicts);
      }
      const now = this.clock.now();
      const call = await manager.findOneOrFail(CallReadModel, {
        where: { id: application.callId },
      });
      const applicant = await recipientOf(manager, application.applicantId);
      const reference = application.reference as string;
      const toState = stateAfterFormalCheck(dto.result);
      application.state = toState;
      application.updatedAt = now;
      let changes: Record<string, unknown> = {};

      if (dto.result === 'corrections') {
        const term = workingDayTerm(now, call.correctionTermWorkingDays);
        application.correctionRounds += 1;
        application.corrections = {
          round: application.correctionRounds,
          issues: (dto.issues ?? []).map((i) => ({
            ...(i.path ? { path: i.path } : {}),
            description: i.description,
          })),
          termWorkingDays: call.correctionTermWorkingDays,
          lastDay: term.lastDay,
          deadline: term.deadline.toISOString(),
          requestedAt: now.toISOString(),
          requestedBy: user.id,
        };
        changes = { corrections: application.corrections };
        await manager.save(application);
        await this.timers.schedule(manager, {
          kind: CORRECTION_TIMER,
          entityId: application.id,
          dueAt: correctionTimerDueAt(term.deadline),
          payload: { round: application.correctionRounds },
        });
        await emit('applications.application.corrections-requested', {
          applicationId: application.id,
          reference,
          callId: call.id,
          version: application.submittedVersion,
          issues: application.corrections.issues,
          termWorkingDays: call.correctionTermWorkingDays,
          lastDay: term.lastDay,
          deadline: toWarsawIso(term.deadline),
          requestedAt: now.toISOString(),
          applicant,
        });
      } else if (dto.result === 'rejected') {
        application.decidedAt = now;
        application.decidedBy = user.id;
        application.decisionReasons = dto.reasons ?? [];
        changes = { reasons: application.decisionReasons };
        await manager.save(application);
        await emit('applications.application.formally-rejected', {
          applicationId: application.id,
          reference,
          callId: call.id,
          reasons: application.decisionReasons,
          automatic: false,
          decidedAt: now.toISOString(),
          applicant,
        });
      } else {
        application.decidedAt = now;
        application.decidedBy = user.id;
        await manager.save(application);
        await emit(
          'applications.application.formally-accepted',
          await this.acceptedPayload(manager, application, now, applicant),
        );
      }
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: `formal-check.${dto.result}`,
        fromState: 'submitted',
        toState,
        changes,
      });
      return application;
    });
  }

  /** What grants needs to evaluate and fund the application: no PESEL, no employees' names. */
  private async acceptedPayload(
    manager: EntityManager,
    application: Application,
    now: Date,
    applicant: Awaited<ReturnType<typeof recipientOf>>,
  ) {
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

  /** The durable timer of a correction term: an unanswered request rejects the form. */
  private async correctionTermLapsed(
    timer: DueTimer,
    manager: EntityManager,
    emit: Emit,
  ): Promise<void> {
    const application = await manager.findOne(Application, {
      where: { id: timer.entityId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application || application.state !== 'corrections-requested') return;
    const corrections = application.corrections;
    if (!corrections || corrections.round !== timer.payload.round) return;
    const now = this.clock.now();
    application.state = 'formally-rejected';
    application.decidedAt = now;
    application.decidedBy = null;
    application.decisionReasons = [AUTOMATIC_REJECTION];
    application.updatedAt = now;
    await manager.save(application);
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'application',
      entityId: application.id,
      action: 'formal-check.rejected-automatically',
      fromState: 'corrections-requested',
      toState: 'formally-rejected',
      changes: { reasons: application.decisionReasons, deadline: corrections.deadline },
    });
    await emit('applications.application.formally-rejected', {
      applicationId: application.id,
      reference: application.reference as string,
      callId: application.callId,
      reasons: application.decisionReasons,
      automatic: true,
      decidedAt: now.toISOString(),
      applicant: await recipientOf(manager, application.applicantId),
    });
  }

  /**
   * Conflicts with other applications (docs/product.md#rules-across-applications), for the staff
   * only: to anyone else the list does not exist (404, as for an application they cannot see).
   */
  async conflicts(user: AuthUser, id: string) {
    if (!isStaff(user)) throw ApiError.notFound(NOT_FOUND);
    const application = await this.visible(this.dataSource.manager, user, id);
    return this.conflictsOf(application);
  }

  /** The conflicts of an application the caller (staff) already holds. */
  async conflictsOf(application: Application) {
    return {
      items: conflictsView(await crossApplicationConflictsOf(this.dataSource.manager, application)),
    };
  }

  /** The submitted versions, each with what changed since the one before. */
  async versions(user: AuthUser, id: string) {
    const application = await this.visible(this.dataSource.manager, user, id);
    const versions = await this.dataSource.getRepository(ApplicationVersion).find({
      where: { applicationId: application.id },
      order: { version: 'ASC' },
    });
    return {
      items: versions.map((v, i) => ({
        version: v.version,
        submittedAt: toWarsawIso(v.submittedAt),
        amount: v.amount,
        form: v.form,
        changes: i === 0 ? null : diffForms(versions[i - 1].form, v.form),
      })),
    };
  }

  /** Submitted applications of a call (or all) as CSV with Polish headers, UTF-8 with BOM. */
  async exportCsv(callId?: string): Promise<string> {
    const qb = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(CallReadModel, 'c', 'c.id = a.call_id')
      .select([
        'a.reference AS reference',
        'c.number AS call_number',
        'a.state AS state',
        'a.entity_name AS entity_name',
        'a.applicant_kind AS applicant_kind',
        'a.county AS county',
        `jsonb_array_length(COALESCE(v.form -> 'jobs', '[]'::jsonb)) AS jobs`,
        'a.requested_total AS requested_total',
        'a.submitted_at AS submitted_at',
        'a.submitted_version AS version',
      ])
      .leftJoin(
        ApplicationVersion,
        'v',
        'v.application_id = a.id AND v.version = a.submitted_version',
      )
      .where('a.reference IS NOT NULL')
      .orderBy('a.reference', 'ASC');
    if (callId) qb.andWhere('a.call_id = :callId', { callId });
    const rows: Record<string, any>[] = await qb.getRawMany();
    const records = rows.map((r) => {
      const total = r.requested_total === null ? null : Number(r.requested_total);
      return [
        r.reference,
        r.call_number,
        STATE_PL[r.state as ApplicationState] ?? r.state,
        r.entity_name ?? '',
        KIND_PL[r.applicant_kind as ApplicantKind] ?? '',
        r.county ?? '',
        r.county ? (countyByTeryt(r.county)?.name ?? '') : '',
        Number(r.jobs ?? 0),
        total === null ? '' : groszeToDecimalString(total).replace('.', ','),
        total === null ? '' : formatPln(total),
        r.submitted_at ? toWarsawIso(new Date(r.submitted_at)) : '',
        r.version,
      ];
    });
    return stringify(records, {
      bom: true,
      header: true,
      columns: CSV_HEADERS,
      record_delimiter: '\r\n',
    });
  }
}

const STATE_PL: Record<ApplicationState, string> = {
  draft: 'roboczy',
  submitted: 'złożony',
  'corrections-requested': 'wezwany do uzupełnienia',
  'formally-accepted': 'oceniony pozytywnie formalnie',
  'formally-rejected': 'odrzucony formalnie',
  withdrawn: 'wycofany',
};

const KIND_PL: Record<ApplicantKind, string> = {
  'initiative-group': 'grupa inicjatywna',
  'social-enterprise': 'przedsiębiorstwo społeczne',
  'social-economy-entity': 'podmiot ekonomii społecznej',
};

const CSV_HEADERS = [
  'Numer wniosku',
  'Nabór',
  'Stan',
  'Wnioskodawca',
  'Rodzaj wnioskodawcy',
  'Kod powiatu (TERYT)',
  'Powiat',
  'Liczba miejsc pracy',
  'Wnioskowana kwota (zł)',
  'Wnioskowana kwota',
  'Data złożenia',
  'Wersja',
];

export function applicationView(a: Application) {
  return {
    id: a.id,
    callId: a.callId,
    state: a.state,
    reference: a.reference,
    version: a.submittedVersion,
    applicantKind: a.applicantKind,
    entityName: a.entityName,
    county: a.county,
    form: a.form,
    amount:
      a.requestedTotal === null
        ? null
        : { ...a.amount, totalFormatted: formatPln(a.requestedTotal) },
    corrections: a.corrections,
    decision: a.decidedAt
      ? {
          decidedAt: toWarsawIso(a.decidedAt),
          reasons: a.decisionReasons ?? [],
          automatic: a.decidedBy === null,
        }
      : null,
    submittedAt: a.submittedAt ? toWarsawIso(a.submittedAt) : null,
    withdrawnAt: a.withdrawnAt ? toWarsawIso(a.withdrawnAt) : null,
    createdAt: toWarsawIso(a.createdAt),
    updatedAt: toWarsawIso(a.updatedAt),
  };
}
