import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts read model (from `applications.account.changed`) that the auth guard checks every
 * token against (docs/architecture.md#sessions-and-revocation).
 */
export class AccountsReadModel1700000000007 implements MigrationInterface {
  name = 'AccountsReadModel1700000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grants.accounts (
        user_id uuid PRIMARY KEY,
        token_version integer NOT NULL,
        disabled boolean NOT NULL,
        roles text[] NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE grants.revoked_sessions (
        session_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        revoked_at timestamptz NOT NULL,
        forget_after timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX revoked_sessions_forget_idx ON grants.revoked_sessions (forget_after)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grants.revoked_sessions`);
    await q.query(`DROP TABLE grants.accounts`);
  }
}
