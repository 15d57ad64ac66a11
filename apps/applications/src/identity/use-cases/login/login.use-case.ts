import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '@app/common';
import type { TokenResponse } from '../../auth.dto.js';
import { IdentityErrors } from '../../identity.errors.js';
import { LoginThrottleService } from '../../login-throttle.service.js';
import { SessionsService } from '../../sessions.service.js';
import { UsersService } from '../../users.service.js';

export interface LoginCommand {
  readonly email: string;
  readonly password: string;
  /** The client's address (per-address throttling). */
  readonly address: string;
}

/**
 * Login (docs/architecture.md#sessions-and-revocation): throttled per account and per address
 * (docs/architecture.md#login-throttling), the password checked (the same work whether or not
 * the account exists), refused until the e-mail address is verified and while the account is
 * disabled; then a session with a short-lived access token and a refresh token.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ email, password, address }: LoginCommand): Promise<TokenResponse> {
    await this.throttle.attempt(email, address);
    const user = await this.users.authenticate(email, password);
    if (!user) {
      throw ApiError.of(IdentityErrors.INVALID_CREDENTIALS, {
        pl: 'Nieprawidłowy e-mail lub hasło',
        en: 'Wrong e-mail or password',
      });
    }
    await this.throttle.succeeded(email, address);
    if (!user.emailVerifiedAt) {
      throw ApiError.forbidden(IdentityErrors.EMAIL_NOT_VERIFIED, {
        pl: 'Adres e-mail nie został jeszcze potwierdzony: użyj linku z wiadomości',
        en: 'The e-mail address has not been verified yet: use the link we sent',
      });
    }
    if (user.disabledAt) {
      throw ApiError.forbidden(IdentityErrors.ACCOUNT_DISABLED, {
        pl: 'Konto zostało zablokowane przez administratora',
        en: 'The account has been disabled by an administrator',
      });
    }
    return this.dataSource.transaction((manager) => this.sessions.open(manager, user));
  }
}
