import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles, toWarsawIso, PageQuery } from '@app/common';

class DeliveriesQuery extends PageQuery {
  @IsString()
  @IsOptional()
  recipient?: string;

  @IsString()
  @IsOptional()
  reference?: string;

  @IsIn(['pending', 'sent', 'failed'])
  @IsOptional()
  status?: 'pending' | 'sent' | 'failed';

  @IsISO8601()
  @IsOptional()
  from?: string;

  @IsISO8601()
  @IsOptional()
  to?: string;
}

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Delivery log: what was sent, to whom, with what status' })
  async list(@Query() q: DeliveriesQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.recipient) add('recipient = ?', q.recipient.toLowerCase());
    if (q.reference) add('reference = ?', q.reference);
    if (q.status) add('status = ?', q.status);
    if (q.from) add('created_at >= ?', new Date(q.from));
    if (q.to) add('created_at < ?', new Date(q.to));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM deliveries ${clause}`,
      params,
    );
    const rows: any[] = await this.dataSource.query(
      `SELECT id, event_id, event_type, template, recipient, language, reference, subject, status, attempts,
              last_error, sent_at, created_at, next_attempt_at
         FROM deliveries ${clause}
        ORDER BY created_at DESC, id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        eventType: r.event_type,
        template: r.template,
        recipient: r.recipient,
        language: r.language,
        reference: r.reference,
        subject: r.subject,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        sentAt: r.sent_at ? toWarsawIso(r.sent_at) : null,
        createdAt: toWarsawIso(r.created_at),
        nextAttemptAt: r.status === 'pending' ? toWarsawIso(r.next_attempt_at) : null,
      })),
    };
  }
}
