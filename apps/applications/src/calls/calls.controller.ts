import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { ApiError, ApiTag, Clock, Public, formatPln, toWarsawIso, UuidPipe } from '@app/common';
import { isCallOpen } from '../domain/call-window.js';
import { CallReadModel } from './call.entity.js';

class CallsQuery {
  @ApiPropertyOptional({
    enum: ['open', 'all'],
    default: 'open',
    description: 'The open calls only (default), or every call',
  })
  @IsIn(['open', 'all'])
  @IsOptional()
  status: 'open' | 'all' = 'open';
}

export function callView(call: CallReadModel, now: Date) {
  return {
    id: call.id,
    number: call.number,
    /** The centre running the call (the portal names it and its contact). */
    centreId: call.centreId,
    title: call.title,
    opensAt: toWarsawIso(call.opensAt),
    closesAt: toWarsawIso(call.closesAt),
    open: isCallOpen(call, now),
    budget: call.budget,
    budgetFormatted: formatPln(call.budget),
    counties: call.counties,
    fundingModel: call.fundingModel,
    maxJobsPerEntity: call.maxJobsPerEntity,
    correctionTermWorkingDays: call.correctionTermWorkingDays,
    appealTermWorkingDays: call.appealTermWorkingDays,
  };
}

@ApiTag(
  'calls',
  'Calls for applications (nabory) as published by the grants service; public, no token needed',
)
@Controller('calls')
export class CallsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Calls for applications (nabory) — open ones by default' })
  async list(@Query() query: CallsQuery) {
    const now = this.clock.now();
    // The open calls of domain/call-window.ts (isCallOpen), as a query: opensAt <= now < closesAt.
    const where =
      query.status === 'all' ? {} : { opensAt: LessThanOrEqual(now), closesAt: MoreThan(now) };
    const calls = await this.dataSource
      .getRepository(CallReadModel)
      .find({ where, order: { closesAt: 'ASC' } });
    return { items: calls.map((c) => callView(c, now)) };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A call for applications, with whether it is open now' })
  async get(@Param('id', new UuidPipe()) id: string) {
    const call = await this.dataSource.getRepository(CallReadModel).findOne({ where: { id } });
    if (!call) throw ApiError.notFound({ pl: 'Nie ma takiego naboru', en: 'No such call' });
    return callView(call, this.clock.now());
  }
}
