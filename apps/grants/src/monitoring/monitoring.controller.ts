import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { MonitoringScheduler } from './monitoring.scheduler.js';

@ApiTags('monitoring')
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
