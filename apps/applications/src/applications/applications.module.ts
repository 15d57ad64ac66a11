import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ApplicationsController } from './applications.controller.js';
import { AwardStatusEventsController } from './award-status.events.js';
import { CorrectionTermLapsedUseCase } from './use-cases/correction-term-lapsed/correction-term-lapsed.use-case.js';
import { CreateDraftUseCase } from './use-cases/create-draft/create-draft.use-case.js';
import { ExportCsvUseCase } from './use-cases/export-csv/export-csv.use-case.js';
import { FormalCheckUseCase } from './use-cases/formal-check/formal-check.use-case.js';
import { GetApplicationUseCase } from './use-cases/get-application/get-application.use-case.js';
import { ListApplicationsUseCase } from './use-cases/list-applications/list-applications.use-case.js';
import { ListConflictsUseCase } from './use-cases/list-conflicts/list-conflicts.use-case.js';
import { ListVersionsUseCase } from './use-cases/list-versions/list-versions.use-case.js';
import { SubmitApplicationUseCase } from './use-cases/submit/submit.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft/update-draft.use-case.js';
import { WithdrawApplicationUseCase } from './use-cases/withdraw/withdraw.use-case.js';

/**
 * Grant applications: one use case per folder in `use-cases/` (each an injectable with one
 * `execute(command)`), the rules they apply in `../domain/`, their events' payloads in `events/`.
 */
@Module({
  imports: [AuditModule],
  controllers: [ApplicationsController, AwardStatusEventsController],
  providers: [
    CreateDraftUseCase,
    UpdateDraftUseCase,
    SubmitApplicationUseCase,
    WithdrawApplicationUseCase,
    FormalCheckUseCase,
    CorrectionTermLapsedUseCase,
    GetApplicationUseCase,
    ListApplicationsUseCase,
    ListConflictsUseCase,
    ListVersionsUseCase,
    ExportCsvUseCase,
  ],
})
export class ApplicationsModule {}
