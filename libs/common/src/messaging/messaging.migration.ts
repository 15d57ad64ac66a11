import type { QueryRunner } from 'typeorm';

/**
 * DDL of the outbox, inbox and dead-letter tables, called from each service's first migration.
 * FROZEN: migrations that ran must not change; alter these tables with new migrations.
 */
export async function createMessagingTables(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  const s = `"${schema}"`;
  await queryRunner.query(`
    CREATE TABLE ${s}.outbox (
      id uuid PRIMARY KEY,
      subject text NOT NULL,
      envelope jsonb NOT NULL,
      correlation_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts int NOT NULL DEFAULT 0,
      last_error text
    )`);
  await queryRunner.query(
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (created_at, id) WHERE published_at IS NULL`,
  );
  await queryRunner.query(`
    CREATE TABLE ${s}.inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      subject text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  await queryRunner.query(`
    CREATE TABLE ${s}.dead_letters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      consumer text NOT NULL,
      subject text NOT NULL,
      event_id text,
      payload jsonb,
      error text NOT NULL,
      deliveries int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await queryRunner.query(
    `CREATE INDEX dead_letters_created_idx ON ${s}.dead_letters (created_at)`,
  );
}

/**
 * Gives the outbox a commit-order sequence: events written in one transaction share their
 * timestamp, so the relay orders by this identity instead (FROZEN like the above).
 */
export async function addOutboxSequence(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await queryRunner.query(
    `ALTER TABLE ${s}.outbox ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
  );
  await queryRunner.query(`DROP INDEX ${s}.outbox_unpublished_idx`);
  await queryRunner.query(
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`,
  );
}

export async function dropOutboxSequence(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await queryRunner.query(`DROP INDEX ${s}.outbox_unpublished_idx`);
  await queryRunner.query(`ALTER TABLE ${s}.outbox DROP COLUMN seq`);
  await queryRunner.query(
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (created_at, id) WHERE published_at IS NULL`,
  );
}
