import { Module } from '@nestjs/common';
import { StaffCallsController } from './staff-calls.controller.js';

/** Centre staff: programmes and calls, publication, the evaluator pool (/biuro/nabory). */
@Module({ controllers: [StaffCallsController] })
export class StaffCallsModule {}
