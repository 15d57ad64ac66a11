import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { CentresController } from './centres.controller.js';
import { CentresService } from './centres.service.js';

/** Centres, their staff and coordinators' scopes (docs/tenancy.md). */
@Module({
  imports: [AuditModule, IdentityModule],
  controllers: [CentresController],
  providers: [CentresService],
})
export class CentresModule {}
