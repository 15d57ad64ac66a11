import { Module } from '@nestjs/common';
import { PreferencesModule } from '../preferences/preferences.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliverySender } from './delivery-sender.service.js';
import { MailerService } from './mailer.service.js';

@Module({
  imports: [PreferencesModule],
  controllers: [DeliveriesController],
  providers: [DeliveriesService, DeliverySender, MailerService],
  exports: [DeliveriesService, DeliverySender],
})
export class DeliveriesModule {}
