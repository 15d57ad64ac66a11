import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';

@Module({
  imports: [CentresModule, DeliveriesModule],
  controllers: [RemindersController],
  providers: [RemindersService, ReminderScheduler],
  exports: [RemindersService, ReminderScheduler],
})
export class RemindersModule {}
