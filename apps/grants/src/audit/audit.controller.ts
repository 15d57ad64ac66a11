import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ApiTag, AuditService, Roles, auditEntryView } from '@app/common';

class AuditQuery {
  @ApiPropertyOptional({ maxLength: 50, description: 'Only entries of this kind, e.g. `award`' })
  @IsString()
  @MaxLength(50)
  @IsOptional()
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of this entity' })
  @IsUUID()
  @IsOptional()
  entityId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only entries before this moment (the next page: the last entry’s moment)',
  })
  @IsISO8601({ strict: true })
  @IsOptional()
  before?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  @IsOptional()
  limit = 100;
}

@ApiTag('audit', 'The audit log of every state change in the grants service: who, what and when')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Audit log of every state change in the grants service, newest first' })
  async list(@Query() query: AuditQuery) {
    const rows = await this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      limit: query.limit,
      before: query.before ? new Date(query.before) : undefined,
    });
    return {
      items: rows.map(auditEntryView),
    };
  }
}
