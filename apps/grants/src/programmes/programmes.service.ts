import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ApiError,
  Clock,
  isValidTeryt,
  type AuthUser,
  type FieldProblem,
  AuditService,
} from '@app/common';
import { CentresService } from '../centres/centres.service.js';
import { field, invalid, isUniqueViolation } from '../shared/problems.js';
import { Programme } from './programme.entity.js';
import { ProgrammesErrors } from './programmes.errors.js';
import type { CreateProgrammeDto, UpdateProgrammeDto } from './programmes.dto.js';

const NOT_FOUND = { pl: 'Nie ma takiego programu', en: 'No such programme' };

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly centres: CentresService,
  ) {}

  private problems(dto: Partial<CreateProgrammeDto>): FieldProblem[] {
    const problems: FieldProblem[] = [];
    dto.counties?.forEach((code, i) => {
      if (!isValidTeryt(code))
        problems.push(
          field(`counties[${i}]`, 'Nieznany kod powiatu TERYT', 'Unknown TERYT county code'),
        );
    });
    if (dto.counties && new Set(dto.counties).size !== dto.counties.length) {
      problems.push(field('counties', 'Powiaty powtarzają się', 'Counties are repeated'));
    }
    const years = dto.yearlyBudgets?.map((b) => b.year) ?? [];
    if (new Set(years).size !== years.length) {
      problems.push(field('yearlyBudgets', 'Lata powtarzają się', 'Years are repeated'));
    }
    return problems;
  }

  async create(user: AuthUser, dto: CreateProgrammeDto): Promise<Programme> {
    const problems = this.problems(dto);
    if (problems.length > 0) throw invalid(problems);
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const centre = await this.centres.forCreation(manager, user, dto.centreId);
        const outside = this.centres.countyProblems(centre, dto.counties);
        if (outside.length > 0) throw invalid(outside);
        const programme = await manager.save(
          manager.create(Programme, {
            centreId: centre.id,
            name: dto.name,
            counties: dto.counties,
            yearlyBudgets: [...dto.yearlyBudgets]
              .sort((a, b) => a.year - b.year)
              .map((b) => ({ ...b })),
            targets: { ...dto.targets },
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.audit.record(manager, {
          entityType: 'programme',
          entityId: programme.id,
          action: 'created',
          changes: { ...dto },
        });
        return programme;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict(ProgrammesErrors.PROGRAMME_NAME_TAKEN, {
          pl: 'Program o tej nazwie już istnieje',
          en: 'A programme with this name already exists',
        });
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateProgrammeDto): Promise<Programme> {
    const problems = this.problems(dto);
    if (problems.length > 0) throw invalid(problems);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const programme = await manager.findOne(Programme, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!programme) throw ApiError.notFound(NOT_FOUND);
        if (dto.counties !== undefined) {
          const centre = await this.centres.get(manager, programme.centreId);
          const outside = this.centres.countyProblems(centre, dto.counties);
          if (outside.length > 0) throw invalid(outside);
        }
        if (dto.name !== undefined) programme.name = dto.name;
        if (dto.counties !== undefined) programme.counties = dto.counties;
        if (dto.yearlyBudgets !== undefined) {
          programme.yearlyBudgets = [...dto.yearlyBudgets]
            .sort((a, b) => a.year - b.year)
            .map((b) => ({ ...b }));
        }
        if (dto.targets !== undefined) programme.targets = { ...dto.targets };
        programme.updatedAt = this.clock.now();
        await manager.save(programme);
        await this.audit.record(manager, {
          entityType: 'programme',
          entityId: id,
          action: 'updated',
          changes: { ...dto },
        });
        return programme;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict(ProgrammesErrors.PROGRAMME_NAME_TAKEN, {
          pl: 'Program o tej nazwie już istnieje',
          en: 'A programme with this name already exists',
        });
      }
      throw error;
    }
  }

  async get(id: string): Promise<Programme> {
    const programme = await this.dataSource.getRepository(Programme).findOne({ where: { id } });
    if (!programme) throw ApiError.notFound(NOT_FOUND);
    return programme;
  }

  /** The programmes of the caller's centres (the row-level policy leaves out the others). */
  list(): Promise<Programme[]> {
    return this.dataSource.getRepository(Programme).find({ order: { createdAt: 'ASC' } });
  }
}
