import { Module } from '@nestjs/common';
import { StaffHomeController } from './staff-home.controller.js';

/** The centre staff's start page (/biuro): the to-do list. */
@Module({ controllers: [StaffHomeController] })
export class StaffHomeModule {}
