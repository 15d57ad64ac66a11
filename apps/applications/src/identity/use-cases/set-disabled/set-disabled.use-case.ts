import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService } from '@app/common';
import { IdentityErrors } from '../../identity.errors.js';
import { SessionsService } from '../../sessions.service.js';
import { User } from '../../user.entity.js';
import { OWN_ACCOUNT } from '../change-role/change-role.use-case.js';

export interface SetDisabledCommand {
  readonly actorId: string;
  readonly userId: string;
  readonly disabled: boolean;
}

/**
 * An administrator disables or enables an account (docs/product.md#accounts): audited; disabling
 * ends every session and raises the token version (its tokens are refused everywhere, it cannot
 * log in or refresh); enabling raises it too, so the read models settle on the later state
 * whatever order the events arrive in. The same state again is a no-op.
 */
@Injectable()
export class SetDisabledUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute({ actorId, userId, disabled }: SetDisabledCommand): Promise<User> {
    if (actorId === userId) throw ApiError.conflict(IdentityErrors.OWN_ACCOUNT, OWN_ACCOUNT);
    return this.outbox.transaction(async (manager, emit) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw ApiError.notFound();
      if ((user.disabledAt !== null) === disabled) return user;
      const reason = disabled ? 'disabled' : 'enabled';
      await this.audit.record(manager, {
        actorId,
        entityType: 'user',
        entityId: user.id,
        action: reason,
        fromState: disabled ? 'enabled' : 'disabled',
        toState: reason,
      });
      user.disabledAt = disabled ? this.clock.now() : null;
      await manager.save(user);
      const ended = disabled ? await this.sessions.revoke(manager, user.id, 'disabled') : [];
      await this.sessions.publish(manager, emit, user, reason, {
        bump: true,
        revokedSessionIds: ended,
      });
      return user;
    });
  }
}
