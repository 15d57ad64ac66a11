import { Module } from '@nestjs/common';

/** Centre staff: indicators, the delivery log, reminders, the audit trail. */
@Module({ controllers: [] })
export class StaffReportsModule {}
