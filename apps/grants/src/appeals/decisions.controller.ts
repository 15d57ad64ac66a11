import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, formatPln, toWarsawIso, type AuthUser } from '@app/common';
import { AppealsService } from './appeals.service.js';
import { AppealDto } from './appeals.dto.js';
import type { Appeal } from './appeal.entity.js';
import type { Decision } from '../ranking/decision.entity.js';
import type { GrantApplication } from '../applications/application.entity.js';

const uuid = new ParseUUIDPipe({ optional: false });

function appealView(a: Appeal) {
  return {
    id: a.id,
    decisionId: a.decisionId,
    criteria: a.criteria,
    justification: a.justification,
    status: a.status,
    filedAt: toWarsawIso(a.filedAt),
    scoreBefore: a.scoreBefore,
    scoreAfter: a.scoreAfter,
    resolvedAt: a.resolvedAt ? toWarsawIso(a.resolvedAt) : null,
  };
}

function decisionView(d: Decision, a: GrantApplication, appeal?: Appeal | null) {
  return {
    id: d.id,
    callId: d.callId,
    applicationId: d.applicationId,
    reference: a.reference,
    outcome: d.outcome,
    standing: d.standing,
    score: d.score,
    rank: d.rank,
    amount: d.amount,
    amountFormatted: formatPln(d.amount),
    decidedAt: toWarsawIso(d.decidedAt),
    appealLastDay: d.appealLastDay,
    appealDeadline: toWarsawIso(d.appealDeadline),
    ...(appeal !== undefined ? { appeal: appeal ? appealView(appeal) : null } : {}),
  };
}

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Decisions: an applicant sees their own, staff all (optionally of one call)',
  })
  async list(@CurrentUser() user: AuthUser, @Query('callId') callId?: string) {
    if (callId !== undefined) await uuid.transform(callId, { type: 'query', data: 'callId' });
    const rows = await this.appeals.listDecisions(user, callId);
    return { items: rows.map((d) => decisionView(d, d.application)) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const { decision, application, appeal } = await this.appeals.decisionFor(user, id);
    return decisionView(decision, application, appeal);
  }

  @Post(':id/appeal')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Appeal against the decision, within the appeal term, naming the contested criteria',
  })
  async appeal(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: AppealDto,
  ) {
    return appealView(await this.appeals.file(user, id, dto));
  }
}
