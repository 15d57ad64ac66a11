import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';

@Module({
  imports: [DeliveriesModule],
  controllers: [RemindersController],
  providers: [RemindersService, ReminderScheduler],
  exports: [RemindersService, ReminderScheduler],
})
export class RemindersModule {}
