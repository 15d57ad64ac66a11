import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AuditService, Roles, auditEntryView } from '@app/common';

class AuditQuery {
  @IsString()
  @MaxLength(50)
  @IsOptional()
  entityType?: string;

  @IsUUID()
  @IsOptional()
  entityId?: string;

  @IsISO8601({ strict: true })
  @IsOptional()
  before?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  @IsOptional()
  limit = 100;
}

@ApiTags('audit')
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
