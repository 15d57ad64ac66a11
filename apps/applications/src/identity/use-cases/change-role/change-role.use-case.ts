import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, OutboxService, type Role } from '@app/common';
import { IdentityErrors } from '../../identity.errors.js';
import { SessionsService } from '../../sessions.service.js';
import { User } from '../../user.entity.js';

export interface ChangeRoleCommand {
  readonly actorId: string;
  readonly userId: string;
  readonly role: Role;
}

export const OWN_ACCOUNT = {
  pl: 'Nie możesz zmienić roli ani zablokować własnego konta',
  en: 'You cannot change the role of, or disable, your own account',
};

/**
 * An administrator changes an account's role (docs/product.md#accounts): audited; the token
 * version rises, so the old role's tokens are refused at once here and within seconds in the
 * other services; the sessions stay, and their next refresh carries the new role.
 */
@Injectable()
export class ChangeRoleUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async execute({ actorId, userId, role }: ChangeRoleCommand): Promise<User> {
    if (actorId === userId) throw ApiError.conflict(IdentityErrors.OWN_ACCOUNT, OWN_ACCOUNT);
    return this.outbox.transaction(async (manager, emit) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw ApiError.notFound();
      if (user.role === role) return user;
      await this.audit.record(manager, {
        actorId,
        entityType: 'user',
        entityId: user.id,
        action: 'role-changed',
        fromState: user.role,
        toState: role,
      });
      user.role = role;
      await manager.save(user);
      await this.sessions.publish(manager, emit, user, 'role-changed', { bump: true });
      return user;
    });
  }
}
