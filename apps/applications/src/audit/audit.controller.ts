import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiTag, AuditEntry, PageQuery, Roles, auditEntryView } from '@app/common';

export const AUDITED_ENTITY_TYPES = ['application', 'initiative-group', 'user'] as const;

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITY_TYPES, description: 'Only entries of this kind' })
  @IsIn(AUDITED_ENTITY_TYPES)
  @IsOptional()
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of this entity' })
  @IsUUID()
  @IsOptional()
  entityId?: string;
}

@ApiTag('audit', 'The audit log of every state change: who, what and when')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('platform-admin')
  @ApiOperation({
    summary:
      "The installation's audit log: every state change, who and when (newest first; platform administrator)",
  })
  async list(@Query() query: AuditQuery) {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (query.entityType) qb.andWhere('a.entity_type = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :id', { id: query.entityId });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.seq', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: items.map(auditEntryView),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
