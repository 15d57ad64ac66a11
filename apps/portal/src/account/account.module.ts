import { Module } from '@nestjs/common';
import { SignInController } from './sign-in.controller.js';

/** Signing in and out, registration, passwords and the account page. */
@Module({ controllers: [SignInController] })
export class AccountModule {}
