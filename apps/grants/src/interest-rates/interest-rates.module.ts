import { Module } from '@nestjs/common';
import { InterestRatesController } from './interest-rates.controller.js';
import { AddInterestRate } from './use-cases/add-interest-rate/add-interest-rate.use-case.js';
import { ListInterestRates } from './use-cases/list-interest-rates/list-interest-rates.use-case.js';

/**
 * Statutory interest (odsetki ustawowe, art. 359 §2¹ KC) as a dated setting: the rates refund
 * claims compute interest with (`GET/POST /api/interest-rates`).
 */
@Module({
  controllers: [InterestRatesController],
  providers: [ListInterestRates, AddInterestRate],
  exports: [ListInterestRates],
})
export class InterestRatesModule {}
