import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiTag, Roles } from '@app/common';
import { MonitoringScheduler } from './monitoring.scheduler.js';

@ApiTag(
  'monitoring',
  "The scheduler's scans (reports due and overdue, refund claims, settlements, overdue evaluations, reserve funding), run on demand",
)
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(private readonly scheduler: MonitoringScheduler) {}

  @Post('monitoring/run')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({ summary: "Run the scheduler's scans now (they also run periodically)" })
  async run() {
    return (await this.scheduler.runOnce()) ?? {};
  }
}
