import { Module } from '@nestjs/common';

/** The groups pages of the portal (controllers in this folder). */
@Module({ controllers: [] })
export class GroupsModule {}
