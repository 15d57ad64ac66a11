import type pg from 'pg';
import type { Clock } from '@app/common/time/clock.js';

/** A token pair as the identity service's login and refresh answer it. */
export interface IssuedTokens {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
}

/** The session's tokens ended (refresh refused: logged out, disabled, session revoked). */
export class SignedOutError extends Error {}

/** A service did not answer (down, timing out) or answered 5xx. */
export class ServiceUnavailableError extends Error {}

/** A refresh is done this long before the access token would expire. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * Each portal session's tokens (`portal.session_tokens`), kept on the server: the browser holds
 * only the session cookie. The access token is refreshed when it is about to expire, under the
 * row's lock (`SELECT … FOR UPDATE`), so concurrent requests of one session — an autosave and a
 * page load — refresh once, and every replica sees the new pair (a refresh token is single-use:
 * a second use would end the whole session, docs/architecture.md#sessions-and-revocation).
 */
export class TokenStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly refresh: (refreshToken: string) => Promise<IssuedTokens | null>,
  ) {}

  async save(sid: string, userId: string, tokens: IssuedTokens): Promise<void> {
    await this.pool.query(
      `INSERT INTO portal.session_tokens (sid, user_id, access_token, access_expires_at, refresh_token, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sid) DO UPDATE SET user_id = EXCLUDED.user_id, access_token = EXCLUDED.access_token,
         access_expires_at = EXCLUDED.access_expires_at, refresh_token = EXCLUDED.refresh_token,
         updated_at = EXCLUDED.updated_at`,
      [sid, userId, tokens.accessToken, this.expiry(tokens), tokens.refreshToken, this.clock.now()],
    );
  }

  /** The session's refresh token (to end it at the identity service on sign-out). */
  async refreshToken(sid: string): Promise<string | null> {
    const rows = await this.pool.query<{ refresh_token: string }>(
      `SELECT refresh_token FROM portal.session_tokens WHERE sid = $1`,
      [sid],
    );
    return rows.rows[0]?.refresh_token ?? null;
  }

  async drop(sid: string): Promise<void> {
    await this.pool.query(`DELETE FROM portal.session_tokens WHERE sid = $1`, [sid]);
  }

  /** The session's valid access token, refreshed first if it is about to expire. */
  async accessToken(sid: string): Promise<string> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const found = await client.query<{
        access_token: string;
        access_expires_at: Date;
        refresh_token: string;
        user_id: string;
      }>(
        `SELECT access_token, access_expires_at, refresh_token, user_id
           FROM portal.session_tokens WHERE sid = $1 FOR UPDATE`,
        [sid],
      );
      const row = found.rows[0];
      if (!row) {
        await client.query('COMMIT');
        throw new SignedOutError('no tokens for this session');
      }
      if (row.access_expires_at.getTime() - REFRESH_MARGIN_MS > this.clock.now().getTime()) {
        await client.query('COMMIT');
        return row.access_token;
      }
      const issued = await this.refresh(row.refresh_token);
      if (!issued) {
        await client.query(`DELETE FROM portal.session_tokens WHERE sid = $1`, [sid]);
        await client.query('COMMIT');
        throw new SignedOutError('the refresh token was refused');
      }
      await client.query(
        `UPDATE portal.session_tokens SET access_token = $2, access_expires_at = $3, refresh_token = $4, updated_at = $5
          WHERE sid = $1`,
        [sid, issued.accessToken, this.expiry(issued), issued.refreshToken, this.clock.now()],
      );
      await client.query('COMMIT');
      return issued.accessToken;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private expiry(tokens: IssuedTokens): Date {
    return new Date(this.clock.now().getTime() + tokens.expiresIn * 1000);
  }
}
