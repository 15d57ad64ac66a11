import { Module } from '@nestjs/common';
import { ApplicationStatusController } from './application-status.controller.js';
import { AppealController } from './appeal.controller.js';
import { ReportsController } from './reports.controller.js';

/**
 * "My applications" and everything after submission: the list, the timeline, the changes of a
 * correction, withdrawal, the printable view, the appeal and the monthly job reports.
 */
@Module({ controllers: [ApplicationStatusController, AppealController, ReportsController] })
export class ApplicationStatusModule {}
