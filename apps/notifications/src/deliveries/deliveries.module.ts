import { Module } from '@nestjs/common';
import { AuditService } from '@app/common';
import { PreferencesModule } from '../preferences/preferences.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { DeliverySender } from './delivery-sender.service.js';
import { DeliveryStore } from './delivery-store.js';
import { MailerService } from './mailer.service.js';
import { ResendDelivery } from './use-cases/resend-delivery/resend-delivery.use-case.js';
import { ResendDeliveries } from './use-cases/resend-deliveries/resend-deliveries.use-case.js';

@Module({
  imports: [PreferencesModule],
  controllers: [DeliveriesController],
  providers: [
    DeliveriesService,
    DeliverySender,
    DeliveryStore,
    DeliveryMetrics,
    MailerService,
    AuditService,
    ResendDelivery,
    ResendDeliveries,
  ],
  exports: [DeliveriesService, DeliverySender],
})
export class DeliveriesModule {}
