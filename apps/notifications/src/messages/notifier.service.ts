import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventEnvelope, JetStreamContext } from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { CentresService } from '../centres/centres.service.js';
import {
  centreLetterhead,
  installationLetterhead,
  operatorsOf,
  type Letterhead,
} from '../centres/letterhead.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliverySender } from '../deliveries/delivery-sender.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { cancellationsFor, remindersFor } from '../reminders/reminder-rules.js';
import { planMessages } from './message-plan.js';

/** The centre an event is about (`centreId`); none for an event of the installation (accounts). */
export function centreOfEvent(event: EventEnvelope): string | null {
  const centreId = (event.payload as { centreId?: unknown }).centreId;
  return typeof centreId === 'string' ? centreId.toLowerCase() : null;
}

/**
 * Applies an event's consequences in the consumer's transaction: its messages are queued (one
 * per event, recipient and template) in the name of the event's centre — or of the installation
 * for an event without one — the reminders it makes moot are cancelled and the ones it sets up
 * are filed under its centre. The sender is woken after the commit.
 */
@Injectable()
export class Notifier implements OnModuleInit {
  private readonly logger = new Logger('Notifier');

  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly reminders: RemindersService,
    private readonly sender: DeliverySender,
    private readonly centres: CentresService,
    private readonly env: NotificationsEnv,
  ) {}

  onModuleInit(): void {
    if (this.env.OPERATOR_EMAILS.length === 0) {
      this.logger.warn(
        'OPERATOR_EMAILS is empty: overdue evaluations and job reports of a centre without an operators mailbox are not escalated to operators, and its bridging-support extension requests are not sent to them',
      );
    }
  }

  async handle(event: EventEnvelope, ctx: JetStreamContext): Promise<void> {
    const centreId = centreOfEvent(event);
    const centre = centreId ? await this.centres.find(ctx.manager, centreId) : null;
    const messages = planMessages(event, { operators: operatorsOf(centre, this.env) });
    const planned = remindersFor(event, { hour: this.env.REMINDER_HOUR });
    let letterhead: Letterhead = installationLetterhead(this.env);
    if (centreId) {
      if (!centre && (messages.length > 0 || planned.length > 0)) {
        // Its `applications.centre.changed` is on its way (JetStream does not order work across
        // handlers): retried with backoff, and dead-lettered if the centre never comes.
        throw new Error(
          `Centre ${centreId} is not known yet: its letters wait for applications.centre.changed`,
        );
      }
      if (centre) letterhead = centreLetterhead(centre, this.env);
    }
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
          letterhead,
        )
      )
        queued++;
    }
    for (const cancellation of cancellationsFor(event)) {
      await this.reminders.cancel(ctx.manager, event, cancellation, centreId);
    }
    await this.reminders.schedule(ctx.manager, event, planned, centreId);
    if (queued > 0) ctx.afterCommit(() => this.sender.wake());
  }
}
