import { Module } from '@nestjs/common';

/** The calls pages of the portal (controllers in this folder). */
@Module({ controllers: [] })
export class CallsModule {}
