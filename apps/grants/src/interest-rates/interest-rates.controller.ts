import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiTag, Roles } from '@app/common';
import { InterestRatesErrors as E } from './interest-rates.errors.js';
import { InterestRateDto } from './interest-rates.dto.js';
import { AddInterestRate } from './use-cases/add-interest-rate/add-interest-rate.use-case.js';
import { ListInterestRates } from './use-cases/list-interest-rates/list-interest-rates.use-case.js';

@ApiTag(
  'interest-rates',
  'The statutory interest rates refund claims are charged at, each in force from its day',
)
@ApiBearerAuth()
@Controller('interest-rates')
export class InterestRatesController {
  constructor(
    private readonly listRates: ListInterestRates,
    private readonly addRate: AddInterestRate,
  ) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Statutory interest rates, each in force from its date' })
  async list() {
    return { items: await this.listRates.execute() };
  }

  @Post()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Add a statutory interest rate in force from a date (a change is a new entry)',
  })
  @ApiErrors(E.RATE_EXISTS)
  async add(@Body() dto: InterestRateDto) {
    const rate = await this.addRate.execute({ rate: dto });
    return { validFrom: rate.validFrom, ratePercent: rate.ratePercent };
  }
}
