import { Module } from '@nestjs/common';
import { SignInController } from './sign-in.controller.js';
import { RegisterController } from './register.controller.js';
import { PasswordController } from './password.controller.js';
import { AccountController } from './account.controller.js';

/** Signing in and out, registration, passwords and the account page. */
@Module({
  controllers: [SignInController, RegisterController, PasswordController, AccountController],
})
export class AccountModule {}
