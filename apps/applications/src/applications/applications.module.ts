import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ApplicationsController } from './applications.controller.js';
import { AwardStatusEventsController } from './award-status.events.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [AuditModule],
  controllers: [ApplicationsController, AwardStatusEventsController],
  providers: [ApplicationsService],
})
export class ApplicationsModule {}
