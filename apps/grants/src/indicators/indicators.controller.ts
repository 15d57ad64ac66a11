import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/common';
import { field, invalid } from '../shared/problems.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators')
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
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
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
