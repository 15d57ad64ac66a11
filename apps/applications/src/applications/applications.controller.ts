import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import { applicationView, ApplicationsService } from './applications.service.js';
import {
  CreateApplicationDto,
  ExportQuery,
  FormalCheckDto,
  ListApplicationsQuery,
  UpdateApplicationDto,
} from './applications.dto.js';

const uuid = new ParseUUIDPipe();

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Create a draft application for a call (partial data allowed)' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateApplicationDto) {
    return applicationView(await this.applications.create(user, dto.callId, dto.form));
  }

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: "Applications: an applicant's own, or all for staff; filters and pagination",
  })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListApplicationsQuery) {
    const page = await this.applications.list(user, query);
    return { ...page, items: page.items.map(applicationView) };
  }

  // Declared before ':id' so that 'export.csv' is not taken for an id.
  @Get('export.csv')
  @Roles('operator', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="wnioski.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Submitted applications (of a call) as CSV with Polish headers, UTF-8 with BOM',
  })
  async export(@Query() query: ExportQuery): Promise<string> {
    return this.applications.exportCsv(query.callId);
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return applicationView(await this.applications.get(user, id));
  }

  @Get(':id/versions')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Submitted versions, each with the changes since the one before' })
  async versions(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.applications.versions(user, id);
  }

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Save the draft, or the correction being prepared (partial data allowed)',
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateApplicationDto,
  ) {
    return applicationView(await this.applications.updateDraft(user, id, dto.form));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({
    summary:
      'Submit the draft (reference OWES/<year>/<nnnnn>) or answer corrections with a new version; idempotent',
  })
  async submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return applicationView(await this.applications.submit(user, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Withdraw the application before the formal decision' })
  async withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return applicationView(await this.applications.withdraw(user, id));
  }

  @Post(':id/formal-check')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary:
      'Formal check: accepted, corrections requested (issues; term in working days) or rejected',
  })
  async formalCheck(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: FormalCheckDto,
  ) {
    return applicationView(await this.applications.formalCheck(user, id, dto));
  }
}
