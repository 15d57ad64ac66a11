import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  Roles,
  formatPln,
  toWarsawIso,
  type AuthUser,
  UuidPipe,
} from '@app/common';
import { EvaluationErrors as E } from './evaluation.errors.js';
import { DeclareImpartiality } from './use-cases/declare-impartiality/declare-impartiality.use-case.js';
import { GetEvaluation } from './use-cases/get-evaluation/get-evaluation.use-case.js';
import { ListMyEvaluations } from './use-cases/list-my-evaluations/list-my-evaluations.use-case.js';
import { ListPool } from './use-cases/list-pool/list-pool.use-case.js';
import { PutPoolMember } from './use-cases/put-pool-member/put-pool-member.use-case.js';
import { SubmitScores } from './use-cases/submit-scores/submit-scores.use-case.js';
import { DeclarationDto, PoolMemberDto, ScoresDto } from './evaluation.dto.js';
import type { CallEvaluator, Evaluation } from './evaluation.entities.js';

const uuid = new UuidPipe();

function poolView(e: CallEvaluator) {
  return {
    userId: e.userId,
    email: e.email,
    name: e.name,
    language: e.language,
    trainerOrAdviser: e.trainerOrAdviser,
    chair: e.chair,
    addedAt: toWarsawIso(e.addedAt),
  };
}

export function evaluationView(e: Evaluation) {
  return {
    id: e.id,
    applicationId: e.applicationId,
    callId: e.callId,
    round: e.round,
    status: e.status,
    assignedAt: toWarsawIso(e.assignedAt),
    dueDate: e.dueDate,
    declaredAt: e.declaredAt ? toWarsawIso(e.declaredAt) : null,
    scores: e.scores,
    total: e.total,
    submittedAt: e.submittedAt ? toWarsawIso(e.submittedAt) : null,
  };
}

@ApiTag(
  'evaluation',
  "The evaluation committee: a call's evaluator pool, the evaluators' own evaluations, their impartiality declarations and scores",
)
@ApiBearerAuth()
@Controller('calls/:callId/evaluators')
export class EvaluatorPoolController {
  constructor(
    private readonly listPool: ListPool,
    private readonly putPoolMember: PutPoolMember,
  ) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "The call's evaluator pool (evaluation committee)" })
  async list(@Param('callId', uuid) callId: string) {
    return { items: (await this.listPool.execute({ callId })).map(poolView) };
  }

  @Post()
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'Add an evaluator to the pool (or change their entry); missing evaluators are assigned',
  })
  async put(@Param('callId', uuid) callId: string, @Body() dto: PoolMemberDto) {
    return poolView(await this.putPoolMember.execute({ callId, member: dto }));
  }
}

@ApiTag('evaluation')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationsController {
  constructor(
    private readonly listMine: ListMyEvaluations,
    private readonly getEvaluation: GetEvaluation,
    private readonly declareImpartiality: DeclareImpartiality,
    private readonly submitScores: SubmitScores,
  ) {}

  @Get()
  @Roles('evaluator')
  @ApiOperation({
    summary: "The caller's own evaluations (no application content before the declaration)",
  })
  async mine(@CurrentUser() user: AuthUser) {
    const rows = await this.listMine.execute({ user });
    return {
      items: rows.map((r) => ({
        ...evaluationView(r.evaluation),
        reference: r.reference,
        callNumber: r.callNumber,
      })),
    };
  }

  @Get(':id')
  @Roles('evaluator')
  @ApiOperation({ summary: 'An own evaluation with the application (403 before the declaration)' })
  @ApiErrors(E.DECLARATION_REQUIRED, E.CONFLICT_OF_INTEREST)
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const { evaluation, application, call, appeal } = await this.getEvaluation.execute({
      user,
      evaluationId: id,
    });
    return {
      ...evaluationView(evaluation),
      criteria: call.criteria,
      callNumber: call.number,
      appeal,
      application: {
        id: application.id,
        reference: application.reference,
        applicantKind: application.applicantKind,
        entityName: application.entityName,
        county: application.county,
        jobs: application.jobs.map((j) => ({
          jobId: j.jobId,
          position: j.position,
          workingTime: j.workingTime,
          eligiblePerson: j.eligiblePerson,
          plannedStart: j.plannedStart,
          county: j.county,
        })),
        amount: application.amount,
        amountFormatted: formatPln(application.amount),
        businessPlan: application.businessPlan,
      },
    };
  }

  @Post(':id/declaration')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    summary: 'Impartiality and confidentiality declaration, or a conflict of interest (re-assigns)',
  })
  @ApiErrors(E.ALREADY_DECLARED)
  async declare(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: DeclarationDto,
  ) {
    return evaluationView(
      await this.declareImpartiality.execute({ user, evaluationId: id, declaration: dto }),
    );
  }

  @Post(':id/scores')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    summary: 'Scores per criterion: whole points within 0..max, each with a justification',
  })
  @ApiErrors(E.DECLARATION_REQUIRED, E.ALREADY_SCORED)
  async score(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: ScoresDto,
  ) {
    return evaluationView(await this.submitScores.execute({ user, evaluationId: id, scores: dto }));
  }
}
