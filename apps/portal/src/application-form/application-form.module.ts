import { Module } from '@nestjs/common';

/** The application-form pages of the portal (controllers in this folder). */
@Module({ controllers: [] })
export class ApplicationFormModule {}
