import { Module } from '@nestjs/common';

/** Centre staff: agreements, payments, bridging support, jobs, refunds, settlement (/biuro/umowy). */
@Module({ controllers: [] })
export class StaffAwardsModule {}
