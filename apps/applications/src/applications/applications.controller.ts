import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
} from '@nestjs/swagger';
import { ApiErrors, ApiTag, CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';
import { ApplicationsErrors as E } from './applications.errors.js';
import { applicationView } from './application.view.js';
import {
  CreateApplicationDto,
  ExportQuery,
  FormalCheckDto,
  ListApplicationsQuery,
  UpdateApplicationDto,
} from './applications.dto.js';
import { ConflictsResponseDto } from './conflicts.dto.js';
import { conflictsView } from './cross-application.query.js';
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

const uuid = new UuidPipe();

@ApiTag(
  'applications',
  'Grant application forms: drafts, submission with a reference number, versions, the formal check, withdrawal, the CSV export',
)
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly createDraft: CreateDraftUseCase,
    private readonly updateDraft: UpdateDraftUseCase,
    private readonly submitApplication: SubmitApplicationUseCase,
    private readonly withdrawApplication: WithdrawApplicationUseCase,
    private readonly formalCheckUseCase: FormalCheckUseCase,
    private readonly getApplication: GetApplicationUseCase,
    private readonly listApplications: ListApplicationsUseCase,
    private readonly listConflicts: ListConflictsUseCase,
    private readonly listVersions: ListVersionsUseCase,
    private readonly exportCsv: ExportCsvUseCase,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Create a draft application for a call (partial data allowed)' })
  @ApiErrors(E.UNKNOWN_CALL)
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateApplicationDto) {
    return applicationView(
      await this.createDraft.execute({ user, callId: dto.callId, form: dto.form ?? {} }),
    );
  }

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: "Applications: an applicant's own, or all for staff; filters and pagination",
  })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListApplicationsQuery) {
    const page = await this.listApplications.execute({ ...query, user });
    return { ...page, items: page.items.map(applicationView) };
  }

  // Declared before ':id' so that 'export.csv' is not taken for an id.
  @Get('export.csv')
  @Roles('operator', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="wnioski.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file (`wnioski.csv`)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    summary:
      'Submitted applications (of a call, in a state, matching a reference or name) as CSV with Polish headers, UTF-8 with BOM',
  })
  async export(@Query() query: ExportQuery): Promise<string> {
    return this.exportCsv.execute({ callId: query.callId, state: query.state, q: query.q });
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary:
      "An application; the staff's view also lists its conflicts with other applications (`conflicts`, as GET …/:id/conflicts)",
  })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    const { application, conflicts } = await this.getApplication.execute({
      user,
      applicationId: id,
    });
    if (!conflicts) return applicationView(application);
    return { ...applicationView(application), conflicts: conflictsView(conflicts) };
  }

  @Get(':id/conflicts')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Conflicts with other applications, for the formal check (staff only)',
    description:
      "Rules across applications (docs/product.md#rules-across-applications): the entity's jobs (same NIP, KRS, REGON or initiative group) above the call's `maxJobsPerEntity` across its active applications in the call and what is still funded in the programme (`max-jobs-per-entity`), and an employee's PESEL in an earlier active application of the call or in a job still funded in the programme (`person-in-another-job`). Only the later application (first submission moment, then reference) has the conflict; while it has one, formal acceptance answers 409 CROSS_APPLICATION_CONFLICT. An applicant never sees it: 404.",
  })
  @ApiOkResponse({ type: ConflictsResponseDto })
  @ApiResponse({ status: 404, description: 'No such application, or the caller is not staff' })
  async conflicts(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return { items: conflictsView(await this.listConflicts.execute({ user, applicationId: id })) };
  }

  @Get(':id/versions')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Submitted versions, each with the changes since the one before' })
  async versions(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.listVersions.execute({ user, applicationId: id });
  }

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Save the draft, or the correction being prepared (partial data allowed)',
  })
  @ApiErrors(E.NOT_A_DRAFT)
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateApplicationDto,
  ) {
    return applicationView(
      await this.updateDraft.execute({ user, applicationId: id, form: dto.form }),
    );
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({
    summary:
      'Submit the draft (reference OWES/<year>/<nnnnn>) or answer corrections with a new version; idempotent',
  })
  @ApiErrors(E.NOT_A_DRAFT, E.CALL_CLOSED, E.CORRECTION_TERM_PASSED, E.FORM_INVALID)
  async submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return applicationView(await this.submitApplication.execute({ user, applicationId: id }));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Withdraw the application before the formal decision' })
  @ApiErrors(E.CANNOT_WITHDRAW)
  async withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return applicationView(await this.withdrawApplication.execute({ user, applicationId: id }));
  }

  @Post(':id/formal-check')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary:
      'Formal check: accepted, corrections requested (issues; term in working days) or rejected',
  })
  @ApiOkResponse({ description: 'The application after the check, in its new state' })
  @ApiResponse({
    status: 409,
    description:
      'Acceptance is refused while the application conflicts with others (see GET …/:id/conflicts; `errors` lists each conflict).',
  })
  @ApiErrors(E.CROSS_APPLICATION_CONFLICT, E.NOT_AWAITING_FORMAL_CHECK, E.NO_CORRECTION_ROUNDS_LEFT)
  async formalCheck(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: FormalCheckDto,
  ) {
    return applicationView(
      await this.formalCheckUseCase.execute({
        user,
        applicationId: id,
        result: dto.result,
        issues: dto.issues,
        reasons: dto.reasons,
      }),
    );
  }
}
