import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles.decorator.js';
import { ApiTag } from '../http/api-errors.decorator.js';
import { CentreScope } from '../tenancy/centre-scope.js';

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
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      "Events this service gave up on (poison or out of retries), newest first: staff see their centres' events, a platform administrator every one",
  })
  async list(@Query() query: DeadLetterQuery) {
    // Dead letters are the installation's (no row-level policy): the event's own centreId is the
    // wall. An event naming no centre (an account's, an unreadable one) is the platform's.
    const scope = CentreScope.setting(CentreScope.current());
    const rows = await this.dataSource.query(
      `SELECT id, consumer, subject, event_id AS "eventId", payload, error, deliveries, created_at AS "createdAt"
         FROM dead_letters
        WHERE $2 = '*' OR (payload -> 'payload' ->> 'centreId') = ANY (string_to_array(NULLIF($2, ''), ','))
        ORDER BY created_at DESC LIMIT $1`,
      [query.limit, scope],
    );
    return { items: rows };
  }
}
