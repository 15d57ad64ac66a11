import { Module } from '@nestjs/common';

/** The info pages of the portal (controllers in this folder). */
@Module({ controllers: [] })
export class InfoModule {}
