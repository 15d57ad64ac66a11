import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService } from '@app/common';
import type { TokenResponse } from '../../auth.dto.js';
import { IdentityErrors } from '../../identity.errors.js';
import { SessionsService } from '../../sessions.service.js';
import { sha256 } from '../../one-time-token.js';
import { RefreshToken, Session, User } from '../../user.entity.js';

export interface RefreshCommand {
  readonly refreshToken: string;
}

export const INVALID_REFRESH = {
  pl: 'Sesja wygasła lub została zakończona; zaloguj się ponownie',
  en: 'The session has expired or has ended; log in again',
};

/**
 * Rotates a refresh token (docs/architecture.md#sessions-and-revocation): a valid one is used up
 * and a new pair issued, with the account's current role and token version. A token used a
 * second time means it was stolen (or a client replayed it): the whole session — every token of
 * its family — ends, audited and published, and the answer is 401.
 */
@Injectable()
export class RefreshUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute({ refreshToken }: RefreshCommand): Promise<TokenResponse> {
    const result = await this.outbox.transaction(async (manager, emit) => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return null;
      const session = await manager.findOne(Session, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      const user = session && (await manager.findOne(User, { where: { id: session.userId } }));
      if (!session || !user) return null;
      const now = this.clock.now();
      if (token.usedAt) {
        if (!session.revokedAt) {
          const ended = await this.sessions.revoke(manager, user.id, 'refresh-token-reused', {
            sessionIds: [session.id],
          });
          await this.audit.record(manager, {
            actorId: null,
            entityType: 'user',
            entityId: user.id,
            action: 'refresh-token-reused',
            changes: { sessionId: session.id },
          });
          await this.sessions.publish(manager, emit, user, 'refresh-token-reused', {
            bump: false,
            revokedSessionIds: ended,
          });
        }
        return null;
      }
      if (session.revokedAt || session.expiresAt <= now || user.disabledAt) return null;
      token.usedAt = now;
      await manager.save(token);
      session.lastUsedAt = now;
      await manager.save(session);
      return this.sessions.issue(manager, user, session);
    });
    if (!result) throw ApiError.of(IdentityErrors.INVALID_REFRESH_TOKEN, INVALID_REFRESH);
    return result;
  }
}
