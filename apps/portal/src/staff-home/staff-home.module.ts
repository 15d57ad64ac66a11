import { Module } from '@nestjs/common';

/** The centre staff’s start page (/biuro): the to-do list. */
@Module({ controllers: [] })
export class StaffHomeModule {}
