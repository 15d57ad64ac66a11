import { Module } from '@nestjs/common';
import { CentreEventsController } from './centre-events.controller.js';
import { CentresService } from './centres.service.js';

@Module({
  controllers: [CentreEventsController],
  providers: [CentresService],
  exports: [CentresService],
})
export class CentresModule {}
