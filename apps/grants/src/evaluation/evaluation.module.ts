import { Module } from '@nestjs/common';
import { ApplicationsEventsController } from '../applications/applications.events.js';
import { AppealsService } from '../appeals/appeals.service.js';
import { DecisionsController } from '../appeals/decisions.controller.js';
import { RankingController } from '../ranking/ranking.controller.js';
import { RankingService } from '../ranking/ranking.service.js';
import { AssignmentService } from './assignment.service.js';
import { EvaluationsController, EvaluatorPoolController } from './evaluation.controller.js';
import { EvaluationsService } from './evaluations.service.js';

/**
 * The committee's work on a call, from a formally accepted application to the final decision:
 * evaluator pool and assignment, evaluations, ranking and decisions, appeals. One Nest module
 * (its parts live in their feature folders) because each step triggers the next inside one
 * transaction.
 */
@Module({
  controllers: [
    ApplicationsEventsController,
    EvaluatorPoolController,
    EvaluationsController,
    RankingController,
    DecisionsController,
  ],
  providers: [AssignmentService, EvaluationsService, RankingService, AppealsService],
  exports: [RankingService, AssignmentService],
})
export class EvaluationModule {}
