import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles, toWarsawIso, PageQuery } from '@app/common';
import { REMINDER_KINDS, type ReminderKind } from './reminder-rules.js';
import type { ReminderStatus } from './reminder.entity.js';

class RemindersQuery extends PageQuery {
  @IsIn(['pending', 'sent', 'cancelled', 'expired'])
  @IsOptional()
  status: ReminderStatus = 'pending';

  @IsIn(REMINDER_KINDS)
  @IsOptional()
  kind?: ReminderKind;

  @IsString()
  @IsOptional()
  recipient?: string;

  @IsString()
  @IsOptional()
  reference?: string;

  /** Due at or after this moment. */
  @IsISO8601()
  @IsOptional()
  from?: string;

  /** Due before this moment. */
  @IsISO8601()
  @IsOptional()
  to?: string;
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Reminders (pending by default), soonest first, with their due moments',
  })
  async list(@Query() q: RemindersQuery) {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    add('status = ?', q.status);
    if (q.kind) add('kind = ?', q.kind);
    if (q.recipient) add('recipient = ?', q.recipient.toLowerCase());
    if (q.reference) add('reference = ?', q.reference);
    if (q.from) add('due_at >= ?', new Date(q.from));
    if (q.to) add('due_at < ?', new Date(q.to));
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications.reminders ${clause}`,
      params,
    );
    const rows: any[] = await this.dataSource.query(
      `SELECT id, kind, template, source_event_id, source_event_type, recipient, recipient_name, language, reference,
              due_at, deadline, due_date::text AS due_date, status, cancelled_by, delivery_id, created_at, closed_at
         FROM notifications.reminders ${clause}
        ORDER BY due_at, id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        template: r.template,
        reference: r.reference,
        recipient: r.recipient,
        recipientName: r.recipient_name,
        language: r.language,
        status: r.status,
        dueAt: toWarsawIso(r.due_at),
        dueDate: r.due_date,
        deadline: toWarsawIso(r.deadline),
        sourceEventId: r.source_event_id,
        sourceEventType: r.source_event_type,
        cancelledBy: r.cancelled_by,
        deliveryId: r.delivery_id,
        createdAt: toWarsawIso(r.created_at),
        closedAt: r.closed_at ? toWarsawIso(r.closed_at) : null,
      })),
    };
  }
}
