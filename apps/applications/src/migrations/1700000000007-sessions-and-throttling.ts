import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions with rotating refresh tokens, token versions and disabled accounts, forgotten-password
 * links, and the login throttle and request limits shared by replicas
 * (docs/architecture.md#sessions-and-revocation).
 */
export class SessionsAndThrottling1700000000007 implements MigrationInterface {
  name = 'SessionsAndThrottling1700000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications.users
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN password_changed_at timestamptz`);
    await q.query(`CREATE INDEX users_role_idx ON applications.users (role, email)`);
    await q.query(`
      CREATE TABLE applications.sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT sessions_user_fkey REFERENCES applications.users (id),
        created_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(
      `CREATE INDEX sessions_user_idx ON applications.sessions (user_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE applications.refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL
          CONSTRAINT refresh_tokens_session_fkey REFERENCES applications.sessions (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX refresh_tokens_session_idx ON applications.refresh_tokens (session_id)`,
    );
    await q.query(`
      CREATE TABLE applications.password_resets (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT password_resets_user_fkey REFERENCES applications.users (id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX password_resets_user_idx ON applications.password_resets (user_id)`,
    );
    await q.query(`
      CREATE TABLE applications.login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE applications.rate_limits (
        key text PRIMARY KEY,
        count integer NOT NULL,
        reset_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE applications.rate_limits`);
    await q.query(`DROP TABLE applications.login_throttle`);
    await q.query(`DROP TABLE applications.password_resets`);
    await q.query(`DROP TABLE applications.refresh_tokens`);
    await q.query(`DROP TABLE applications.sessions`);
    await q.query(`DROP INDEX applications.users_role_idx`);
    await q.query(`
      ALTER TABLE applications.users
        DROP COLUMN token_version, DROP COLUMN disabled_at, DROP COLUMN password_changed_at`);
  }
}
