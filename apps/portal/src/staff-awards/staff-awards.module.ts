import { Module } from '@nestjs/common';
import { StaffAwardsController } from './staff-awards.controller.js';
import { StaffJobsController } from './staff-jobs.controller.js';

/** Centre staff: agreements, payments, bridging support, jobs, refunds, settlement (/biuro/umowy). */
@Module({ controllers: [StaffAwardsController, StaffJobsController] })
export class StaffAwardsModule {}
