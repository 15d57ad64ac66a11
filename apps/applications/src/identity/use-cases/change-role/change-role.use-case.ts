import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, OutboxService, type Role } from '@app/common';
import { CentresErrors } from '../../../centres/centres.errors.js';
import {
  dropCentresOfFormerRole,
  isStaffRole,
  joinCentres,
  staffCentreIds,
} from '../../../centres/centres.store.js';
import { IdentityErrors } from '../../identity.errors.js';
import { SessionsService } from '../../sessions.service.js';
import { User } from '../../user.entity.js';

export interface ChangeRoleCommand {
  readonly actorId: string;
  readonly userId: string;
  readonly role: Role;
  /**
   * The centres of the caller when it is a centre's admin (its token's `ctr`): an account it
   * makes operator or admin becomes staff of its centre. Absent for the platform administrator.
   */
  readonly actorCentres?: readonly string[];
}

export const CENTRE_REQUIRED = {
  pl: 'Nie wiadomo, w którym ośrodku konto ma pracować: dodaj je do zespołu ośrodka (POST /api/centres/:id/staff)',
  en: 'Which centre the account works for is not clear: add it to a centre’s staff (POST /api/centres/:id/staff)',
};

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

  async execute({ actorId, userId, role, actorCentres = [] }: ChangeRoleCommand): Promise<User> {
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
      // Centres follow the role (docs/tenancy.md#roles): staff keep or join a centre, others
      // leave every centre and a former coordinator its scope.
      await dropCentresOfFormerRole(manager, user.id, role);
      if (isStaffRole(role)) {
        const current = await staffCentreIds(manager, user.id);
        // A platform administrator (no centres of its own) leaves an account's centres as they are.
        const placed =
          actorCentres.length === 0
            ? current.length > 0
            : current.some((id) => actorCentres.includes(id));
        if (!placed) {
          if (actorCentres.length !== 1)
            throw ApiError.badRequest(CentresErrors.CENTRE_REQUIRED, CENTRE_REQUIRED);
          await joinCentres(manager, user.id, [...actorCentres]);
        }
      }
      await this.sessions.publish(manager, emit, user, 'role-changed', { bump: true });
      return user;
    });
  }
}
