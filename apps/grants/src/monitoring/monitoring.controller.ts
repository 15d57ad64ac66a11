import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { InterestRateDto } from '../awards/awards.dto.js';
import { MonitoringScheduler } from './monitoring.scheduler.js';
import { MonitoringService } from './monitoring.service.js';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly scheduler: MonitoringScheduler,
  ) {}

  @Post('monitoring/run')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "Run the scheduler's scans now (they also run periodically)" })
  async run() {
    return (await this.scheduler.runOnce()) ?? {};
  }

  @Get('interest-rates')
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Statutory interest rates, each in force from its date' })
  async rates() {
    return {
      items: (await this.monitoring.rates()).map((r) => ({
        validFrom: r.validFrom,
        ratePercent: r.ratePercent,
      })),
    };
  }

  @Post('interest-rates')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Add a statutory interest rate in force from a date (a change is a new entry)',
  })
  async addRate(@Body() dto: InterestRateDto) {
    const rate = await this.monitoring.addRate(dto);
    return { validFrom: rate.validFrom, ratePercent: rate.ratePercent };
  }
}
