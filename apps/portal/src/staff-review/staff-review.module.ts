import { Module } from '@nestjs/common';

/** Centre staff: applications, the formal check, the ranking and its approval. */
@Module({ controllers: [] })
export class StaffReviewModule {}
