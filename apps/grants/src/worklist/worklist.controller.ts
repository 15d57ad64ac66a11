import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiTag, Roles, toWarsawIso } from '@app/common';
import { GetWorklist } from './use-cases/get-worklist/get-worklist.use-case.js';

export class WorklistQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: 5,
    minimum: 0,
    maximum: 50,
    description: 'How many items of each kind to list beside its count',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(50)
  @IsOptional()
  limit = 5;
}

@ApiTag(
  'worklist',
  "The centre staff's to-do list: counts and the first items of the work waiting in grants",
)
@ApiBearerAuth()
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklist: GetWorklist) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      "What waits for the caller's centres: overdue evaluations, rankings ready to approve, agreements to prepare, payments due, overdue job reports, vacancies, refunds",
  })
  async get(@Query() query: WorklistQuery) {
    const w = await this.worklist.execute({ limit: query.limit });
    return {
      ...w,
      rankingsReady: {
        ...w.rankingsReady,
        items: w.rankingsReady.items.map((i) => ({ ...i, closesAt: toWarsawIso(i.closesAt) })),
      },
      agreementsToPrepare: {
        ...w.agreementsToPrepare,
        items: w.agreementsToPrepare.items.map((i) => ({
          ...i,
          grantedAt: toWarsawIso(i.grantedAt),
        })),
      },
    };
  }
}
