import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DatedInterestRate } from '../../../domain/index.js';
import { InterestRate } from '../../interest-rate.entity.js';

export interface ListInterestRatesInput {
  /** Read in this transaction (the default: outside any). */
  readonly manager?: EntityManager;
}

/** The statutory interest rates, each in force from its day, oldest first. */
@Injectable()
export class ListInterestRates {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ manager = this.dataSource.manager }: ListInterestRatesInput = {}): Promise<
    DatedInterestRate[]
  > {
    const rows = await manager.find(InterestRate, { order: { validFrom: 'ASC' } });
    return rows.map((r) => ({ validFrom: r.validFrom, ratePercent: r.ratePercent }));
  }
}
