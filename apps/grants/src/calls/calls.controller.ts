import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  PLATFORM_ERRORS,
  Roles,
  formatPln,
  toWarsawIso,
  type AuthUser,
  UuidPipe,
} from '@app/common';
import { CallsErrors as E } from './calls.errors.js';
import { CallsService } from './calls.service.js';
import { CreateCallDto, UpdateCallDto } from './calls.dto.js';
import type { Call } from './call.entity.js';

export function callView(c: Call) {
  return {
    id: c.id,
    centreId: c.centreId,
    number: c.number,
    title: c.title,
    status: c.status,
    opensAt: toWarsawIso(c.opensAt),
    closesAt: toWarsawIso(c.closesAt),
    budget: c.budget,
    budgetFormatted: formatPln(c.budget),
    counties: c.counties,
    fundingModel: c.fundingModel,
    criteria: c.criteria,
    passThresholdPercent: c.passThresholdPercent,
    divergencePercent: c.divergencePercent,
    correctionTermWorkingDays: c.correctionTermWorkingDays,
    appealTermWorkingDays: c.appealTermWorkingDays,
    maxJobsPerEntity: c.maxJobsPerEntity,
    programmeId: c.programmeId,
    evaluationTermWorkingDays: c.evaluationTermWorkingDays,
    fundedMonths: c.fundedMonths,
    durabilityMonths: c.durabilityMonths,
    reportDueDays: c.reportDueDays,
    refillMonths: c.refillMonths,
    refundDueDays: c.refundDueDays,
    rulesLocked: c.rulesLockedAt !== null,
    rankingApprovedAt: c.rankingApprovedAt ? toWarsawIso(c.rankingApprovedAt) : null,
    rankingVersion: c.rankingVersion,
    publishedAt: c.publishedAt ? toWarsawIso(c.publishedAt) : null,
  };
}

const uuid = new UuidPipe();

@ApiTag(
  'calls',
  'Calls for applications (nabory): their settings, rules and budget, and their publication',
)
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      "Create a call for applications (nabór), as a draft, in a centre (`centreId`, by default the caller's only centre)",
  })
  @ApiErrors(E.CALL_NUMBER_TAKEN, PLATFORM_ERRORS.NOT_FOUND)
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateCallDto) {
    return callView(await this.calls.create(user, dto));
  }

  @Get()
  @Roles('operator', 'admin', 'evaluator')
  @ApiOperation({ summary: 'Every call, drafts included, with its settings' })
  async list() {
    return { items: (await this.calls.list()).map(callView) };
  }

  @Get(':id')
  @Roles('operator', 'admin', 'evaluator')
  @ApiOperation({ summary: 'A call with its settings' })
  async get(@Param('id', uuid) id: string) {
    return callView(await this.calls.get(id));
  }

  @Patch(':id')
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "Change a call's settings (until the first form is submitted)" })
  @ApiErrors(E.CALL_RULES_LOCKED, E.CALL_NUMBER_TAKEN, E.CALL_ALREADY_CLOSED)
  async update(@Param('id', uuid) id: string, @Body() dto: UpdateCallDto) {
    return callView(await this.calls.update(id, dto));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Publish the call: applicants can then fill in forms for it' })
  @ApiErrors(E.CALL_ALREADY_CLOSED)
  async publish(@Param('id', uuid) id: string) {
    return callView(await this.calls.publish(id));
  }
}
