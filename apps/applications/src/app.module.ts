import { Module, type DynamicModule } from '@nestjs/common';
import { APPLICATIONS_ERRORS } from './errors.js';
import { PlatformModule, TokenChecker, TokenVerifier, type Clock } from '@app/common';
import { ApplicationsEnv } from './config/applications.env.js';
import { APPLICATIONS_ENTITIES } from './entities.js';
import { IdentityModule } from './identity/identity.module.js';
import { CentresModule } from './centres/centres.module.js';
import { KeysService, LocalTokenVerifier } from './identity/keys.service.js';
import { SessionTokenChecker } from './identity/session-token-checker.js';
import { CallsModule } from './calls/calls.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuditModule } from './audit/audit.module.js';
import { InitiativeGroupsModule } from './initiative-groups/initiative-groups.module.js';
import { TimersModule } from './timers/timers.module.js';
import { ExchangeRatesModule } from './exchange-rates/exchange-rates.module.js';
import { EvaluatorDirectoryModule } from './evaluator-directory/evaluator-directory.module.js';

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
}

/** The applications service: applicant accounts, calls read model, groups and application forms. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'applications',
          envClass: ApplicationsEnv,
          rawEnv: options.env,
          entities: APPLICATIONS_ENTITIES,
          clock: options.clock,
          tokenVerifierProviders: [
            KeysService,
            LocalTokenVerifier,
            { provide: TokenVerifier, useExisting: LocalTokenVerifier },
            SessionTokenChecker,
            { provide: TokenChecker, useExisting: SessionTokenChecker },
          ],
        }),
        TimersModule,
        AuditModule,
        IdentityModule,
        CentresModule,
        CallsModule,
        ExchangeRatesModule,
        InitiativeGroupsModule,
        ApplicationsModule,
        EvaluatorDirectoryModule,
      ],
    };
  }
}

export const APPLICATIONS_DESCRIPTION = {
  errors: APPLICATIONS_ERRORS,
  title: 'OWES Grants — applications',
  description:
    'Applicant accounts and tokens, calls (read model), initiative groups and grant application forms: drafts, submission, formal check.',
};
