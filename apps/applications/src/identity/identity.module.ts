import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { UsersService } from './users.service.js';
import { VerificationService } from './verification.service.js';
import { ChangeLanguageUseCase } from './use-cases/change-language/change-language.use-case.js';
import { GetAccountUseCase } from './use-cases/get-account/get-account.use-case.js';
import { LoginUseCase } from './use-cases/login/login.use-case.js';

/**
 * Accounts and tokens (docs/architecture.md#identity-and-tokens). KeysService lives in the platform
 * module (token verification). Login and registration are rate-limited per client IP and e-mail
 * (settings in ApplicationsEnv).
 */
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [
    UsersService,
    VerificationService,
    LoginUseCase,
    GetAccountUseCase,
    ChangeLanguageUseCase,
    RateLimitGuard,
  ],
  exports: [UsersService],
})
export class IdentityModule {}
