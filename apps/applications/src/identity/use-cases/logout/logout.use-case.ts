import { Injectable } from '@nestjs/common';
import { AuditService, OutboxService } from '@app/common';
import { SessionsService } from '../../sessions.service.js';
import { sha256 } from '../../one-time-token.js';
import { RefreshToken, Session, User } from '../../user.entity.js';

export interface LogoutCommand {
  /** The session of the caller's access token, when it still verifies. */
  readonly sessionId?: string;
  readonly userId?: string;
  /** Or the session of this refresh token (an expired access token). */
  readonly refreshToken?: string;
}

/**
 * Ends a session (docs/architecture.md#sessions-and-revocation): its refresh tokens stop working
 * at once, and its access tokens are refused everywhere once `applications.account.changed`
 * is in the read models. Unknown or already ended: nothing happens (the answer is the same).
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async execute(command: LogoutCommand): Promise<void> {
    await this.outbox.transaction(async (manager, emit) => {
      let sessionId = command.sessionId;
      if (!sessionId && command.refreshToken) {
        const token = await manager.findOne(RefreshToken, {
          where: { tokenHash: sha256(command.refreshToken) },
        });
        sessionId = token?.sessionId;
      }
      if (!sessionId) return;
      const session = await manager.findOne(Session, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt) return;
      if (command.userId && command.userId !== session.userId) return;
      const user = await manager.findOneOrFail(User, { where: { id: session.userId } });
      const ended = await this.sessions.revoke(manager, user.id, 'logout', {
        sessionIds: [session.id],
      });
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'logout',
        changes: { sessionId: session.id },
      });
      await this.sessions.publish(manager, emit, user, 'logout', {
        bump: false,
        revokedSessionIds: ended,
      });
    });
  }
}
