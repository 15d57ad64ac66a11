import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { UsersService } from './users.service.js';

/** Accounts and tokens (SPEC §8). KeysService lives in the platform module (token verification). */
@Module({
  controllers: [AuthController],
  providers: [UsersService],
  exports: [UsersService],
})
export class IdentityModule {}
