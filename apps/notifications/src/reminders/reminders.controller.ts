import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { ApiTag, Roles, toWarsawIso, PageQuery } from '@app/common';
import { REMINDER_KINDS, type ReminderKind } from './reminder-rules.js';
import type { ReminderStatus } from './reminder.entity.js';
import { RemindersService, type ReminderListEntry } from './reminders.service.js';

class RemindersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'sent', 'cancelled', 'expired'], default: 'pending' })
  @IsIn(['pending', 'sent', 'cancelled', 'expired'])
  @IsOptional()
  status: ReminderStatus = 'pending';

  @ApiPropertyOptional({ enum: REMINDER_KINDS, description: 'Only reminders of this kind' })
  @IsIn(REMINDER_KINDS)
  @IsOptional()
  kind?: ReminderKind;

  @ApiPropertyOptional({ description: 'Only reminders to this e-mail address' })
  @IsString()
  @IsOptional()
  recipient?: string;

  @ApiPropertyOptional({
    description: 'Only reminders about this reference (an application number, a call number…)',
  })
  @IsString()
  @IsOptional()
  reference?: string;

  /** Due at or after this moment. */
  @ApiPropertyOptional({ format: 'date-time', description: 'Due at or after this moment' })
  @IsISO8601()
  @IsOptional()
  from?: string;

  /** Due before this moment. */
  @ApiPropertyOptional({ format: 'date-time', description: 'Due before this moment' })
  @IsISO8601()
  @IsOptional()
  to?: string;
}

@ApiTag(
  'reminders',
  'Reminders the service will send (or sent, cancelled, expired): what, to whom, when',
)
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      "Reminders (pending by default), soonest first, with their due moments — of the caller's centres",
  })
  async list(@Query() q: RemindersQuery) {
    const { total, entries } = await this.reminders.list({
      status: q.status,
      kind: q.kind,
      recipient: q.recipient,
      reference: q.reference,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, page: q.page, pageSize: q.pageSize, items: entries.map(toView) };
  }
}

/** A reminder as the API shows it: moments in Warsaw time. */
function toView(r: ReminderListEntry) {
  return {
    id: r.id,
    centreId: r.centreId,
    kind: r.kind,
    template: r.template,
    reference: r.reference,
    recipient: r.recipient,
    recipientName: r.recipientName,
    language: r.language,
    status: r.status,
    dueAt: toWarsawIso(r.dueAt),
    dueDate: r.dueDate,
    deadline: toWarsawIso(r.deadline),
    sourceEventId: r.sourceEventId,
    sourceEventType: r.sourceEventType,
    cancelledBy: r.cancelledBy,
    deliveryId: r.deliveryId,
    createdAt: toWarsawIso(r.createdAt),
    closedAt: r.closedAt ? toWarsawIso(r.closedAt) : null,
  };
}
