import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { InterestRateDto } from './interest-rates.dto.js';
import { AddInterestRate } from './use-cases/add-interest-rate/add-interest-rate.use-case.js';
import { ListInterestRates } from './use-cases/list-interest-rates/list-interest-rates.use-case.js';

@ApiTags('interest-rates')
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
  async add(@Body() dto: InterestRateDto) {
    const rate = await this.addRate.execute({ rate: dto });
    return { validFrom: rate.validFrom, ratePercent: rate.ratePercent };
  }
}
