import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiTag,
  CurrentUser,
  PLATFORM_ERRORS,
  Roles,
  formatPln,
  toWarsawIso,
  UuidPipe,
  type AuthUser,
} from '@app/common';
import { ProgrammesErrors as E } from './programmes.errors.js';
import { ProgrammesService } from './programmes.service.js';
import { CreateProgrammeDto, UpdateProgrammeDto } from './programmes.dto.js';
import type { Programme } from './programme.entity.js';

export function programmeView(p: Programme) {
  return {
    id: p.id,
    centreId: p.centreId,
    name: p.name,
    counties: p.counties,
    yearlyBudgets: p.yearlyBudgets.map((b) => ({ ...b, amountFormatted: formatPln(b.amount) })),
    targets: p.targets,
    createdAt: toWarsawIso(p.createdAt),
    updatedAt: toWarsawIso(p.updatedAt),
  };
}

const uuid = new UuidPipe();

@ApiTag(
  'programmes',
  "The centre's programmes: the counties served, the money per year and the targets the indicators are measured against",
)
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      "Create a centre's programme: counties (within the centre's), money per year, targets; `centreId` defaults to the caller's only centre",
  })
  @ApiErrors(E.PROGRAMME_NAME_TAKEN, PLATFORM_ERRORS.NOT_FOUND)
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateProgrammeDto) {
    return programmeView(await this.programmes.create(user, dto));
  }

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "The programmes of the caller's centres" })
  async list() {
    return { items: (await this.programmes.list()).map(programmeView) };
  }

  @Get(':id')
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'A programme' })
  async get(@Param('id', uuid) id: string) {
    return programmeView(await this.programmes.get(id));
  }

  @Patch(':id')
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "Change a programme's name, counties, yearly budgets or targets" })
  @ApiErrors(E.PROGRAMME_NAME_TAKEN)
  async update(@Param('id', uuid) id: string, @Body() dto: UpdateProgrammeDto) {
    return programmeView(await this.programmes.update(id, dto));
  }
}
