import { Module } from '@nestjs/common';

/** The regional coordinator’s view of every centre (/region). */
@Module({ controllers: [] })
export class RegionModule {}
