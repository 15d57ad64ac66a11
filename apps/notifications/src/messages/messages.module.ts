import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { NotificationEventsController } from './notification-events.controller.js';
import { Notifier } from './notifier.service.js';

@Module({
  imports: [CentresModule, DeliveriesModule, RemindersModule],
  controllers: [NotificationEventsController],
  providers: [Notifier],
})
export class MessagesModule {}
