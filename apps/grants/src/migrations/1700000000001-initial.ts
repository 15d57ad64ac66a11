import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables } from '@app/common';

export class Initial1700000000001 implements MigrationInterface {
  name = 'Initial1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'grants');
    await q.query(`
      CREATE TABLE grants.calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        title text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        budget bigint NOT NULL CHECK (budget > 0),
        counties text[] NOT NULL,
        funding_model jsonb NOT NULL,
        criteria jsonb NOT NULL,
        pass_threshold_percent int NOT NULL,
        divergence_percent int NOT NULL,
        correction_term_working_days int NOT NULL,
        appeal_term_working_days int NOT NULL,
        max_jobs_per_entity int NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (closes_at > opens_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX calls_number_key ON grants.calls (number)`);
    await q.query(`CREATE INDEX calls_status_idx ON grants.calls (status, closes_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['calls', 'dead_letters', 'inbox', 'outbox']) {
      await q.query(`DROP TABLE IF EXISTS grants.${table}`);
    }
  }
}
