import { Module } from '@nestjs/common';

/** The application-status pages of the portal (controllers in this folder). */
@Module({ controllers: [] })
export class ApplicationStatusModule {}
