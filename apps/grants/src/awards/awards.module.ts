import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { AwardsController } from './awards.controller.js';
import { DecideBridgingExtension } from './use-cases/decide-bridging-extension/decide-bridging-extension.use-case.js';
import { GetAward } from './use-cases/get-award/get-award.use-case.js';
import { GiveUpAward } from './use-cases/give-up-award/give-up-award.use-case.js';
import { ListAwards } from './use-cases/list-awards/list-awards.use-case.js';
import { ListBridgingExtensions } from './use-cases/list-bridging-extensions/list-bridging-extensions.use-case.js';
import { PrepareAgreement } from './use-cases/prepare-agreement/prepare-agreement.use-case.js';
import { RecordPayment } from './use-cases/record-payment/record-payment.use-case.js';
import { RequestBridgingExtension } from './use-cases/request-bridging-extension/request-bridging-extension.use-case.js';
import { DeMinimisCertificates } from './use-cases/sign-agreement/de-minimis-certificate.js';
import { SignAgreement } from './use-cases/sign-agreement/sign-agreement.use-case.js';

/**
 * Awards after the decision: agreements (with the de minimis certificate), payments, giving up
 * (which funds the reserve list: `FundReserve` of the evaluation module) and bridging-support
 * extensions. The awards themselves are granted by the ranking (`GrantAward`).
 */
@Module({
  imports: [EvaluationModule, ExchangeRatesModule],
  controllers: [AwardsController],
  providers: [
    ListAwards,
    GetAward,
    GiveUpAward,
    PrepareAgreement,
    SignAgreement,
    DeMinimisCertificates,
    RecordPayment,
    ListBridgingExtensions,
    RequestBridgingExtension,
    DecideBridgingExtension,
  ],
})
export class AwardsModule {}
