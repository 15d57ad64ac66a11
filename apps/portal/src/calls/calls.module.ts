import { Module } from '@nestjs/common';
import { CallsController } from './calls.controller.js';

/** The calls pages of the portal (controllers in this folder). */
@Module({ controllers: [CallsController] })
export class CallsModule {}
