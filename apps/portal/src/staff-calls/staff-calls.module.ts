import { Module } from '@nestjs/common';

/** Centre staff: programmes and calls, publication, the evaluator pool (/biuro/nabory). */
@Module({ controllers: [] })
export class StaffCallsModule {}
