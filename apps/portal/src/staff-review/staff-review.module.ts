import { Module } from '@nestjs/common';
import { RankingController } from './ranking.controller.js';
import { StaffApplicationsController } from './staff-applications.controller.js';

/** Centre staff: applications, the formal check, the ranking and its approval. */
@Module({ controllers: [StaffApplicationsController, RankingController] })
export class StaffReviewModule {}
