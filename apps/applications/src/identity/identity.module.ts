import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordPolicy } from './password-policy.service.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { SessionsService } from './sessions.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { VerificationService } from './verification.service.js';
import { ChangeLanguageUseCase } from './use-cases/change-language/change-language.use-case.js';
import { ChangePasswordUseCase } from './use-cases/change-password/change-password.use-case.js';
import { ChangeRoleUseCase } from './use-cases/change-role/change-role.use-case.js';
import { ForgotPasswordUseCase } from './use-cases/forgot-password/forgot-password.use-case.js';
import { GetAccountUseCase } from './use-cases/get-account/get-account.use-case.js';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case.js';
import { LoginUseCase } from './use-cases/login/login.use-case.js';
import { LogoutUseCase } from './use-cases/logout/logout.use-case.js';
import { RefreshUseCase } from './use-cases/refresh/refresh.use-case.js';
import { RegisterUseCase } from './use-cases/register/register.use-case.js';
import { ResetPasswordUseCase } from './use-cases/reset-password/reset-password.use-case.js';
import { SetDisabledUseCase } from './use-cases/set-disabled/set-disabled.use-case.js';
import { TrustProxy } from './trust-proxy.js';

/**
 * Accounts, sessions and passwords (docs/architecture.md#identity-and-tokens,
 * docs/architecture.md#sessions-and-revocation). KeysService and the SessionTokenChecker live in
 * the platform module (token verification).
 */
@Module({
  imports: [AuditModule],
  controllers: [AuthController, UsersController],
  providers: [
    UsersService,
    VerificationService,
    SessionsService,
    PasswordPolicy,
    LoginThrottleService,
    RegisterUseCase,
    LoginUseCase,
    RefreshUseCase,
    LogoutUseCase,
    GetAccountUseCase,
    ChangeLanguageUseCase,
    ChangePasswordUseCase,
    ForgotPasswordUseCase,
    ResetPasswordUseCase,
    ListUsersUseCase,
    ChangeRoleUseCase,
    SetDisabledUseCase,
    RateLimitGuard,
    TrustProxy,
  ],
  exports: [UsersService, SessionsService],
})
export class IdentityModule {}
