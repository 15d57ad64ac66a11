import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  Public,
  Roles,
  UuidPipe,
  type AuthUser,
} from '@app/common';
import { userView } from '../identity/users.controller.js';
import { UserView } from '../identity/users.dto.js';
import type { Centre } from './centre.entity.js';
import {
  AddStaffDto,
  CoordinatorScopeDto,
  CreateCentreDto,
  UpdateCentreDto,
} from './centres.dto.js';
import { CentresErrors as E } from './centres.errors.js';
import { CentresService, managesCentre } from './centres.service.js';

const uuid = new UuidPipe();

/** What anyone may read of a centre (applicants choose their centre by it). */
export function publicCentreView(c: Centre) {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    voivodeship: c.voivodeship,
    counties: c.counties,
    address: c.address,
    contact: { email: c.contactEmail, phone: c.contactPhone },
  };
}

/** The whole record, for the platform administrator and the centre's admins. */
export function centreView(c: Centre) {
  return {
    ...publicCentreView(c),
    accreditationNumber: c.accreditationNumber,
    mail: {
      senderName: c.senderName,
      senderEmail: c.senderEmail,
      signature: c.signature,
      operatorsMailbox: c.operatorsMailbox,
    },
    active: c.active,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

@ApiTag('centres', 'The centres (OWES) of the installation, their staff and coordinators’ scopes')
@Controller()
export class CentresController {
  constructor(private readonly centres: CentresService) {}

  @Post('centres')
  @ApiBearerAuth()
  @Roles('platform-admin')
  @ApiOperation({ summary: 'Create a centre (platform administrator)' })
  @ApiCreatedResponse({ description: 'The centre, numbered' })
  @ApiErrors(E.CENTRE_TAKEN, E.CENTRE_INVALID)
  async create(@Body() dto: CreateCentreDto) {
    return centreView(await this.centres.create(dto));
  }

  @Get('centres')
  @Public()
  @ApiOperation({ summary: 'The active centres (public: to choose a centre)' })
  async list() {
    return { items: (await this.centres.listActive()).map(publicCentreView) };
  }

  @Get('centres/:id')
  @Public()
  @ApiOperation({
    summary:
      'A centre: its public fields; the whole record (sender, mailbox, accreditation) to the platform administrator and its own admins when they send their token',
  })
  async get(@CurrentUser() user: AuthUser | undefined, @Param('id', uuid) id: string) {
    const centre = await this.centres.get(id);
    return user && managesCentre(user, id) ? centreView(centre) : publicCentreView(centre);
  }

  @Patch('centres/:id')
  @ApiBearerAuth()
  @Roles('platform-admin', 'admin')
  @ApiOperation({
    summary: "Change a centre's record (platform administrator, or an admin of the centre)",
  })
  @ApiOkResponse({ description: 'The whole record, version + 1' })
  @ApiErrors(E.CENTRE_TAKEN, E.CENTRE_INVALID)
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCentreDto,
  ) {
    return centreView(await this.centres.update(user, id, dto));
  }

  @Get('centres/:id/staff')
  @ApiBearerAuth()
  @Roles('platform-admin', 'admin')
  @ApiOperation({ summary: "The centre's staff (platform administrator, or an admin of it)" })
  @ApiOkResponse({ type: [UserView] })
  async staff(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return { items: (await this.centres.staff(user, id)).map(userView) };
  }

  @Post('centres/:id/staff')
  @ApiBearerAuth()
  @Roles('platform-admin', 'admin')
  @ApiOperation({
    summary: 'Add an existing account to the centre’s staff as operator or admin (old tokens end)',
  })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(E.CENTRE_INVALID)
  async addStaff(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: AddStaffDto,
  ) {
    return userView(await this.centres.addStaff(user, id, dto));
  }

  @Delete('centres/:id/staff/:userId')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('platform-admin', 'admin')
  @ApiOperation({ summary: 'Take an account off the centre’s staff (old tokens end)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeStaff(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
  ): Promise<void> {
    await this.centres.removeStaff(user, id, userId);
  }

  @Put('users/:id/coordinator-scope')
  @ApiBearerAuth()
  @Roles('platform-admin')
  @ApiOperation({
    summary: "Set a coordinator's centres: a voivodeship's and/or listed ones (old tokens end)",
  })
  @ApiOkResponse({ description: 'The scope' })
  @ApiErrors(E.NOT_A_COORDINATOR, E.CENTRE_UNKNOWN)
  async coordinatorScope(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: CoordinatorScopeDto,
  ) {
    const scope = await this.centres.setCoordinatorScope(user, id, dto);
    return { userId: scope.userId, voivodeship: scope.voivodeship, centreIds: scope.centreIds };
  }
}
