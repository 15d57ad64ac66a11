import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Durable reminders, their cancellation tombstones, and recipients' language preferences. */
export class RemindersPreferences1700000000002 implements MigrationInterface {
  name = 'RemindersPreferences1700000000002';

  async up(q: QueryRunner): Promise<void> {
    // The sender's claim on a delivery it is sending, measured by the database's clock: the
    // scheduling time (next_attempt_at) follows the injected Clock, which replicas may see
    // skewed (and tests move), while a lease must only run out when real time has passed.
    await q.query(`ALTER TABLE notifications.deliveries ADD COLUMN lease_until timestamptz`);
    await q.query(`
      CREATE TABLE notifications.reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('corrections', 'evaluation', 'job-report')),
        template text NOT NULL,
        source_event_id uuid NOT NULL,
        source_event_type text NOT NULL,
        source_occurred_at timestamptz NOT NULL,
        recipient text NOT NULL,
        recipient_name text NOT NULL,
        recipient_user_id uuid,
        language text NOT NULL CHECK (language IN ('pl', 'en')),
        reference text,
        scopes text[] NOT NULL,
        data jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled', 'expired')),
        cancelled_by text,
        delivery_id uuid,
        correlation_id text,
        created_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    // One reminder per (event, kind, recipient), whatever NATS redelivers.
    await q.query(
      `CREATE UNIQUE INDEX reminders_once_key ON notifications.reminders (source_event_id, kind, recipient)`,
    );
    // The scheduler's scan (status = 'pending' AND due_at <= now ORDER BY due_at) and the list.
    await q.query(
      `CREATE INDEX reminders_status_due_idx ON notifications.reminders (status, due_at)`,
    );
    // Cancellation: pending reminders sharing a scope with the cancelling event.
    await q.query(
      `CREATE INDEX reminders_scopes_idx ON notifications.reminders USING gin (scopes) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX reminders_reference_idx ON notifications.reminders (reference, due_at)`,
    );
    await q.query(
      `CREATE INDEX reminders_recipient_idx ON notifications.reminders (recipient, due_at)`,
    );

    await q.query(`
      CREATE TABLE notifications.reminder_cancellations (
        kind text NOT NULL,
        scope text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (kind, scope, event_id)
      )`);

    await q.query(`
      CREATE TABLE notifications.preferences (
        user_id uuid PRIMARY KEY,
        email text,
        language text NOT NULL CHECK (language IN ('pl', 'en')),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX preferences_email_idx ON notifications.preferences (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['preferences', 'reminder_cancellations', 'reminders']) {
      await q.query(`DROP TABLE IF EXISTS notifications.${table}`);
    }
    await q.query(`ALTER TABLE notifications.deliveries DROP COLUMN lease_until`);
  }
}
