import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables } from '@app/common';

export class Initial1700000000001 implements MigrationInterface {
  name = 'Initial1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'applications');
    await q.query(`
      CREATE TABLE applications.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('applicant', 'operator', 'evaluator', 'admin')),
        full_name text NOT NULL,
        language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
        email_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON applications.users (email)`);
    await q.query(`
      CREATE TABLE applications.signing_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kid text NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE applications.calls (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        title text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        budget bigint NOT NULL,
        counties text[] NOT NULL,
        funding_model jsonb NOT NULL,
        max_jobs_per_entity int NOT NULL,
        correction_term_working_days int NOT NULL,
        appeal_term_working_days int NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX calls_window_idx ON applications.calls (opens_at, closes_at)`);
    await q.query(`
      CREATE TABLE applications.applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_id uuid NOT NULL REFERENCES applications.users (id),
        call_id uuid NOT NULL REFERENCES applications.calls (id),
        state text NOT NULL,
        form jsonb NOT NULL DEFAULT '{}',
        reference text,
        submitted_version int NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX applications_applicant_idx ON applications.applications (applicant_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX applications_call_state_idx ON applications.applications (call_id, state)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX applications_reference_key ON applications.applications (reference) WHERE reference IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE applications.application_versions (
        application_id uuid NOT NULL REFERENCES applications.applications (id),
        version int NOT NULL,
        form jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, version)
      )`);
    await q.query(`
      CREATE TABLE applications.reference_counters (
        year int PRIMARY KEY,
        last_value int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE applications.audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL,
        actor_id uuid,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        changes jsonb,
        correlation_id text
      )`);
    await q.query(
      `CREATE INDEX audit_log_entity_idx ON applications.audit_log (entity_type, entity_id, at)`,
    );
    await q.query(`CREATE INDEX audit_log_at_idx ON applications.audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'reference_counters',
      'application_versions',
      'applications',
      'calls',
      'signing_keys',
      'users',
      'dead_letters',
      'inbox',
      'outbox',
    ]) {
      await q.query(`DROP TABLE IF EXISTS applications.${table}`);
    }
  }
}
