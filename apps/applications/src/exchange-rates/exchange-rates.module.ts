import { Module } from '@nestjs/common';
import { ExchangeRatesEventsController } from './exchange-rates.events.js';

@Module({ controllers: [ExchangeRatesEventsController] })
export class ExchangeRatesModule {}
