import { Module } from '@nestjs/common';
import { ApplicationsEventsController } from '../applications/applications.events.js';
import { ApplicationsReadModel } from '../applications/read-model.repository.js';
import { AcceptApplication } from '../applications/use-cases/accept-application/accept-application.use-case.js';
import { RecordSubmission } from '../applications/use-cases/record-submission/record-submission.use-case.js';
import { RejectApplication } from '../applications/use-cases/reject-application/reject-application.use-case.js';
import { WithdrawApplication } from '../applications/use-cases/withdraw-application/withdraw-application.use-case.js';
import { DecisionsController } from '../appeals/decisions.controller.js';
import { AppealsSettlementScan } from '../appeals/scans/appeals-settlement.scan.js';
import { FileAppeal } from '../appeals/use-cases/file-appeal/file-appeal.use-case.js';
import { GetDecision } from '../appeals/use-cases/get-decision/get-decision.use-case.js';
import { ListDecisions } from '../appeals/use-cases/list-decisions/list-decisions.use-case.js';
import { ResolveAppeal } from '../appeals/use-cases/resolve-appeal/resolve-appeal.use-case.js';
import { SettleAppeals } from '../appeals/use-cases/settle-appeals/settle-appeals.use-case.js';
import { RankingController } from '../ranking/ranking.controller.js';
import { ApproveRanking } from '../ranking/use-cases/approve-ranking/approve-ranking.use-case.js';
import { FundReserve } from '../ranking/use-cases/fund-reserve/fund-reserve.use-case.js';
import { GetRanking } from '../ranking/use-cases/get-ranking/get-ranking.use-case.js';
import { GrantAward } from '../ranking/use-cases/grant-award/grant-award.use-case.js';
import { EvaluationsController, EvaluatorPoolController } from './evaluation.controller.js';
import { EvaluationsOverdueScan } from './scans/evaluations-overdue.scan.js';
import { AssignEvaluators } from './use-cases/assign-evaluators/assign-evaluators.use-case.js';
import { DeclareImpartiality } from './use-cases/declare-impartiality/declare-impartiality.use-case.js';
import { GetEvaluation } from './use-cases/get-evaluation/get-evaluation.use-case.js';
import { ListMyEvaluations } from './use-cases/list-my-evaluations/list-my-evaluations.use-case.js';
import { ListPool } from './use-cases/list-pool/list-pool.use-case.js';
import { PutPoolMember } from './use-cases/put-pool-member/put-pool-member.use-case.js';
import { SubmitScores } from './use-cases/submit-scores/submit-scores.use-case.js';

/**
 * The committee's work on a call, from a formally accepted application to the final decision:
 * the read model of applications, the evaluator pool and assignment, evaluations, ranking and
 * decisions, appeals. One Nest module (its parts live in their feature folders, one folder per
 * use case) because each step triggers the next inside one transaction.
 */
@Module({
  controllers: [
    ApplicationsEventsController,
    EvaluatorPoolController,
    EvaluationsController,
    RankingController,
    DecisionsController,
  ],
  providers: [
    // applications (read model)
    ApplicationsReadModel,
    RecordSubmission,
    AcceptApplication,
    RejectApplication,
    WithdrawApplication,
    // evaluation
    AssignEvaluators,
    ListPool,
    PutPoolMember,
    ListMyEvaluations,
    GetEvaluation,
    DeclareImpartiality,
    SubmitScores,
    EvaluationsOverdueScan,
    // ranking
    GetRanking,
    ApproveRanking,
    GrantAward,
    FundReserve,
    // appeals
    ListDecisions,
    GetDecision,
    FileAppeal,
    ResolveAppeal,
    SettleAppeals,
    AppealsSettlementScan,
  ],
  exports: [FundReserve, EvaluationsOverdueScan, AppealsSettlementScan],
})
export class EvaluationModule {}
