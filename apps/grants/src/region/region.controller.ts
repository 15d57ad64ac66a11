import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiTag, Roles } from '@app/common';
import { field, invalid } from '../shared/problems.js';
import { RegionService } from './region.service.js';

@ApiTag(
  'region',
  "The regional coordinator's figures: every centre's indicators beside its targets, the region's sum, per county and per year — counts and money only",
)
@ApiBearerAuth()
@Controller('region')
export class RegionController {
  constructor(private readonly region: RegionService) {}

  @Get('indicators')
  @Roles('coordinator', 'platform-admin')
  @ApiOperation({
    summary:
      "Indicators of the caller's centres beside their targets, summed for the region, per county and per year (JSON, or CSV with ?format=csv)",
  })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ['json', 'csv'],
    description: 'JSON (default) or CSV; another value answers 400',
  })
  @ApiQuery({
    name: 'year',
    required: false,
    type: Number,
    description:
      'Only the figures of this year (2000–2100; see docs/tenancy.md for which date counts); another value answers 400',
  })
  @ApiOkResponse({
    description: 'The figures, as JSON or (`format=csv`) as a CSV file',
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async get(
    @Query('format') format: string | undefined,
    @Query('year') year: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      throw invalid([field('format', 'Dozwolone: json, csv', 'Allowed: json, csv')]);
    }
    const parsed = year === undefined ? null : parseYear(year);
    const data = await this.region.figures(parsed);
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="region-indicators.csv"');
      return this.region.csv(data);
    }
    return data;
  }
}

/** The `year` query parameter: a year 2000–2100, else 400. */
function parseYear(year: string): number {
  const n = /^\d{4}$/.test(year) ? Number(year) : NaN;
  if (!(n >= 2000 && n <= 2100)) {
    throw invalid([field('year', 'Rok 2000–2100', 'A year 2000–2100')]);
  }
  return n;
}
