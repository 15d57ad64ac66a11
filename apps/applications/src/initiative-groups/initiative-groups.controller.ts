import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiTag, CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';
import { CentresErrors } from '../centres/centres.errors.js';
import { InitiativeGroupsErrors as E } from './initiative-groups.errors.js';
import { GroupDecisionDto, GroupFormBody, ListGroupsQuery } from './initiative-group.dto.js';
import { groupView } from './initiative-group.view.js';
import { InitiativeGroupsService } from './initiative-groups.service.js';

const uuid = new UuidPipe();

@ApiTag(
  'initiative-groups',
  "Initiative groups' enrolment: the draft, its submission and the recruitment committee's decision",
)
@ApiBearerAuth()
@Controller('initiative-groups')
export class InitiativeGroupsController {
  constructor(private readonly groups: InitiativeGroupsService) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Create a draft initiative group (partial data allowed)' })
  @ApiErrors(CentresErrors.CENTRE_UNKNOWN)
  async create(@CurrentUser() user: AuthUser, @Body() body: GroupFormBody) {
    return groupView(await this.groups.create(user, body.form, body.centreId));
  }

  @Get()
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: "Initiative groups: an applicant's own, or all for staff" })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListGroupsQuery) {
    const page = await this.groups.list(user, query);
    return { ...page, items: page.items.map(groupView) };
  }

  @Get(':id')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: "An initiative group: the applicant's own, or any for staff" })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return groupView(await this.groups.get(user, id));
  }

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({ summary: 'Save the draft (the whole form; partial data allowed)' })
  @ApiErrors(E.NOT_A_DRAFT)
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: GroupFormBody,
  ) {
    return groupView(await this.groups.updateDraft(user, id, body.form));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Submit the group: every problem is listed at once; idempotent' })
  @ApiErrors(E.NOT_A_DRAFT, E.FORM_INVALID)
  async submit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return groupView(await this.groups.submit(user, id));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary: "Record the recruitment committee's decision: qualified or rejected, with the reason",
  })
  @ApiErrors(E.NOT_SUBMITTED)
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: GroupDecisionDto,
  ) {
    return groupView(await this.groups.decide(user, id, dto));
  }
}
