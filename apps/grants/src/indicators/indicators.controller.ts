import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiTag, Roles } from '@app/common';
import { field, invalid } from '../shared/problems.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTag(
  'indicators',
  "The programme's indicators per county (groups supported, enterprises strengthened and created, jobs created) beside its targets",
)
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'Indicators per programme and county beside the targets (JSON, or CSV with ?format=csv)',
  })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ['json', 'csv'],
    description: 'JSON (default) or CSV; another value answers 400',
  })
  @ApiOkResponse({
    description: 'The indicators, as JSON or (`format=csv`) as a CSV file',
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async get(
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      throw invalid([field('format', 'Dozwolone: json, csv', 'Allowed: json, csv')]);
    }
    const data = await this.indicators.compute();
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="indicators.csv"');
      return this.indicators.csv(data);
    }
    return { items: data };
  }
}
