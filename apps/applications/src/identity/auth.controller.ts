import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '@app/common';
import { accountView } from './account.view.js';
import { KeysService } from './keys.service.js';
import { VerificationService } from './verification.service.js';
import { RateLimit, RateLimitGuard } from './rate-limit.guard.js';
import { ChangeLanguageUseCase } from './use-cases/change-language/change-language.use-case.js';
import { GetAccountUseCase } from './use-cases/get-account/get-account.use-case.js';
import { LoginUseCase } from './use-cases/login/login.use-case.js';
import {
  LanguageDto,
  LoginDto,
  RegisterDto,
  RegisteredResponse,
  ResendVerificationDto,
  TokenResponse,
  VerifyEmailDto,
} from './auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly verification: VerificationService,
    private readonly loginUseCase: LoginUseCase,
    private readonly getAccount: GetAccountUseCase,
    private readonly changeLanguage: ChangeLanguageUseCase,
    private readonly keys: KeysService,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(RateLimitGuard)
  @RateLimit('register')
  @ApiTooManyRequestsResponse({
    description: 'Too many registrations from this address for this e-mail',
  })
  @ApiOperation({ summary: 'Register an applicant account; a verification link is e-mailed' })
  async register(@Body() dto: RegisterDto): Promise<RegisteredResponse> {
    return accountView(await this.verification.register(dto));
  }

  @Post('verify-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the e-mail address with the one-time token from the link' })
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
  async resend(@Body() dto: ResendVerificationDto): Promise<{ accepted: true }> {
    await this.verification.resend(dto.email);
    return { accepted: true };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @RateLimit('login')
  @ApiOkResponse({ type: TokenResponse })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address for this e-mail',
  })
  async login(@Body() dto: LoginDto): Promise<TokenResponse> {
    return this.loginUseCase.execute({ email: dto.email, password: dto.password });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegisteredResponse })
  async me(@CurrentUser() caller: AuthUser): Promise<RegisteredResponse> {
    return accountView(await this.getAccount.execute({ userId: caller.id }));
  }

  @Put('me/language')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegisteredResponse })
  @ApiOperation({ summary: 'The language of messages and e-mails: pl (default) or en' })
  async language(
    @CurrentUser() caller: AuthUser,
    @Body() dto: LanguageDto,
  ): Promise<RegisteredResponse> {
    return accountView(
      await this.changeLanguage.execute({ userId: caller.id, language: dto.language }),
    );
  }

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  jwks() {
    return this.keys.jwks();
  }
}
