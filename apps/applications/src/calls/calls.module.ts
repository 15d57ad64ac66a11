import { Module } from '@nestjs/common';
import { CallsController } from './calls.controller.js';
import { CallsEventsController } from './calls.events.js';

@Module({ controllers: [CallsController, CallsEventsController] })
export class CallsModule {}
