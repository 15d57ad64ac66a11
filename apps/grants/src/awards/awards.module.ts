import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { MonitoringController } from '../monitoring/monitoring.controller.js';
import { MonitoringScheduler } from '../monitoring/monitoring.scheduler.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { AwardsController } from './awards.controller.js';
import { AwardsService } from './awards.service.js';
import { BridgingExtensionsService } from './bridging-extensions.service.js';

/** Awards after the decision: agreements, payments, job monitoring, refunds and settlement. */
@Module({
  imports: [EvaluationModule, ExchangeRatesModule],
  controllers: [AwardsController, MonitoringController],
  providers: [AwardsService, BridgingExtensionsService, MonitoringService, MonitoringScheduler],
})
export class AwardsModule {}
