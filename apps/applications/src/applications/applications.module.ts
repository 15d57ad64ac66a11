import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationsService, AuditService],
})
export class ApplicationsModule {}
