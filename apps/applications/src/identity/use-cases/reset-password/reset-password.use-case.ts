import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService } from '@app/common';
import { IdentityErrors } from '../../identity.errors.js';
import { LoginThrottleService } from '../../login-throttle.service.js';
import { PasswordPolicy } from '../../password-policy.service.js';
import { SessionsService } from '../../sessions.service.js';
import { sha256 } from '../../one-time-token.js';
import { PasswordReset, User } from '../../user.entity.js';
import { UsersService } from '../../users.service.js';

export interface ResetPasswordCommand {
  readonly token: string;
  readonly password: string;
}

const INVALID = {
  pl: 'Link do ustawienia hasła jest nieprawidłowy lub został już użyty',
  en: 'The password reset link is invalid or has already been used',
};

/**
 * Sets a new password with a forgotten-password link (docs/product.md#accounts): the link works
 * once and until it expires; the new password must pass the strength rule (a weak one leaves the
 * link usable); every session of the account ends, its token version rises, its login failures
 * are cleared, and an unverified address counts as verified (the link proved the mailbox).
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly users: UsersService,
    private readonly policy: PasswordPolicy,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute({ token, password }: ResetPasswordCommand): Promise<void> {
    const passwordHash = await this.users.hash(password);
    const user = await this.outbox.transaction(async (manager, emit) => {
      const reset = await manager.findOne(PasswordReset, {
        where: { tokenHash: sha256(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset || reset.usedAt)
        throw ApiError.badRequest(IdentityErrors.RESET_TOKEN_INVALID, INVALID);
      const now = this.clock.now();
      if (reset.expiresAt <= now) {
        throw ApiError.badRequest(IdentityErrors.RESET_TOKEN_EXPIRED, {
          pl: 'Link do ustawienia hasła wygasł; poproś o nowy',
          en: 'The password reset link has expired; ask for a new one',
        });
      }
      const user = await manager.findOneOrFail(User, {
        where: { id: reset.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (user.disabledAt) throw ApiError.badRequest(IdentityErrors.RESET_TOKEN_INVALID, INVALID);
      this.policy.assertStrong(password, user, 'password');
      reset.usedAt = now;
      await manager.save(reset);
      user.passwordHash = passwordHash;
      user.passwordChangedAt = now;
      user.emailVerifiedAt ??= now;
      await manager.save(user);
      const ended = await this.sessions.revoke(manager, user.id, 'password-reset');
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'password-reset',
        changes: { sessionsEnded: ended.length },
      });
      await this.sessions.publish(manager, emit, user, 'password-reset', {
        bump: true,
        revokedSessionIds: ended,
      });
      return user;
    });
    await this.throttle.clearAccount(user.email);
  }
}
