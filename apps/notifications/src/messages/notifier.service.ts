import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventEnvelope, JetStreamContext } from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliverySender } from '../deliveries/delivery-sender.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { cancellationsFor, remindersFor } from '../reminders/reminder-rules.js';
import { planMessages } from './message-plan.js';

/**
 * Applies an event's consequences in the consumer's transaction: its messages are queued (one
 * per event, recipient and template), the reminders it makes moot are cancelled and the ones it
 * sets up are filed. The sender is woken after the commit.
 */
@Injectable()
export class Notifier implements OnModuleInit {
  private readonly logger = new Logger('Notifier');

  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly reminders: RemindersService,
    private readonly sender: DeliverySender,
    private readonly env: NotificationsEnv,
  ) {}

  onModuleInit(): void {
    if (this.env.OPERATOR_EMAILS.length === 0) {
      this.logger.warn(
        'OPERATOR_EMAILS is empty: overdue evaluations and job reports are not escalated to operators, and bridging-support extension requests are not sent to them',
      );
    }
  }

  async handle(event: EventEnvelope, ctx: JetStreamContext): Promise<void> {
    const messages = planMessages(event, { operators: this.env.OPERATOR_EMAILS });
    let queued = 0;
    for (const m of messages) {
      if (
        await this.deliveries.queue(
          ctx.manager,
          event,
          m.template,
          m.recipient,
          m.data,
          m.reference,
        )
      )
        queued++;
    }
    for (const cancellation of cancellationsFor(event)) {
      await this.reminders.cancel(ctx.manager, event, cancellation);
    }
    await this.reminders.schedule(
      ctx.manager,
      event,
      remindersFor(event, { hour: this.env.REMINDER_HOUR }),
    );
    if (queued > 0) ctx.afterCommit(() => this.sender.wake());
  }
}
