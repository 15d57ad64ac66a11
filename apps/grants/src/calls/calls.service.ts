import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  DEFAULT_FUNDING_MODEL,
  DEFAULT_MAX_JOBS_PER_ENTITY,
  OutboxService,
  isValidTeryt,
  validateFundingModel,
  type AuthUser,
  type Emit,
  type EventPayload,
  type FieldProblem,
  type FundingModel,
  AuditService,
} from '@app/common';
import { validateCriteria } from '../domain/index.js';
import { CentresService } from '../centres/centres.service.js';
import type { Centre } from '../centres/centre.entity.js';
import { Programme } from '../programmes/programme.entity.js';
import { field, invalid, isUniqueViolation, toFieldProblems } from '../shared/problems.js';
import { Call } from './call.entity.js';
import { CallsErrors } from './calls.errors.js';
import type { CreateCallDto, UpdateCallDto } from './calls.dto.js';

const NOT_FOUND = { pl: 'Nie ma takiego naboru', en: 'No such call' };

/** Defaults of docs/product.md#calls — per-call settings, never constants of the rules. */
export const CALL_DEFAULTS = {
  passThresholdPercent: 60,
  divergencePercent: 30,
  correctionTermWorkingDays: 5,
  appealTermWorkingDays: 5,
  maxJobsPerEntity: DEFAULT_MAX_JOBS_PER_ENTITY,
  evaluationTermWorkingDays: 10,
  fundedMonths: 12,
  durabilityMonths: 6,
  reportDueDays: 7,
  refillMonths: 3,
  refundDueDays: 30,
};

/** The settings a DTO can carry, all present (a create DTO with defaults, or a call merged with an update). */
type CallSettings = Required<Omit<CreateCallDto, 'centreId' | 'programmeId' | 'fundingModel'>> & {
  programmeId: string | null;
  fundingModel: FundingModel;
};

function settingsOf(call: Call): CallSettings {
  return {
    number: call.number,
    title: call.title,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    budget: call.budget,
    counties: call.counties,
    fundingModel: call.fundingModel,
    criteria: call.criteria,
    passThresholdPercent: call.passThresholdPercent,
    divergencePercent: call.divergencePercent,
    correctionTermWorkingDays: call.correctionTermWorkingDays,
    appealTermWorkingDays: call.appealTermWorkingDays,
    maxJobsPerEntity: call.maxJobsPerEntity,
    programmeId: call.programmeId,
    evaluationTermWorkingDays: call.evaluationTermWorkingDays,
    fundedMonths: call.fundedMonths,
    durabilityMonths: call.durabilityMonths,
    reportDueDays: call.reportDueDays,
    refillMonths: call.refillMonths,
    refundDueDays: call.refundDueDays,
  };
}

function withDefaults(dto: CreateCallDto): CallSettings {
  return {
    ...CALL_DEFAULTS,
    ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
    programmeId: dto.programmeId ?? null,
    fundingModel:
      (dto.fundingModel as unknown as FundingModel | undefined) ?? DEFAULT_FUNDING_MODEL,
  } as CallSettings;
}

function apply(call: Call, s: CallSettings): void {
  call.number = s.number;
  call.title = s.title;
  call.opensAt = new Date(s.opensAt);
  call.closesAt = new Date(s.closesAt);
  call.budget = s.budget;
  call.counties = [...s.counties];
  call.fundingModel = s.fundingModel;
  call.criteria = s.criteria.map((c) => ({ ...c }));
  call.passThresholdPercent = s.passThresholdPercent;
  call.divergencePercent = s.divergencePercent;
  call.correctionTermWorkingDays = s.correctionTermWorkingDays;
  call.appealTermWorkingDays = s.appealTermWorkingDays;
  call.maxJobsPerEntity = s.maxJobsPerEntity;
  call.programmeId = s.programmeId;
  call.evaluationTermWorkingDays = s.evaluationTermWorkingDays;
  call.fundedMonths = s.fundedMonths;
  call.durabilityMonths = s.durabilityMonths;
  call.reportDueDays = s.reportDueDays;
  call.refillMonths = s.refillMonths;
  call.refundDueDays = s.refundDueDays;
}

@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
  ) {}

  private async validate(manager: EntityManager, s: CallSettings, centre: Centre): Promise<void> {
    const problems: FieldProblem[] = [...this.centres.countyProblems(centre, s.counties)];
    if (!(new Date(s.closesAt) > new Date(s.opensAt))) {
      problems.push(
        field(
          'closesAt',
          'Zamknięcie naboru musi nastąpić po jego otwarciu',
          'The call must close after it opens',
        ),
      );
    }
    s.counties.forEach((code, i) => {
      if (!isValidTeryt(code))
        problems.push(
          field(`counties[${i}]`, 'Nieznany kod powiatu TERYT', 'Unknown TERYT county code'),
        );
    });
    if (new Set(s.counties).size !== s.counties.length) {
      problems.push(field('counties', 'Powiaty powtarzają się', 'Counties are repeated'));
    }
    problems.push(...toFieldProblems(validateCriteria(s.criteria)));
    const model = s.fundingModel as Partial<FundingModel> | null;
    if (
      !model ||
      typeof model !== 'object' ||
      (model.kind !== 'unit-rates' && model.kind !== 'grant-bridging')
    ) {
      problems.push(
        field('fundingModel.kind', 'Nieznany model finansowania', 'Unknown funding model'),
      );
    } else {
      problems.push(...toFieldProblems(validateFundingModel(model as FundingModel)));
    }
    if (s.programmeId) {
      const programme = await manager.findOne(Programme, { where: { id: s.programmeId } });
      if (!programme) {
        problems.push(field('programmeId', 'Nie ma takiego programu', 'No such programme'));
      } else if (programme.centreId !== centre.id) {
        problems.push(
          field(
            'programmeId',
            'Program innego ośrodka niż nabór',
            "The programme is another centre's than the call",
          ),
        );
      } else {
        s.counties.forEach((code, i) => {
          if (!programme.counties.includes(code)) {
            problems.push(
              field(
                `counties[${i}]`,
                'Powiat spoza obszaru programu',
                'County outside the programme',
              ),
            );
          }
        });
      }
    }
    if (problems.length > 0) throw invalid(problems);
  }

  async create(user: AuthUser, dto: CreateCallDto): Promise<Call> {
    const settings = withDefaults(dto);
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const centre = await this.centres.forCreation(manager, user, dto.centreId);
        await this.validate(manager, settings, centre);
        const call = manager.create(Call, {
          centreId: centre.id,
          status: 'draft',
          publishedAt: null,
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
          rulesLockedAt: null,
          rankingApprovedAt: null,
          rankingApprovedBy: null,
          rankingVersion: 0,
          appealsSettledAt: null,
        });
        apply(call, settings);
        await manager.save(call);
        await this.audit.record(manager, {
          entityType: 'call',
          entityId: call.id,
          action: 'created',
          toState: 'draft',
          changes: settingsOf(call) as unknown as Record<string, unknown>,
        });
        return call;
      });
    } catch (error) {
      throw this.numberTaken(error);
    }
  }

  private numberTaken(error: unknown): unknown {
    return isUniqueViolation(error)
      ? ApiError.conflict(CallsErrors.CALL_NUMBER_TAKEN, {
          pl: 'Nabór o tym numerze już istnieje',
          en: 'A call with this number already exists',
        })
      : error;
  }

  /**
   * Changes a call's settings. A published call's rules cannot change once a form was submitted
   * (grants learns of submissions from `applications.application.submitted`); a published call
   * changed before that is published again, so `applications` sees the new rules.
   */
  async update(id: string, dto: UpdateCallDto): Promise<Call> {
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const call = await manager.findOne(Call, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!call) throw ApiError.notFound(NOT_FOUND);
        if (call.rulesLockedAt) {
          throw ApiError.conflict(CallsErrors.CALL_RULES_LOCKED, {
            pl: 'Zasad naboru nie można zmienić: złożono już wniosek',
            en: "The call's rules cannot change: a form has already been submitted",
          });
        }
        const before = settingsOf(call);
        const given = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
        const merged = { ...before, ...given } as CallSettings;
        await this.validate(manager, merged, await this.centres.get(manager, call.centreId));
        const now = this.clock.now();
        if (call.status === 'published' && new Date(merged.closesAt) <= now) {
          throw ApiError.unprocessable(CallsErrors.CALL_ALREADY_CLOSED, {
            pl: 'Termin zamknięcia opublikowanego naboru musi przypadać w przyszłości',
            en: "A published call's closing moment must lie in the future",
          });
        }
        apply(call, merged);
        call.updatedAt = now;
        await manager.save(call);
        await this.audit.record(manager, {
          entityType: 'call',
          entityId: id,
          action: 'updated',
          changes: given,
        });
        if (call.status === 'published') await this.emitPublished(call, emit, now);
        return call;
      });
    } catch (error) {
      throw this.numberTaken(error);
    }
  }

  async get(id: string): Promise<Call> {
    const call = await this.dataSource.getRepository(Call).findOne({ where: { id } });
    if (!call) throw ApiError.notFound(NOT_FOUND);
    return call;
  }

  list(): Promise<Call[]> {
    return this.dataSource.getRepository(Call).find({ order: { createdAt: 'DESC' } });
  }

  /** Publishes a call: `grants.call.published` tells `applications` to accept forms for it. */
  async publish(id: string): Promise<Call> {
    return this.outbox.transaction(async (manager, emit) => {
      const call = await manager.findOne(Call, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!call) throw ApiError.notFound(NOT_FOUND);
      if (call.status === 'published') return call;
      const now = this.clock.now();
      if (call.closesAt <= now) {
        throw ApiError.unprocessable(CallsErrors.CALL_ALREADY_CLOSED, {
          pl: 'Nie można opublikować naboru, którego termin już minął',
          en: 'A call whose closing moment has passed cannot be published',
        });
      }
      call.status = 'published';
      call.publishedAt = now;
      call.updatedAt = now;
      await manager.save(call);
      await this.audit.record(manager, {
        entityType: 'call',
        entityId: id,
        action: 'published',
        fromState: 'draft',
        toState: 'published',
      });
      await this.emitPublished(call, emit, now);
      return call;
    });
  }

  private async emitPublished(call: Call, emit: Emit, now: Date): Promise<void> {
    await emit('grants.call.published', callPublishedPayload(call, now));
  }
}

/** What `grants.call.published` says of a call (also written by the demo seed). */
export function callPublishedPayload(call: Call, now: Date): EventPayload<'grants.call.published'> {
  return {
    centreId: call.centreId,
    callId: call.id,
    number: call.number,
    title: call.title,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    budget: call.budget,
    counties: call.counties,
    fundingModel: call.fundingModel,
    maxJobsPerEntity: call.maxJobsPerEntity,
    correctionTermWorkingDays: call.correctionTermWorkingDays,
    appealTermWorkingDays: call.appealTermWorkingDays,
    publishedAt: now.toISOString(),
    // applications weighs the programme's other calls in the rules across applications
    ...(call.programmeId ? { programmeId: call.programmeId } : {}),
  };
}
