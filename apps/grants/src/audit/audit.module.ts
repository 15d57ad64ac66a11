import { AuditService } from '@app/common';
import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
