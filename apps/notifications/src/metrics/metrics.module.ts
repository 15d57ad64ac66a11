import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { NotificationsMetrics } from './notifications.metrics.js';

/** The notifications service's scrape-time gauges (served at `/metrics` with the platform's). */
@Module({ imports: [RemindersModule], providers: [NotificationsMetrics] })
export class NotificationsMetricsModule {}
