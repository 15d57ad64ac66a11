import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, AuditService, Clock } from '@app/common';
import { field, invalid, isUniqueViolation } from '../../../shared/problems.js';
import { InterestRate } from '../../interest-rate.entity.js';
import type { InterestRateDto } from '../../interest-rates.dto.js';
import { InterestRatesErrors } from '../../interest-rates.errors.js';

export interface AddInterestRateInput {
  readonly rate: InterestRateDto;
}

/**
 * A statutory interest rate in force from a day. Rows are never edited: a change of the rate is
 * a new row from the day it applies (a refund already claimed stays explainable).
 */
@Injectable()
export class AddInterestRate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async execute({ rate: dto }: AddInterestRateInput): Promise<InterestRate> {
    if (!/^\d{1,3}(\.\d{1,6})?$/.test(dto.ratePercent)) {
      throw invalid([
        field('ratePercent', 'Nieprawidłowa stopa procentowa', 'Invalid interest rate'),
      ]);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rate = manager.create(InterestRate, {
          validFrom: dto.validFrom,
          ratePercent: dto.ratePercent,
          createdAt: this.clock.now(),
        });
        await manager.insert(InterestRate, rate);
        await this.audit.record(manager, {
          entityType: 'interest-rate',
          entityId: '00000000-0000-0000-0000-000000000000',
          action: 'added',
          changes: { ...dto },
        });
        return rate;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict(InterestRatesErrors.RATE_EXISTS, {
          pl: 'Stopa od tego dnia już istnieje (zmiana to nowy wpis od nowej daty)',
          en: 'A rate from this day already exists (a change is a new entry from a new date)',
        });
      }
      throw error;
    }
  }
}
