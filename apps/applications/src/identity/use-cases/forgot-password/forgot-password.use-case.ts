import { Injectable } from '@nestjs/common';
import { Clock, OutboxService } from '@app/common';
import { ApplicationsEnv } from '../../../config/applications.env.js';
import { linkWithToken, oneTimeToken } from '../../one-time-token.js';
import { recipientFromUser } from '../../../shared/recipients.js';
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
      const { token, tokenHash } = oneTimeToken();
      const expiresAt = new Date(now.getTime() + this.env.PASSWORD_RESET_TTL_MINUTES * 60_000);
      await manager.insert(PasswordReset, {
        tokenHash,
        userId: user.id,
        expiresAt,
        usedAt: null,
        createdAt: now,
      });
      await emit('applications.account.password-reset-requested', {
        userId: user.id,
        resetUrl: linkWithToken(this.env.PUBLIC_WEB_URL, '/reset-password', token),
        expiresAt: expiresAt.toISOString(),
        recipient: recipientFromUser(user),
      });
    });
  }
}
