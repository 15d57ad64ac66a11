import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { oneTimeToken } from './one-time-token.js';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Clock, type Emit, type EventPayload } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import type { TokenResponse } from './auth.dto.js';
import { KeysService } from './keys.service.js';
import { RefreshToken, Session, User } from './user.entity.js';

/** Why the tokens of an account or a session end (the event's `reason`, the audit's action). */
export type AccountChangeReason =
  | 'role-changed'
  | 'disabled'
  | 'enabled'
  | 'password-changed'
  | 'password-reset'
  | 'logout'
  | 'refresh-token-reused'
  | 'centres-changed';

/**
 * The account's state after a change, as `applications.account.changed` carries it: its token
 * version, role, whether disabled, the sessions just ended, and by when every access token issued
 * before has expired. One builder for the HTTP use cases and the CLI (tools/src/users-admin.ts).
 */
export function accountChangedPayload(
  user: Pick<User, 'id' | 'tokenVersion' | 'disabledAt' | 'role'>,
  reason: AccountChangeReason,
  options: { revokedSessionIds?: string[]; now: Date; accessTokenTtlSeconds: number },
): EventPayload<'applications.account.changed'> {
  const { now, accessTokenTtlSeconds } = options;
  return {
    userId: user.id,
    tokenVersion: user.tokenVersion,
    disabled: user.disabledAt !== null,
    roles: [user.role],
    revokedSessionIds: options.revokedSessionIds ?? [],
    reason,
    changedAt: now.toISOString(),
    tokensExpireBy: new Date(now.getTime() + accessTokenTtlSeconds * 1000).toISOString(),
  };
}

/**
 * Sessions and their tokens (docs/architecture.md#sessions-and-revocation): a login opens a
 * session (`sid`) with an opaque refresh token (random, only its SHA-256 stored) that rotates on
 * every refresh; access tokens are short-lived JWTs carrying `sid` and the account's token
 * version. Every change that ends tokens is published as `applications.account.changed`, which
 * the other services keep in their read models.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly keys: KeysService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  /** Opens a session for the user and returns its first tokens. */
  async open(manager: EntityManager, user: User): Promise<TokenResponse> {
    const now = this.clock.now();
    const session = manager.create(Session, {
      id: randomUUID(),
      userId: user.id,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_TTL_HOURS * 3_600_000),
      revokedAt: null,
      revokedReason: null,
    });
    await manager.insert(Session, session);
    return this.issue(manager, user, session);
  }

  /** A new refresh token of the session (the caller marks the old one used) and an access token. */
  async issue(manager: EntityManager, user: User, session: Session): Promise<TokenResponse> {
    const { token: refreshToken, tokenHash } = oneTimeToken();
    await manager.insert(RefreshToken, {
      tokenHash,
      sessionId: session.id,
      createdAt: this.clock.now(),
      usedAt: null,
    });
    return {
      accessToken: await this.keys.sign(user, session.id),
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_TTL_SECONDS,
      refreshToken,
      refreshExpiresAt: session.expiresAt.toISOString(),
    };
  }

  /** A new access token of a session that stays (after the account's token version rose). */
  async accessToken(user: User, sessionId: string): Promise<TokenResponse> {
    return {
      accessToken: await this.keys.sign(user, sessionId),
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_TTL_SECONDS,
    };
  }

  /** Ends sessions of the user (all open ones, or those named); returns the ids ended. */
  async revoke(
    manager: EntityManager,
    userId: string,
    reason: AccountChangeReason,
    only?: { sessionIds?: string[]; except?: string },
  ): Promise<string[]> {
    const open = await manager.find(Session, {
      where: {
        userId,
        revokedAt: IsNull(),
        ...(only?.sessionIds ? { id: In(only.sessionIds) } : {}),
      },
      select: { id: true },
    });
    const ids = open.map((s) => s.id).filter((id) => id !== only?.except);
    if (ids.length > 0) {
      await manager.update(
        Session,
        { id: In(ids) },
        { revokedAt: this.clock.now(), revokedReason: reason },
      );
    }
    return ids;
  }

  /**
   * Publishes the account's state after a change (in the caller's transaction). `bump` raises the
   * token version first, which ends every access token issued before, in every service.
   */
  async publish(
    manager: EntityManager,
    emit: Emit,
    user: User,
    reason: AccountChangeReason,
    options: { bump: boolean; revokedSessionIds?: string[] },
  ): Promise<void> {
    if (options.bump) {
      user.tokenVersion += 1;
      await manager.update(User, { id: user.id }, { tokenVersion: user.tokenVersion });
    }
    await emit(
      'applications.account.changed',
      accountChangedPayload(user, reason, {
        revokedSessionIds: options.revokedSessionIds,
        now: this.clock.now(),
        accessTokenTtlSeconds: this.env.JWT_TTL_SECONDS,
      }),
    );
  }
}
