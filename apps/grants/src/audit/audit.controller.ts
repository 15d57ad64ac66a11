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
import { DataSource } from 'typeorm';
import {
  ApiTag,
  AuditService,
  CentreScope,
  Roles,
  auditEntryView,
  type AuditEntry,
} from '@app/common';

/**
 * The table of each audited kind of entity whose rows belong to a centre (the audit log itself is
 * not walled: docs/tenancy.md). `null`: national data every staff member may see.
 */
const AUDITED_TABLES: Readonly<Record<string, string | null>> = {
  appeal: 'appeals',
  application: 'applications',
  award: 'awards',
  'award-job': 'award_jobs',
  'bridging-extension': 'bridging_extension_requests',
  call: 'calls',
  'call-evaluator': 'calls',
  decision: 'decisions',
  evaluation: 'evaluations',
  'job-report': 'job_reports',
  programme: 'programmes',
  'exchange-rate': null,
  'interest-rate': null,
};

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
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      "Audit log of every state change in the grants service, newest first (of the caller's centres' entities)",
  })
  async list(@Query() query: AuditQuery) {
    const rows = await this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      limit: query.limit,
      before: query.before ? new Date(query.before) : undefined,
    });
    return {
      items: (await this.visible(rows)).map(auditEntryView),
    };
  }

  /**
   * The entries of entities the caller's centres hold (the row-level policy decides: an entry
   * whose entity is another centre's, or of an unknown kind, is left out).
   */
  private async visible(rows: AuditEntry[]): Promise<AuditEntry[]> {
    if (CentreScope.current() === '*') return rows;
    const seen = new Set<string>();
    const byTable = new Map<string, string[]>();
    for (const row of rows) {
      const table = AUDITED_TABLES[row.entityType];
      if (!table || !row.entityId) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), row.entityId]);
    }
    for (const [table, ids] of byTable) {
      const found: { id: string }[] = await this.dataSource.query(
        `SELECT id::text AS id FROM grants.${table} WHERE id::text = ANY ($1)`,
        [ids],
      );
      for (const { id } of found) seen.add(`${table}:${id}`);
    }
    return rows.filter((row) => {
      const table = AUDITED_TABLES[row.entityType];
      if (table === null) return true;
      return !!table && !!row.entityId && seen.has(`${table}:${row.entityId}`);
    });
  }
}
