import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, TokenChecker, isTokenCurrent, type AuthUser } from '@app/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The identity module checks every token against its own tables, uncached: a demoted, disabled or
 * logged-out user's token is refused here at once (docs/architecture.md#sessions-and-revocation).
 * A token without a session (`sid`) was not issued by this version and is refused.
 */
@Injectable()
export class SessionTokenChecker extends TokenChecker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  async isCurrent(user: AuthUser): Promise<boolean> {
    if (!user.sessionId || !UUID.test(user.sessionId) || !UUID.test(user.id)) return false;
    const [row] = await this.dataSource.query(
      `SELECT u.token_version, u.disabled_at IS NOT NULL AS disabled,
              (s.id IS NULL OR s.revoked_at IS NOT NULL OR s.expires_at <= $3) AS session_ended
         FROM applications.users u
         LEFT JOIN applications.sessions s ON s.id = $2 AND s.user_id = u.id
        WHERE u.id = $1`,
      [user.id, user.sessionId, this.clock.now()],
    );
    if (!row) return false;
    return isTokenCurrent(user, {
      tokenVersion: row.token_version,
      disabled: row.disabled,
      sessionRevoked: row.session_ended,
    });
  }
}
