import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CurrentUser, PLATFORM_ERRORS, Public, type AuthUser } from '@app/common';
import { accountView } from './account.view.js';
import { IdentityErrors } from './identity.errors.js';
import { KeysService } from './keys.service.js';
import { TooManyAttempts } from './login-throttle.service.js';
import { VerificationService } from './verification.service.js';
import { RateLimit, RateLimitGuard, clientAddress } from './rate-limit.guard.js';
import { ChangeLanguageUseCase } from './use-cases/change-language/change-language.use-case.js';
import { ChangePasswordUseCase } from './use-cases/change-password/change-password.use-case.js';
import { ForgotPasswordUseCase } from './use-cases/forgot-password/forgot-password.use-case.js';
import { GetAccountUseCase } from './use-cases/get-account/get-account.use-case.js';
import { LoginUseCase } from './use-cases/login/login.use-case.js';
import { LogoutUseCase } from './use-cases/logout/logout.use-case.js';
import { RefreshUseCase } from './use-cases/refresh/refresh.use-case.js';
import { RegisterUseCase } from './use-cases/register/register.use-case.js';
import { ResetPasswordUseCase } from './use-cases/reset-password/reset-password.use-case.js';
import {
  AcceptedResponse,
  ChangePasswordDto,
  ForgotPasswordDto,
  LanguageDto,
  LoginDto,
  LogoutDto,
  RefreshDto,
  RegisterDto,
  RegisteredResponse,
  ResendVerificationDto,
  ResetPasswordDto,
  TokenResponse,
  VerifyEmailDto,
} from './auth.dto.js';

/** Sets `Retry-After` on a throttled answer (the use case says how long). */
async function withRetryAfter<T>(res: { setHeader(n: string, v: string): void }, work: Promise<T>) {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TooManyAttempts)
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * Accounts, sessions and passwords (docs/architecture.md#sessions-and-revocation). Designed for
 * a server client (the portal's back end keeps the tokens in its HttpOnly cookie session):
 * tokens travel in JSON bodies, never in cookies or URLs.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly verification: VerificationService,
    private readonly registerUseCase: RegisterUseCase,
    private readonly loginUseCase: LoginUseCase,
    private readonly refreshUseCase: RefreshUseCase,
    private readonly logoutUseCase: LogoutUseCase,
    private readonly getAccount: GetAccountUseCase,
    private readonly changeLanguage: ChangeLanguageUseCase,
    private readonly changePasswordUseCase: ChangePasswordUseCase,
    private readonly forgotPasswordUseCase: ForgotPasswordUseCase,
    private readonly resetPasswordUseCase: ResetPasswordUseCase,
    private readonly keys: KeysService,
  ) {}

  @Post('register')
  @Public()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @RateLimit('register')
  @ApiOperation({
    summary: 'Register an applicant account; a verification link is e-mailed',
    description:
      'Answers 202 alike whether or not the address already has an account; the owner of an existing account is told by e-mail instead. Rate-limited per client address and e-mail (429 with Retry-After).',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiErrors(IdentityErrors.PASSWORD_TOO_WEAK, PLATFORM_ERRORS.TOO_MANY_REQUESTS)
  async register(@Body() dto: RegisterDto): Promise<AcceptedResponse> {
    await this.registerUseCase.execute(dto);
    return { accepted: true };
  }

  @Post('verify-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the e-mail address with the one-time token from the link' })
  @ApiOkResponse({ type: RegisteredResponse })
  @ApiErrors(IdentityErrors.VERIFICATION_TOKEN_INVALID, IdentityErrors.VERIFICATION_TOKEN_EXPIRED)
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<RegisteredResponse> {
    return accountView(await this.verification.verify(dto.token));
  }

  @Post('verify-email/resend')
  @Public()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @RateLimit('register')
  @ApiOperation({
    summary: 'Send a new verification link (answers the same whether or not the account exists)',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiErrors(PLATFORM_ERRORS.TOO_MANY_REQUESTS)
  async resend(@Body() dto: ResendVerificationDto): Promise<AcceptedResponse> {
    await this.verification.resend(dto.email);
    return { accepted: true };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: a short-lived access token and a refresh token of a new session',
    description:
      'Throttled per account and per client address with a growing delay (429 with Retry-After; never a lock-out).',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors(
    IdentityErrors.INVALID_CREDENTIALS,
    IdentityErrors.EMAIL_NOT_VERIFIED,
    IdentityErrors.ACCOUNT_DISABLED,
    PLATFORM_ERRORS.TOO_MANY_REQUESTS,
  )
  async login(
    @Body() dto: LoginDto,
    @Req() req: Record<string, any>,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ): Promise<TokenResponse> {
    return withRetryAfter(
      res,
      this.loginUseCase.execute({
        email: dto.email,
        password: dto.password,
        address: clientAddress(req),
      }),
    );
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a refresh token: a new access token and a new refresh token',
    description:
      'A refresh token works once. Presenting a used one again ends the whole session (reuse detection, audited) and answers 401.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors(IdentityErrors.INVALID_REFRESH_TOKEN)
  refresh(@Body() dto: RefreshDto): Promise<TokenResponse> {
    return this.refreshUseCase.execute({ refreshToken: dto.refreshToken });
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End the session of the bearer token (or of the refresh token in the body)',
    description:
      'Its refresh tokens stop at once, its access tokens here at once and in the other services within seconds. Answers 204 whether or not there was such a session.',
  })
  @ApiNoContentResponse({ description: 'The session has ended' })
  async logout(@Body() dto: LogoutDto, @Req() req: { user?: AuthUser }): Promise<void> {
    await this.logoutUseCase.execute({
      sessionId: req.user?.sessionId,
      userId: req.user?.id,
      refreshToken: dto.refreshToken,
    });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s own account' })
  @ApiOkResponse({ type: RegisteredResponse })
  @ApiErrors(PLATFORM_ERRORS.NOT_FOUND)
  async me(@CurrentUser() caller: AuthUser): Promise<RegisteredResponse> {
    return accountView(await this.getAccount.execute({ userId: caller.id }));
  }

  @Put('me/language')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegisteredResponse })
  @ApiOperation({ summary: 'The language of messages and e-mails: pl (default) or en' })
  @ApiErrors(PLATFORM_ERRORS.NOT_FOUND)
  async language(
    @CurrentUser() caller: AuthUser,
    @Body() dto: LanguageDto,
  ): Promise<RegisteredResponse> {
    return accountView(
      await this.changeLanguage.execute({ userId: caller.id, language: dto.language }),
    );
  }

  @Put('me/password')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the password (the current one required); every other session ends',
    description:
      'Answers a new access token for the session kept (the old ones stop: the token version rose); its refresh token stays valid. Wrong current passwords are throttled like logins.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors(
    IdentityErrors.CURRENT_PASSWORD_INVALID,
    IdentityErrors.PASSWORD_TOO_WEAK,
    PLATFORM_ERRORS.NOT_FOUND,
    PLATFORM_ERRORS.TOO_MANY_REQUESTS,
  )
  changePassword(
    @CurrentUser() caller: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() req: Record<string, any>,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ): Promise<TokenResponse> {
    return withRetryAfter(
      res,
      this.changePasswordUseCase.execute({
        caller,
        currentPassword: dto.currentPassword,
        newPassword: dto.newPassword,
        address: clientAddress(req),
      }),
    );
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @RateLimit('password-reset')
  @ApiOperation({
    summary: 'E-mail a one-time link to set a new password',
    description:
      'Answers 202 alike whether or not the address has an account. Rate-limited per client address and e-mail (429 with Retry-After).',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiErrors(PLATFORM_ERRORS.TOO_MANY_REQUESTS)
  async forgotPassword(@Body() dto: ForgotPasswordDto): Promise<AcceptedResponse> {
    await this.forgotPasswordUseCase.execute({ email: dto.email });
    return { accepted: true };
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token from the link; every session ends',
  })
  @ApiNoContentResponse({ description: 'The password is set; log in with it' })
  @ApiErrors(
    IdentityErrors.RESET_TOKEN_INVALID,
    IdentityErrors.RESET_TOKEN_EXPIRED,
    IdentityErrors.PASSWORD_TOO_WEAK,
  )
  async resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.resetPasswordUseCase.execute({ token: dto.token, password: dto.password });
  }

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  jwks() {
    return this.keys.jwks();
  }
}
