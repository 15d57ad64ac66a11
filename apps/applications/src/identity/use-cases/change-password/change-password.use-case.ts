import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import type { TokenResponse } from '../../auth.dto.js';
import { IdentityErrors } from '../../identity.errors.js';
import { LoginThrottleService } from '../../login-throttle.service.js';
import { PasswordPolicy } from '../../password-policy.service.js';
import { SessionsService } from '../../sessions.service.js';
import { User } from '../../user.entity.js';
import { UsersService } from '../../users.service.js';

export interface ChangePasswordCommand {
  readonly caller: AuthUser;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly address: string;
}

/**
 * Changes the caller's password (docs/product.md#accounts): the current one is required (and
 * throttled like a login), the new one must pass the strength rule; every other session ends and
 * the token version rises, so the caller gets a new access token for the session it keeps.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly users: UsersService,
    private readonly policy: PasswordPolicy,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<TokenResponse> {
    const user = await this.users.findById(command.caller.id);
    if (!user) throw ApiError.notFound();
    await this.throttle.attempt(user.email, command.address);
    if (!(await this.users.verifyPassword(user, command.currentPassword))) {
      throw ApiError.badRequest(IdentityErrors.CURRENT_PASSWORD_INVALID, {
        pl: 'Obecne hasło jest nieprawidłowe',
        en: 'The current password is wrong',
      });
    }
    await this.throttle.succeeded(user.email, command.address);
    this.policy.assertStrong(command.newPassword, user, 'newPassword');
    const passwordHash = await this.users.hash(command.newPassword);
    const changed = await this.outbox.transaction(async (manager, emit) => {
      const locked = await manager.findOneOrFail(User, {
        where: { id: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      locked.passwordHash = passwordHash;
      locked.passwordChangedAt = this.clock.now();
      await manager.save(locked);
      const ended = await this.sessions.revoke(manager, locked.id, 'password-changed', {
        except: command.caller.sessionId,
      });
      await this.audit.record(manager, {
        actorId: locked.id,
        entityType: 'user',
        entityId: locked.id,
        action: 'password-changed',
        changes: { sessionsEnded: ended.length },
      });
      await this.sessions.publish(manager, emit, locked, 'password-changed', {
        bump: true,
        revokedSessionIds: ended,
      });
      return locked;
    });
    return this.sessions.accessToken(changed, command.caller.sessionId ?? '');
  }
}
