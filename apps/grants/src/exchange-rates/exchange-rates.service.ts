import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  warsawDate,
  type ExchangeRate,
} from '@app/common';
import { field, invalid, isUniqueViolation } from '../shared/problems.js';
import { ExchangeRateRow } from './exchange-rate.entity.js';
import { ExchangeRatesErrors } from './exchange-rates.errors.js';
import type { ExchangeRateDto } from './exchange-rates.dto.js';

/**
 * The euro rates de minimis aid is converted at. Operators add the NBP table A rate of a day;
 * rows are never edited or removed (a certificate issued at a rate must stay explainable), and
 * every new row is published to applications, which checks the ceiling at submission.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(manager: EntityManager = this.dataSource.manager): Promise<ExchangeRate[]> {
    const rows = await manager.find(ExchangeRateRow, { order: { validFrom: 'ASC' } });
    return rows.map((r) => ({ validFrom: r.validFrom, plnPerEur: r.plnPerEur }));
  }

  async add(actorId: string, dto: ExchangeRateDto): Promise<ExchangeRate> {
    if (Number(dto.plnPerEur) === 0)
      throw invalid([field('plnPerEur', 'Kurs nie może być zerowy', 'The rate cannot be zero')]);
    if (dto.validFrom > warsawDate(this.clock.now()))
      throw invalid([
        field(
          'validFrom',
          'Kurs NBP ogłasza się w dniu, od którego obowiązuje: data nie może być przyszła',
          'NBP publishes a rate on the day it applies from: the day cannot be in the future',
        ),
      ]);
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        await manager.insert(ExchangeRateRow, {
          validFrom: dto.validFrom,
          plnPerEur: dto.plnPerEur,
          createdAt: this.clock.now(),
        });
        await this.audit.record(manager, {
          actorId,
          entityType: 'exchange-rate',
          entityId: '00000000-0000-0000-0000-000000000000',
          action: 'added',
          changes: { currency: 'EUR', ...dto },
        });
        await emit('grants.exchange-rate.added', {
          currency: 'EUR',
          validFrom: dto.validFrom,
          plnPerEur: dto.plnPerEur,
        });
        return { validFrom: dto.validFrom, plnPerEur: dto.plnPerEur };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict(ExchangeRatesErrors.RATE_EXISTS, {
          pl: 'Kurs z tego dnia już istnieje (kursów się nie zmienia: każdy dzień ma swój)',
          en: 'A rate for this day already exists (rates are never changed: each day has its own)',
        });
      }
      throw error;
    }
  }
}
