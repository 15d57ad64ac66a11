import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  PLATFORM_ERRORS,
  Roles,
  type AuthUser,
  UuidPipe,
} from '@app/common';
import { AwardsErrors as E } from './awards.errors.js';
import {
  AgreementDto,
  AgreementPreparationDto,
  BridgingExtensionDecisionDto,
  BridgingExtensionRequestDto,
  GiveUpDto,
  PaymentDto,
} from './awards.dto.js';
import {
  awardView,
  extensionView,
  jobView,
  paymentView,
  refundView,
  reportView,
} from './awards.views.js';
import { DecideBridgingExtension } from './use-cases/decide-bridging-extension/decide-bridging-extension.use-case.js';
import { GetAward } from './use-cases/get-award/get-award.use-case.js';
import { GiveUpAward } from './use-cases/give-up-award/give-up-award.use-case.js';
import { ListAwards } from './use-cases/list-awards/list-awards.use-case.js';
import { ListBridgingExtensions } from './use-cases/list-bridging-extensions/list-bridging-extensions.use-case.js';
import { PrepareAgreement } from './use-cases/prepare-agreement/prepare-agreement.use-case.js';
import { RecordPayment } from './use-cases/record-payment/record-payment.use-case.js';
import { RequestBridgingExtension } from './use-cases/request-bridging-extension/request-bridging-extension.use-case.js';
import { SignAgreement } from './use-cases/sign-agreement/sign-agreement.use-case.js';

const uuid = new UuidPipe();

/** Awards and their agreements, payments and bridging extensions (job monitoring: monitoring/). */
@ApiTag(
  'awards',
  'Awards after the decision: giving up, the agreement, payments, bridging-support extensions and the monitoring of the funded jobs',
)
@ApiBearerAuth()
@Controller('awards')
export class AwardsController {
  constructor(
    private readonly listAwards: ListAwards,
    private readonly getAward: GetAward,
    private readonly giveUpAward: GiveUpAward,
    private readonly listExtensions: ListBridgingExtensions,
    private readonly requestBridgingExtension: RequestBridgingExtension,
    private readonly decideBridgingExtension: DecideBridgingExtension,
    private readonly agreementPreparation: PrepareAgreement,
    private readonly signAgreement: SignAgreement,
    private readonly recordPayment: RecordPayment,
  ) {}

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Awards: an applicant sees their own, staff all (optionally of one call)',
  })
  @ApiQuery({
    name: 'callId',
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description: 'Only the awards of this call',
  })
  @ApiErrors(PLATFORM_ERRORS.BAD_REQUEST)
  async list(@CurrentUser() user: AuthUser, @Query('callId') callId?: string) {
    if (callId !== undefined) await uuid.transform(callId, { type: 'query', data: 'callId' });
    return { items: (await this.listAwards.execute({ user, callId })).map(awardView) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'An award with its jobs and their reports, its payments and refund claims',
  })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const d = await this.getAward.execute({ user, awardId: id });
    return {
      ...awardView(d.award),
      jobs: d.jobs.map((j) => ({
        ...jobView(j),
        reports: d.reports.filter((r) => r.jobId === j.id).map(reportView),
      })),
      payments: d.payments.map(paymentView),
      refunds: d.refunds.map(refundView),
    };
  }

  @Post(':id/give-up')
  @HttpCode(200)
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary:
      'Give up the award before the agreement (rezygnacja): its money funds the reserve list in ranking order',
  })
  @ApiErrors(E.AWARD_GIVEN_UP, E.AGREEMENT_ALREADY_SIGNED)
  async giveUp(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: GiveUpDto,
  ) {
    return awardView(await this.giveUpAward.execute({ user, awardId: id, reason: dto.reason }));
  }

  @Get(':id/bridging-extension')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: "The award's bridging-support extension requests" })
  async extensionRequests(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return {
      items: (await this.listExtensions.execute({ user, awardId: id })).map(extensionView),
    };
  }

  @Post(':id/bridging-extension')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary:
      'Request the bridging-support extension (grant-bridging model, after the agreement; the centre decides)',
  })
  @ApiErrors(
    E.NO_BRIDGING_SUPPORT,
    E.AGREEMENT_NOT_SIGNED,
    E.AWARD_CLOSED,
    E.BRIDGING_EXTENSION_EXISTS,
  )
  async requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: BridgingExtensionRequestDto,
  ) {
    return extensionView(
      await this.requestBridgingExtension.execute({ user, awardId: id, request: dto }),
    );
  }

  @Post(':id/bridging-extension/:requestId/decision')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'Approve (the award grows by the extension, within the call budget) or reject a bridging-support extension request',
  })
  @ApiErrors(E.BRIDGING_EXTENSION_DECIDED, E.AWARD_CLOSED, E.BUDGET_EXCEEDED)
  async decideExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('requestId', uuid) requestId: string,
    @Body() dto: BridgingExtensionDecisionDto,
  ) {
    const { request, award } = await this.decideBridgingExtension.execute({
      user,
      awardId: id,
      requestId,
      decision: dto,
    });
    return { ...extensionView(request), award: awardView(award) };
  }

  @Post(':id/agreement/prepare')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'The agreement is ready to sign: planned day and place (the applicant is told; again on a change)',
  })
  @ApiErrors(E.AWARD_GIVEN_UP, E.AGREEMENT_ALREADY_SIGNED)
  async prepareAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: AgreementPreparationDto,
  ) {
    return awardView(
      await this.agreementPreparation.execute({ user, awardId: id, preparation: dto }),
    );
  }

  @Post(':id/agreement')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Record the signed agreement: security, de minimis certificate, job starts',
  })
  @ApiErrors(
    E.AWARD_GIVEN_UP,
    E.AGREEMENT_ALREADY_SIGNED,
    E.EXCHANGE_RATE_MISSING,
    E.DE_MINIMIS_CEILING_EXCEEDED,
  )
  async agreement(@Param('id', uuid) id: string, @Body() dto: AgreementDto) {
    return awardView(await this.signAgreement.execute({ awardId: id, agreement: dto }));
  }

  @Post(':id/payments')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Record a payment: a tranche or (bridging model) a month of bridging support',
  })
  @ApiErrors(
    E.AWARD_GIVEN_UP,
    E.AGREEMENT_NOT_SIGNED,
    E.EXCEEDS_AWARD,
    E.NO_BRIDGING_SUPPORT,
    E.BRIDGING_NOT_ALLOWED,
  )
  async pay(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: PaymentDto) {
    const { award, payment } = await this.recordPayment.execute({
      user,
      awardId: id,
      payment: dto,
    });
    return { ...paymentView(payment), award: awardView(award) };
  }
}
