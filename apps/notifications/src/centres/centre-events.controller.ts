import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';
import { CentresService } from './centres.service.js';

/** Keeps the centres read model from `applications.centre.changed` (in the inbox transaction). */
@Controller()
export class CentreEventsController {
  constructor(private readonly centres: CentresService) {}

  @OnEvent('applications.centre.changed')
  onCentreChanged(
    @Payload() event: EventEnvelope<'applications.centre.changed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.centres.apply(ctx.manager, event.payload);
  }
}
