import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';
import { upsertPublishedCall } from './calls.read-model.js';

/** Keeps the calls read model up to date from `grants`. */
@Controller()
export class CallsEventsController {
  @OnEvent('grants.call.published')
  async onCallPublished(
    @Payload() event: EventEnvelope<'grants.call.published'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    await upsertPublishedCall(ctx.manager, event.payload);
  }
}
