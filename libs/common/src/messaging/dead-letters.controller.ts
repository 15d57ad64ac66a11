import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles.decorator.js';
import { ApiTag } from '../http/api-errors.decorator.js';

class DeadLetterQuery {
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  @IsOptional()
  limit = 50;
}

@ApiTag(
  'operations',
  'For operators: the events this service gave up on (dead letters) and its metrics',
)
@ApiBearerAuth()
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Events this service gave up on (poison or out of retries), newest first',
  })
  async list(@Query() query: DeadLetterQuery) {
    const rows = await this.dataSource.query(
      `SELECT id, consumer, subject, event_id AS "eventId", payload, error, deliveries, created_at AS "createdAt"
         FROM dead_letters ORDER BY created_at DESC LIMIT $1`,
      [query.limit],
    );
    return { items: rows };
  }
}
