import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery } from '@nestjs/swagger';
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
import { AppealsErrors as E } from './appeals.errors.js';
import { AppealDto } from './appeals.dto.js';
import type { Appeal } from './appeal.entity.js';
import type { Decision } from '../ranking/decision.entity.js';
import type { GrantApplication } from '../applications/application.entity.js';
import { FileAppeal } from './use-cases/file-appeal/file-appeal.use-case.js';
import { GetDecision } from './use-cases/get-decision/get-decision.use-case.js';
import { ListDecisions } from './use-cases/list-decisions/list-decisions.use-case.js';

const uuid = new UuidPipe({ optional: false });

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

@ApiTag(
  'decisions',
  "The decisions the approved ranking made (funded, reserve list, below the threshold) and the applicants' appeals",
)
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly listDecisions: ListDecisions,
    private readonly getDecision: GetDecision,
    private readonly fileAppeal: FileAppeal,
  ) {}

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Decisions: an applicant sees their own, staff all (optionally of one call)',
  })
  @ApiQuery({
    name: 'callId',
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description: 'Only the decisions of this call',
  })
  @ApiErrors(PLATFORM_ERRORS.BAD_REQUEST)
  async list(@CurrentUser() user: AuthUser, @Query('callId') callId?: string) {
    if (callId !== undefined) await uuid.transform(callId, { type: 'query', data: 'callId' });
    const rows = await this.listDecisions.execute({ user, callId });
    return { items: rows.map((d) => decisionView(d, d.application)) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary:
      "A decision with its appeal, if any, and the call's criteria with the points given in each (`criteria`: the mean of the scores that counted)",
  })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const { decision, application, appeal, criteria } = await this.getDecision.execute({
      user,
      decisionId: id,
    });
    return { ...decisionView(decision, application, appeal), criteria };
  }

  @Post(':id/appeal')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Appeal against the decision, within the appeal term, naming the contested criteria',
  })
  @ApiErrors(E.NOT_THE_APPLICANT, E.APPEAL_ALREADY_FILED, E.APPEAL_TERM_OVER, E.NOTHING_TO_APPEAL)
  async appeal(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: AppealDto,
  ) {
    return appealView(await this.fileAppeal.execute({ user, decisionId: id, appeal: dto }));
  }
}
