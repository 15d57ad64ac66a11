import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './roles.js';
import { isTokenCurrent, type AccountState } from './token-state.js';

/**
 * Checks, after the signature, that a token was not revoked since it was issued (a role change,
 * a disable, a password change, a logout). Each service provides one (`@Global()` module that
 * exports it); the AuthGuard refuses a token it rejects with 401 INVALID_TOKEN. Without one,
 * signature and expiry are all that count (an external OIDC provider).
 */
export abstract class TokenChecker {
  abstract isCurrent(user: AuthUser): Promise<boolean>;
}

/** How long a read-model answer is reused in the process: revocation is seen within this. */
export const ACCOUNT_STATE_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUIDs (an external provider's) are never in the read model. */
const asUuid = (id: string | null | undefined) => (id && UUID.test(id) ? id : null);

/**
 * The checker of the services that learn of account changes by events (grants, notifications):
 * reads `<schema>.accounts` and `<schema>.revoked_sessions`, written by `applyAccountChanged`.
 * Answers are cached for ACCOUNT_STATE_CACHE_MS on the process's monotonic clock (an operational
 * cache, not business time: a ManualClock standing still must not freeze it).
 */
export class ReadModelTokenChecker extends TokenChecker {
  private readonly cache = new Map<string, { state: AccountState | null; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: 'grants' | 'notifications',
  ) {
    super();
  }

  async isCurrent(user: AuthUser): Promise<boolean> {
    const userId = asUuid(user.id);
    if (!userId) return true;
    return isTokenCurrent(user, await this.state(userId, asUuid(user.sessionId)));
  }

  private async state(userId: string, sessionId: string | null): Promise<AccountState | null> {
    const key = `${userId}|${sessionId ?? ''}`;
    const now = performance.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < ACCOUNT_STATE_CACHE_MS) return hit.state;
    const [row] = await this.dataSource.query(
      `SELECT a.token_version, a.disabled,
              EXISTS (SELECT 1 FROM ${this.schema}.revoked_sessions r WHERE r.session_id = $2) AS revoked
         FROM (SELECT 1) one
         LEFT JOIN ${this.schema}.accounts a ON a.user_id = $1`,
      [userId, sessionId ?? '00000000-0000-0000-0000-000000000000'],
    );
    const state: AccountState | null =
      row && (row.token_version !== null || row.revoked)
        ? {
            tokenVersion: row.token_version ?? 0,
            disabled: row.disabled ?? false,
            sessionRevoked: row.revoked,
          }
        : null;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { state, at: now });
    return state;
  }
}

export interface AccountChange {
  userId: string;
  tokenVersion: number;
  disabled: boolean;
  roles: string[];
  revokedSessionIds: string[];
  changedAt: string;
  /** By then every access token issued before the change has expired. */
  tokensExpireBy: string;
}

/**
 * Applies `applications.account.changed` to a service's read model, in the handler's
 * transaction. Events may arrive out of order: the highest token version wins; revoked sessions
 * are only ever added, and forgotten once no access token of theirs can still be alive.
 */
export async function applyAccountChanged(
  manager: EntityManager,
  schema: 'grants' | 'notifications',
  change: AccountChange,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${schema}.accounts (user_id, token_version, disabled, roles, changed_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id) DO UPDATE
        SET token_version = EXCLUDED.token_version, disabled = EXCLUDED.disabled,
            roles = EXCLUDED.roles, changed_at = EXCLUDED.changed_at
      WHERE ${schema}.accounts.token_version <= EXCLUDED.token_version`,
    [change.userId, change.tokenVersion, change.disabled, change.roles, change.changedAt],
  );
  for (const sessionId of change.revokedSessionIds) {
    await manager.query(
      `INSERT INTO ${schema}.revoked_sessions (session_id, user_id, revoked_at, forget_after)
       VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING`,
      [sessionId, change.userId, change.changedAt, change.tokensExpireBy],
    );
  }
  await manager.query(`DELETE FROM ${schema}.revoked_sessions WHERE forget_after < $1`, [
    change.changedAt,
  ]);
}
