import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's sessions (docs/portal.md#sessions): `sessions` is express-session's store
 * (connect-pg-simple's layout: sid, sess, expire); `session_tokens` keeps each session's access and
 * refresh tokens apart from it, so that a refresh is done under the row's lock by one request at a
 * time (a refresh token is single-use: two requests refreshing at once would end the session).
 */
export class PortalSessions1700000000001 implements MigrationInterface {
  name = 'PortalSessions1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE portal.sessions (
        sid varchar PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expire_idx ON portal.sessions (expire)`);
    await q.query(`
      CREATE TABLE portal.session_tokens (
        sid varchar PRIMARY KEY,
        user_id uuid NOT NULL,
        access_token text NOT NULL,
        access_expires_at timestamptz NOT NULL,
        refresh_token text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal.session_tokens`);
    await q.query(`DROP TABLE portal.sessions`);
  }
}
