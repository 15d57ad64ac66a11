import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliverySender } from './delivery-sender.service.js';
import { MailerService } from './mailer.service.js';
import { NotificationEventsController } from './notification-events.controller.js';

@Module({
  controllers: [DeliveriesController, NotificationEventsController],
  providers: [DeliveriesService, DeliverySender, MailerService],
  exports: [DeliveriesService, DeliverySender],
})
export class DeliveriesModule {}
