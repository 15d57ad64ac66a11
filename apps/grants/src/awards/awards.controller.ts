import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, formatEur, formatPln, toWarsawIso, type AuthUser } from '@app/common';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import type { JobReport, RefundClaimRecord } from '../monitoring/monitoring.entities.js';
import { AwardsService } from './awards.service.js';
import { RankingService } from '../ranking/ranking.service.js';
import { BridgingExtensionsService } from './bridging-extensions.service.js';
import {
  AgreementDto,
  AgreementPreparationDto,
  BridgingExtensionDecisionDto,
  BridgingExtensionRequestDto,
  GiveUpDto,
  JobReportDto,
  PaymentDto,
  RefillDto,
  VacancyDto,
} from './awards.dto.js';
import type { Award, AwardJob, BridgingExtensionRequest, Payment } from './award.entities.js';

const uuid = new ParseUUIDPipe();

export function awardView(a: Award) {
  return {
    id: a.id,
    callId: a.callId,
    applicationId: a.applicationId,
    decisionId: a.decisionId,
    reference: a.reference,
    status: a.status,
    amount: a.amount,
    amountFormatted: formatPln(a.amount),
    paidTotal: a.paidTotal,
    paidTotalFormatted: formatPln(a.paidTotal),
    remaining: a.amount - a.paidTotal,
    signedOn: a.signedOn,
    security: a.security,
    deMinimisCertificateNumber: a.deMinimisCertificateNumber,
    deMinimisCertificate: a.deMinimisCertificate
      ? {
          ...a.deMinimisCertificate,
          amountPlnFormatted: formatPln(a.deMinimisCertificate.amountPln),
          amountEurFormatted: formatEur(a.deMinimisCertificate.amountEur),
        }
      : null,
    agreementPreparation: a.agreementPreparedAt
      ? {
          signingOn: a.agreementSigningOn,
          place: a.agreementPlace,
          preparedAt: toWarsawIso(a.agreementPreparedAt),
        }
      : null,
    bridgingExtensionGranted: a.bridgingExtensionGranted,
    grantedAt: toWarsawIso(a.grantedAt),
    settledOn: a.settledOn,
    givenUp: a.givenUpAt
      ? { at: toWarsawIso(a.givenUpAt), by: a.givenUpBy, reason: a.givenUpReason }
      : null,
  };
}

export function extensionView(r: BridgingExtensionRequest) {
  return {
    id: r.id,
    awardId: r.awardId,
    status: r.status,
    months: r.months,
    monthlyAmount: r.monthlyAmount,
    monthlyAmountFormatted: formatPln(r.monthlyAmount),
    jobIds: r.jobIds,
    amount: r.amount,
    amountFormatted: formatPln(r.amount),
    justification: r.justification,
    requestedAt: toWarsawIso(r.requestedAt),
    decidedAt: r.decidedAt ? toWarsawIso(r.decidedAt) : null,
    reason: r.reason,
    awardIncrease: r.awardIncrease,
  };
}

export function jobView(j: AwardJob) {
  return {
    id: j.id,
    jobId: j.jobKey,
    position: j.position,
    workingTime: j.workingTime,
    eligiblePerson: j.eligiblePerson,
    county: j.county,
    startDate: j.startDate,
    fundedEndDate: j.fundedEndDate,
    endDate: j.endDate,
    status: j.status,
    vacancyDate: j.vacancyDate,
    refillDeadline: j.refillDeadline,
    refilledOn: j.refilledOn,
  };
}

function paymentView(p: Payment) {
  return {
    id: p.id,
    kind: p.kind,
    amount: p.amount,
    amountFormatted: formatPln(p.amount),
    paidOn: p.paidOn,
    jobId: p.jobId,
    month: p.month,
  };
}

function reportView(r: JobReport) {
  return {
    id: r.id,
    jobId: r.jobId,
    period: r.period,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueDate: r.dueDate,
    status: r.status,
    jobExists: r.jobExists,
    evidenceReference: r.evidenceReference,
    submittedAt: r.submittedAt ? toWarsawIso(r.submittedAt) : null,
  };
}

function refundView(r: RefundClaimRecord) {
  return {
    id: r.id,
    jobId: r.jobId,
    principal: r.principal,
    interest: r.interest,
    total: r.total,
    totalFormatted: formatPln(r.total),
    calculatedOn: r.calculatedOn,
    demandDate: r.demandDate,
    dueDate: r.dueDate,
    periods: r.periods,
  };
}

@ApiTags('awards')
@ApiBearerAuth()
@Controller('awards')
export class AwardsController {
  constructor(
    private readonly awards: AwardsService,
    private readonly monitoring: MonitoringService,
    private readonly ranking: RankingService,
    private readonly extensions: BridgingExtensionsService,
  ) {}

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Awards: an applicant sees their own, staff all (optionally of one call)',
  })
  async list(@CurrentUser() user: AuthUser, @Query('callId') callId?: string) {
    if (callId !== undefined) await uuid.transform(callId, { type: 'query', data: 'callId' });
    return { items: (await this.awards.list(user, callId)).map(awardView) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const d = await this.awards.details(user, id);
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
  async giveUp(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: GiveUpDto,
  ) {
    return awardView(await this.ranking.giveUp(user, id, dto.reason));
  }

  @Get(':id/bridging-extension')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: "The award's bridging-support extension requests" })
  async extensionRequests(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return { items: (await this.extensions.list(user, id)).map(extensionView) };
  }

  @Post(':id/bridging-extension')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary:
      'Request the bridging-support extension (grant-bridging model, after the agreement; the centre decides)',
  })
  async requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: BridgingExtensionRequestDto,
  ) {
    return extensionView(await this.extensions.request(user, id, dto));
  }

  @Post(':id/bridging-extension/:requestId/decision')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'Approve (the award grows by the extension, within the call budget) or reject a bridging-support extension request',
  })
  async decideExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('requestId', uuid) requestId: string,
    @Body() dto: BridgingExtensionDecisionDto,
  ) {
    const { request, award } = await this.extensions.decide(user, id, requestId, dto);
    return { ...extensionView(request), award: awardView(award) };
  }

  @Post(':id/agreement/prepare')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'The agreement is ready to sign: planned day and place (the applicant is told; again on a change)',
  })
  async prepareAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: AgreementPreparationDto,
  ) {
    return awardView(await this.awards.prepareAgreement(user, id, dto));
  }

  @Post(':id/agreement')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Record the signed agreement: security, de minimis certificate, job starts',
  })
  async agreement(@Param('id', uuid) id: string, @Body() dto: AgreementDto) {
    return awardView(await this.awards.signAgreement(id, dto));
  }

  @Post(':id/payments')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Record a payment: a tranche or (bridging model) a month of bridging support',
  })
  async pay(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: PaymentDto) {
    const { award, payment } = await this.awards.pay(user, id, dto);
    return { ...paymentView(payment), award: awardView(award) };
  }

  @Post(':id/jobs/:jobId/reports')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Monthly confirmation that the job still exists, with evidence' })
  async report(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: JobReportDto,
  ) {
    return reportView(await this.monitoring.submitReport(user, id, jobId, dto));
  }

  @Post(':id/jobs/:jobId/vacancy')
  @HttpCode(200)
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Report that the job became vacant (to be filled within the refill term)',
  })
  async vacancy(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: VacancyDto,
  ) {
    return jobView(await this.monitoring.reportVacancy(user, id, jobId, dto));
  }

  @Post(':id/jobs/:jobId/refill')
  @HttpCode(200)
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Record that another eligible person took the vacant job' })
  async refill(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: RefillDto,
  ) {
    return jobView(await this.monitoring.refill(user, id, jobId, dto));
  }
}
