import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiTag, AuditEntry, CentreScope, PageQuery, Roles, auditEntryView } from '@app/common';

export const AUDITED_ENTITY_TYPES = ['application', 'initiative-group', 'user'] as const;

/**
 * The walled table of each kind a centre's staff may read the entries of (the row-level policy
 * decides which rows are theirs: docs/tenancy.md). Accounts' entries are the installation's.
 */
const CENTRE_TABLES: Readonly<Record<string, string>> = {
  application: 'applications.applications',
  'initiative-group': 'applications.initiative_groups',
};

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
  @Roles('platform-admin', 'operator', 'admin')
  @ApiOperation({
    summary:
      "The audit log: every state change, who and when (newest first). The platform administrator reads the installation's; a centre's staff the entries of its centres' applications and initiative groups",
  })
  async list(@Query() query: AuditQuery) {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (query.entityType) qb.andWhere('a.entity_type = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :id', { id: query.entityId });
    if (CentreScope.current() !== '*') {
      // Staff: only entries of an application or a group the row-level policy lets them see.
      const visible = Object.entries(CENTRE_TABLES).map(
        ([type, table]) =>
          `(a.entity_type = '${type}' AND EXISTS (SELECT 1 FROM ${table} t WHERE t.id = a.entity_id))`,
      );
      qb.andWhere(`(${visible.join(' OR ')})`);
    }
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
