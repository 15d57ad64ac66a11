import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiTag, Roles, formatPln, toWarsawIso, UuidPipe } from '@app/common';
import { ProgrammesErrors as E } from './programmes.errors.js';
import { ProgrammesService } from './programmes.service.js';
import { CreateProgrammeDto, UpdateProgrammeDto } from './programmes.dto.js';
import type { Programme } from './programme.entity.js';

export function programmeView(p: Programme) {
  return {
    id: p.id,
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
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "Create the centre's programme: counties, money per year, targets" })
  @ApiErrors(E.PROGRAMME_NAME_TAKEN)
  async create(@Body() dto: CreateProgrammeDto) {
    return programmeView(await this.programmes.create(dto));
  }

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Every programme' })
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
