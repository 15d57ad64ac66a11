import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, toWarsawIso, type AuthUser } from '@app/common';
import { ApplicationsService } from './applications.service.js';
import { CreateApplicationDto, ListApplicationsQuery, UpdateApplicationDto } from './applications.dto.js';
import type { Application } from './application.entity.js';

function view(a: Application) {
  return {
    id: a.id,
    callId: a.callId,
    state: a.state,
    reference: a.reference,
    version: a.submittedVersion,
    form: a.form,
    submittedAt: a.submittedAt ? toWarsawIso(a.submittedAt) : null,
    createdAt: toWarsawIso(a.createdAt),
    updatedAt: toWarsawIso(a.updatedAt),
  };
}

const uuid = new ParseUUIDPipe();

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Create a draft application for a call' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateApplicationDto) {
    return view(await this.applications.create(user, dto.callId, dto.form));
  }

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: "Applications: an applicant's own, or all for staff" })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListApplicationsQuery) {
    const page = await this.applications.list(user, query);
    return { ...page, items: page.items.map(view) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return view(await this.applications.get(user, id));
  }

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({ summary: 'Save the draft (partial data allowed)' })
  async update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateApplicationDto) {
    return view(await this.applications.updateDraft(user, id, dto.form));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Submit the draft: a reference OWES/<year>/<nnnnn>; idempotent' })
  async submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return view(await this.applications.submit(user, id));
  }
}
