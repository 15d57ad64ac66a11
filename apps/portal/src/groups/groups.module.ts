import { Module } from '@nestjs/common';
import { GroupsController } from './groups.controller.js';

/** The initiative group pages of the portal (controllers in this folder). */
@Module({ controllers: [GroupsController] })
export class GroupsModule {}
