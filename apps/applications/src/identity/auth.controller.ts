import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, CurrentUser, Public, type AuthUser } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { KeysService } from './keys.service.js';
import { UsersService } from './users.service.js';
import { LoginDto, MeResponse, RegisterDto, TokenResponse } from './auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly keys: KeysService,
    private readonly env: ApplicationsEnv,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register an applicant account' })
  async register(@Body() dto: RegisterDto): Promise<MeResponse> {
    const user = await this.users.create({ ...dto, role: 'applicant' });
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, language: user.language };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse })
  async login(@Body() dto: LoginDto): Promise<TokenResponse> {
    const user = await this.users.authenticate(dto.email, dto.password);
    if (!user) {
      throw new ApiError(401, 'INVALID_CREDENTIALS', {
        pl: 'Nieprawidłowy e-mail lub hasło',
        en: 'Wrong e-mail or password',
      });
    }
    return { accessToken: await this.keys.sign(user), tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() caller: AuthUser): Promise<MeResponse> {
    const user = await this.users.findById(caller.id);
    if (!user) throw ApiError.notFound();
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, language: user.language };
  }

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  jwks() {
    return this.keys.jwks();
  }
}
