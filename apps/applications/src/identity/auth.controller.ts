import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ApiError,
  CurrentUser,
  OutboxService,
  Public,
  type AuthUser,
  AuditService,
} from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { KeysService } from './keys.service.js';
import { UsersService } from './users.service.js';
import { VerificationService } from './verification.service.js';
import { User } from './user.entity.js';
import { RateLimit, RateLimitGuard } from './rate-limit.guard.js';
import {
  LanguageDto,
  LoginDto,
  MeResponse,
  RegisterDto,
  RegisteredResponse,
  ResendVerificationDto,
  TokenResponse,
  VerifyEmailDto,
} from './auth.dto.js';

function me(user: User): MeResponse & { emailVerified: boolean } {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly verification: VerificationService,
    private readonly keys: KeysService,
    private readonly env: ApplicationsEnv,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
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
    return me(await this.verification.register(dto));
  }

  @Post('verify-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the e-mail address with the one-time token from the link' })
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<RegisteredResponse> {
    return me(await this.verification.verify(dto.token));
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
    const user = await this.users.authenticate(dto.email, dto.password);
    if (!user) {
      throw new ApiError(401, 'INVALID_CREDENTIALS', {
        pl: 'Nieprawidłowy e-mail lub hasło',
        en: 'Wrong e-mail or password',
      });
    }
    if (!user.emailVerifiedAt) {
      throw ApiError.forbidden('EMAIL_NOT_VERIFIED', {
        pl: 'Adres e-mail nie został jeszcze potwierdzony: użyj linku z wiadomości',
        en: 'The e-mail address has not been verified yet: use the link we sent',
      });
    }
    return {
      accessToken: await this.keys.sign(user),
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_TTL_SECONDS,
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegisteredResponse })
  async me(@CurrentUser() caller: AuthUser): Promise<RegisteredResponse> {
    const user = await this.users.findById(caller.id);
    if (!user) throw ApiError.notFound();
    return me(user);
  }

  @Put('me/language')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegisteredResponse })
  @ApiOperation({ summary: 'The language of messages and e-mails: pl (default) or en' })
  async language(
    @CurrentUser() caller: AuthUser,
    @Body() dto: LanguageDto,
  ): Promise<RegisteredResponse> {
    return this.outbox.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: caller.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw ApiError.notFound();
      if (user.language !== dto.language) {
        await this.audit.record(manager, {
          actorId: user.id,
          entityType: 'user',
          entityId: user.id,
          action: 'language-changed',
          changes: { from: user.language, to: dto.language },
        });
        user.language = dto.language;
        await manager.save(user);
      }
      return me(user);
    });
  }

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  jwks() {
    return this.keys.jwks();
  }
}
