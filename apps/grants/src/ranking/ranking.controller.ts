import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  Roles,
  formatPln,
  type AuthUser,
  UuidPipe,
} from '@app/common';
import { RankingErrors as E } from './ranking.errors.js';
import { ApproveRanking } from './use-cases/approve-ranking/approve-ranking.use-case.js';
import { GetRanking, type RankingView } from './use-cases/get-ranking/get-ranking.use-case.js';
import { rankingCsv } from './use-cases/get-ranking/ranking-csv.js';

const uuid = new UuidPipe();

function rankingView(v: RankingView) {
  return {
    ...v,
    budgetFormatted: formatPln(v.budget),
    fundedTotalFormatted: formatPln(v.fundedTotal),
    remainingBudgetFormatted: formatPln(v.remainingBudget),
    rows: v.rows.map((r) => ({ ...r, amountFormatted: formatPln(r.amount) })),
  };
}

@ApiTag(
  'ranking',
  "A call's ranking list within its budget and its approval, which records one decision per application",
)
@ApiBearerAuth()
@Controller('calls/:callId/ranking')
export class RankingController {
  constructor(
    private readonly getRanking: GetRanking,
    private readonly approveRanking: ApproveRanking,
  ) {}

  @Get()
  @Roles('operator', 'admin', 'evaluator')
  @ApiOperation({
    summary: "The call's ranking list within the budget (operators and the committee chair)",
  })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ['json', 'csv'],
    description: 'JSON (default), or CSV (`csv`); any other value answers JSON',
  })
  @ApiOkResponse({
    description: 'The ranking, as JSON or (`format=csv`) as a CSV file',
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('callId', uuid) callId: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.getRanking.execute({ user, callId });
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader(
        'content-disposition',
        `attachment; filename="ranking-${view.callNumber.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`,
      );
      return rankingCsv(view);
    }
    return rankingView(view);
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('operator', 'admin', 'evaluator')
  @ApiOperation({
    summary:
      "Approve the ranking (operator or the call's committee chair): one decision per application",
  })
  @ApiErrors(
    E.RANKING_ALREADY_APPROVED,
    E.CALL_NOT_CLOSED,
    E.FORMAL_CHECK_PENDING,
    E.NOTHING_TO_RANK,
    E.EVALUATION_INCOMPLETE,
  )
  async approve(@CurrentUser() user: AuthUser, @Param('callId', uuid) callId: string) {
    return rankingView(await this.approveRanking.execute({ user, callId }));
  }
}
