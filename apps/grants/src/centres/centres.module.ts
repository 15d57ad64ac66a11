import { Global, Module } from '@nestjs/common';
import { CentresEventsController } from './centres.events.js';
import { CentresService } from './centres.service.js';

/** The centres read model and the rules of which centre a new programme or call belongs to. */
@Global()
@Module({
  controllers: [CentresEventsController],
  providers: [CentresService],
  exports: [CentresService],
})
export class CentresModule {}
