import { Module } from '@nestjs/common';
import { RegionController } from './region.controller.js';

/** The regional coordinator’s view of every centre (/region). */
@Module({ controllers: [RegionController] })
export class RegionModule {}
