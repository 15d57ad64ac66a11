import { Module } from '@nestjs/common';
import { StaffReportsController } from './staff-reports.controller.js';
import { DeliveriesController } from './deliveries.controller.js';

/** Centre staff: indicators, the delivery log, reminders, the audit trail. */
@Module({ controllers: [StaffReportsController, DeliveriesController] })
export class StaffReportsModule {}
