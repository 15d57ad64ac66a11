import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CentreAreaService } from '../centre/centre-area.service.js';
import { InitiativeGroupsController } from './initiative-groups.controller.js';
import { InitiativeGroupsService } from './initiative-groups.service.js';

@Module({
  imports: [AuditModule],
  controllers: [InitiativeGroupsController],
  providers: [InitiativeGroupsService, CentreAreaService],
})
export class InitiativeGroupsModule {}
