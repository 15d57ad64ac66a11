import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock, OutboxService } from '@app/common';
import { ApplicationsEnv } from '../../../config/applications.env.js';
import { sha256 } from '../../sessions.service.js';
import { PasswordReset, User } from '../../user.entity.js';

export interface ForgotPasswordCommand {
  readonly email: string;
}

/**
 * A forgotten password (docs/product.md#accounts): the owner of an enabled account gets a
 * one-time link (random token, only its SHA-256 stored, valid PASSWORD_RESET_TTL_MINUTES; earlier
 * links stop working) by e-mail, through `applications.account.password-reset-requested`.
 * The answer is the same whether or not the account exists.
 */
@Injectable()
export class ForgotPasswordUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  async execute({ email }: ForgotPasswordCommand): Promise<void> {
    await this.outbox.transaction(async (manager, emit) => {
      const user = await manager.findOne(User, { where: { email: email.trim().toLowerCase() } });
      if (!user || user.disabledAt) return;
      const now = this.clock.now();
      await manager.query(
        `UPDATE applications.password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
        [user.id, now],
      );
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + this.env.PASSWORD_RESET_TTL_MINUTES * 60_000);
      await manager.insert(PasswordReset, {
        tokenHash: sha256(token),
        userId: user.id,
        expiresAt,
        usedAt: null,
        createdAt: now,
      });
      const url = new URL('/reset-password', this.env.PUBLIC_WEB_URL);
      url.searchParams.set('token', token);
      await emit('applications.account.password-reset-requested', {
        userId: user.id,
        resetUrl: url.toString(),
        expiresAt: expiresAt.toISOString(),
        recipient: {
          userId: user.id,
          email: user.email,
          name: user.fullName,
          language: user.language,
        },
      });
    });
  }
}
