import { Module } from '@nestjs/common';
import { CentreAdminController } from './centre-admin.controller.js';

/** The centre admin: staff accounts and roles, the centre’s settings (/biuro/zespol). */
@Module({ controllers: [CentreAdminController] })
export class CentreAdminModule {}
