import { Module } from '@nestjs/common';
import { RegionController } from './region.controller.js';
import { RegionService } from './region.service.js';

/** The regional coordinator's figures across the centres of a region. */
@Module({ controllers: [RegionController], providers: [RegionService] })
export class RegionModule {}
