import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables } from '@app/common';

export class Initial1700000000001 implements MigrationInterface {
  name = 'Initial1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'notifications');
    await q.query(`
      CREATE TABLE notifications.deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        template text NOT NULL,
        recipient text NOT NULL,
        recipient_name text,
        language text NOT NULL CHECK (language IN ('pl', 'en')),
        reference text,
        subject text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        message_id text,
        sent_at timestamptz,
        correlation_id text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX deliveries_once_key ON notifications.deliveries (event_id, recipient, template)`,
    );
    await q.query(
      `CREATE INDEX deliveries_due_idx ON notifications.deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX deliveries_recipient_idx ON notifications.deliveries (recipient, created_at)`,
    );
    await q.query(`CREATE INDEX deliveries_reference_idx ON notifications.deliveries (reference)`);
    await q.query(`CREATE INDEX deliveries_created_idx ON notifications.deliveries (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['deliveries', 'dead_letters', 'inbox', 'outbox']) {
      await q.query(`DROP TABLE IF EXISTS notifications.${table}`);
    }
  }
}
