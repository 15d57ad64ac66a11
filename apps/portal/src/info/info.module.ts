import { Module } from '@nestjs/common';
import { InfoController } from './info.controller.js';

/** The info pages of the portal (controllers in this folder). */
@Module({ controllers: [InfoController] })
export class InfoModule {}
