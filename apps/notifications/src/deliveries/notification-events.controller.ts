import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';
import { DeliveriesService } from './deliveries.service.js';
import { DeliverySender } from './delivery-sender.service.js';

/** Turns events into messages (SPEC §4). Thin: pick the template and recipient, queue, wake the sender. */
@Controller()
export class NotificationEventsController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly sender: DeliverySender,
  ) {}

  @OnEvent('applications.application.submitted')
  async onApplicationSubmitted(
    @Payload() event: EventEnvelope<'applications.application.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await this.deliveries.queue(
      ctx.manager,
      event,
      'application-submitted',
      p.applicant,
      { reference: p.reference, callNumber: p.callNumber, callTitle: p.callTitle, submittedAt: p.submittedAt },
      p.reference,
    );
    ctx.afterCommit(() => this.sender.wake());
  }
}
