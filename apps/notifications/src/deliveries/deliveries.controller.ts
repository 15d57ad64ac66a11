import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { Roles, toWarsawIso, PageQuery } from '@app/common';
import { DeliveriesService, type DeliveryLogEntry } from './deliveries.service.js';

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
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Delivery log: what was sent, to whom, with what status' })
  async list(@Query() q: DeliveriesQuery) {
    const { total, entries } = await this.deliveries.log({
      recipient: q.recipient,
      reference: q.reference,
      status: q.status,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, page: q.page, pageSize: q.pageSize, items: entries.map(toView) };
  }
}

/** A delivery as the API shows it: moments in Warsaw time, the next attempt only while pending. */
function toView(d: DeliveryLogEntry) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    template: d.template,
    recipient: d.recipient,
    language: d.language,
    reference: d.reference,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt ? toWarsawIso(d.sentAt) : null,
    createdAt: toWarsawIso(d.createdAt),
    nextAttemptAt: d.status === 'pending' ? toWarsawIso(d.nextAttemptAt) : null,
  };
}
