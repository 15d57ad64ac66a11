import { Injectable } from '@nestjs/common';
import { ApiError } from '@app/common';
import { ApplicationsEnv } from '../../../config/applications.env.js';
import type { TokenResponse } from '../../auth.dto.js';
import { IdentityErrors } from '../../identity.errors.js';
import { KeysService } from '../../keys.service.js';
import { UsersService } from '../../users.service.js';

export interface LoginCommand {
  readonly email: string;
  readonly password: string;
}

/**
 * Login (docs/architecture.md#identity-and-tokens): the password checked (the same work whether
 * or not the account exists), refused until the e-mail address is verified, then a signed token.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersService,
    private readonly keys: KeysService,
    private readonly env: ApplicationsEnv,
  ) {}

  async execute({ email, password }: LoginCommand): Promise<TokenResponse> {
    const user = await this.users.authenticate(email, password);
    if (!user) {
      throw ApiError.of(IdentityErrors.INVALID_CREDENTIALS, {
        pl: 'Nieprawidłowy e-mail lub hasło',
        en: 'Wrong e-mail or password',
      });
    }
    if (!user.emailVerifiedAt) {
      throw ApiError.forbidden(IdentityErrors.EMAIL_NOT_VERIFIED, {
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
}
