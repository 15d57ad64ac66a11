import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ApiError,
  Clock,
  DEFAULT_FUNDING_MODEL,
  DEFAULT_MAX_JOBS_PER_ENTITY,
  OutboxService,
  isValidTeryt,
  validateFundingModel,
  type AuthUser,
  type FieldProblem,
  type FundingModel,
} from '@app/common';
import { Call } from './call.entity.js';
import type { CreateCallDto } from './calls.dto.js';

const NOT_FOUND = { pl: 'Nie ma takiego naboru', en: 'No such call' };
const UNIQUE_VIOLATION = '23505';

/** Defaults of SPEC §3.2 — per-call settings, never constants of the rules. */
export const CALL_DEFAULTS = {
  passThresholdPercent: 60,
  divergencePercent: 30,
  correctionTermWorkingDays: 5,
  appealTermWorkingDays: 5,
  maxJobsPerEntity: DEFAULT_MAX_JOBS_PER_ENTITY,
};

function problem(path: string, pl: string, en: string): FieldProblem {
  return { path, message: { pl, en } };
}

@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private validate(dto: CreateCallDto): { fundingModel: FundingModel; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (!(closesAt > opensAt)) {
      problems.push(
        problem('closesAt', 'Zamknięcie naboru musi nastąpić po jego otwarciu', 'The call must close after it opens'),
      );
    }
    dto.counties.forEach((code, i) => {
      if (!isValidTeryt(code)) {
        problems.push(problem(`counties[${i}]`, 'Nieznany kod powiatu TERYT', 'Unknown TERYT county code'));
      }
    });
    if (new Set(dto.counties).size !== dto.counties.length) {
      problems.push(problem('counties', 'Powiaty powtarzają się', 'Counties are repeated'));
    }
    const ids = dto.criteria.map((c) => c.id);
    if (new Set(ids).size !== ids.length) {
      problems.push(problem('criteria', 'Identyfikatory kryteriów powtarzają się', 'Criterion ids are repeated'));
    }
    dto.criteria.forEach((c, i) => {
      if (c.minPoints !== undefined && c.minPoints > c.maxPoints) {
        problems.push(
          problem(`criteria[${i}].minPoints`, 'Minimum przekracza maksimum punktów', 'The minimum exceeds the maximum points'),
        );
      }
    });
    const fundingModel = (dto.fundingModel as unknown as FundingModel | undefined) ?? DEFAULT_FUNDING_MODEL;
    if (fundingModel.kind !== 'unit-rates' && fundingModel.kind !== 'grant-bridging') {
      problems.push(problem('fundingModel.kind', 'Nieznany model finansowania', 'Unknown funding model'));
    } else {
      for (const p of validateFundingModel(fundingModel)) {
        problems.push(problem(p.path, `Nieprawidłowa wartość (${p.code})`, `Invalid value (${p.code})`));
      }
    }
    return { fundingModel, problems };
  }

  async create(user: AuthUser, dto: CreateCallDto): Promise<Call> {
    const { fundingModel, problems } = this.validate(dto);
    if (problems.length > 0) {
      throw ApiError.badRequest('VALIDATION_FAILED', { pl: 'Dane zawierają błędy', en: 'The data contains errors' }, problems);
    }
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(Call);
    try {
      return await repo.save(
        repo.create({
          number: dto.number,
          title: dto.title,
          opensAt: new Date(dto.opensAt),
          closesAt: new Date(dto.closesAt),
          budget: dto.budget,
          counties: dto.counties,
          fundingModel,
          criteria: dto.criteria.map((c) => ({ ...c })),
          passThresholdPercent: dto.passThresholdPercent ?? CALL_DEFAULTS.passThresholdPercent,
          divergencePercent: dto.divergencePercent ?? CALL_DEFAULTS.divergencePercent,
          correctionTermWorkingDays: dto.correctionTermWorkingDays ?? CALL_DEFAULTS.correctionTermWorkingDays,
          appealTermWorkingDays: dto.appealTermWorkingDays ?? CALL_DEFAULTS.appealTermWorkingDays,
          maxJobsPerEntity: dto.maxJobsPerEntity ?? CALL_DEFAULTS.maxJobsPerEntity,
          status: 'draft',
          publishedAt: null,
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw ApiError.conflict('CALL_NUMBER_TAKEN', {
          pl: 'Nabór o tym numerze już istnieje',
          en: 'A call with this number already exists',
        });
      }
      throw error;
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
      const call = await manager.findOne(Call, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!call) throw ApiError.notFound(NOT_FOUND);
      if (call.status === 'published') return call;
      const now = this.clock.now();
      if (call.closesAt <= now) {
        throw ApiError.unprocessable('CALL_ALREADY_CLOSED', {
          pl: 'Nie można opublikować naboru, którego termin już minął',
          en: 'A call whose closing moment has passed cannot be published',
        });
      }
      call.status = 'published';
      call.publishedAt = now;
      call.updatedAt = now;
      await manager.save(call);
      await emit('grants.call.published', {
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
      });
      return call;
    });
  }
}
