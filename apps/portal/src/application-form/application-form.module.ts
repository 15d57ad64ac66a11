import { Module } from '@nestjs/common';
import { ApplicationFormController } from './application-form.controller.js';

/** The application-form pages of the portal (controllers in this folder). */
@Module({ controllers: [ApplicationFormController] })
export class ApplicationFormModule {}
