import { Module } from '@nestjs/common';

/** The centre admin: staff accounts and roles, the centre’s settings (/biuro/zespol). */
@Module({ controllers: [] })
export class CentreAdminModule {}
