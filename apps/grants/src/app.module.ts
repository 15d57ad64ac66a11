import { Module, type DynamicModule } from '@nestjs/common';
import { GRANTS_ERRORS } from './errors.js';
import { PlatformModule, type Clock, AccountsReadModelModule } from '@app/common';
import { GrantsEnv } from './config/grants.env.js';
import { GRANTS_ENTITIES } from './entities.js';
import { CallsModule } from './calls/calls.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ProgrammesModule } from './programmes/programmes.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { AwardsModule } from './awards/awards.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { ExchangeRatesModule } from './exchange-rates/exchange-rates.module.js';
import { InterestRatesModule } from './interest-rates/interest-rates.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { GrantsMetricsModule } from './metrics/metrics.module.js';
import { CentresModule } from './centres/centres.module.js';
import { RegionModule } from './region/region.module.js';
import { WorklistModule } from './worklist/worklist.module.js';

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
}

/** The grants service: calls, evaluation, ranking, awards, monitoring. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'grants',
          envClass: GrantsEnv,
          rawEnv: options.env,
          entities: GRANTS_ENTITIES,
          clock: options.clock,
        }),
        AccountsReadModelModule.forService('grants'),
        CentresModule,
        AuditModule,
        ProgrammesModule,
        CallsModule,
        EvaluationModule,
        AwardsModule,
        MonitoringModule,
        IndicatorsModule,
        RegionModule,
        WorklistModule,
        ExchangeRatesModule,
        InterestRatesModule,
        GrantsMetricsModule,
      ],
    };
  }
}

export const GRANTS_DESCRIPTION = {
  errors: GRANTS_ERRORS,
  title: 'OWES Grants — grants',
  description:
    'Calls for applications (nabory), evaluation committee, ranking within the budget, appeals, agreements, payments, job monitoring, settlement and indicators.',
};
