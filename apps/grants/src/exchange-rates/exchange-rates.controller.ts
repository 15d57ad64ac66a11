import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiErrors, ApiTag, CurrentUser, Roles, type AuthUser } from '@app/common';
import { ExchangeRatesErrors as E } from './exchange-rates.errors.js';
import { ExchangeRatesService } from './exchange-rates.service.js';
import { ExchangeRateDto } from './exchange-rates.dto.js';

@ApiTag(
  'exchange-rates',
  'The NBP average EUR rates (table A) the de minimis ceiling is converted at',
)
@ApiBearerAuth()
@Controller('exchange-rates')
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'NBP average EUR rates the de minimis ceiling is converted at, each from its day',
  })
  async list() {
    return { items: await this.rates.list() };
  }

  @Post()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Add the NBP table A EUR rate of a day (never an edit of a past one)' })
  @ApiResponse({ status: 201, description: 'Added (and published to applications)' })
  @ApiResponse({ status: 400, description: 'A malformed rate, or a future day.' })
  @ApiErrors(E.RATE_EXISTS)
  async add(@CurrentUser() user: AuthUser, @Body() dto: ExchangeRateDto) {
    return this.rates.add(user.id, dto);
  }
}
