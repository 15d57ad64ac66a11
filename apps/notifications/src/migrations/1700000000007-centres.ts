import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CENTRE_ID, centreWallDownStatements, centreWallStatements } from '@app/common';

/**
 * Letters in the centre's name (issue #12, docs/tenancy.md#letters):
 * - `centres`, the read model of `applications.centre.changed` (the highest version wins), with
 *   centre no. 1 inserted at version 0: its sender and operators' mailbox are filled from
 *   MAIL_FROM / MAIL_REPLY_TO / OPERATOR_EMAILS at every start of the service while it is still at
 *   version 0 (CentresService), so a one-centre installation sends exactly as before until the
 *   applications service publishes centre no. 1;
 * - `centre_id` on deliveries (NULL: a letter of the installation — account verification,
 *   password reset, registration attempt), reminders and reminder tombstones, each behind the
 *   centre wall (a NULL-centre delivery is visible only to the scope '*');
 * - the sender frozen on each delivery (`mail_from`, `reply_to`): every attempt of one delivery
 *   goes out with the same From and the same Message-ID. NULL on rows queued before: those are
 *   sent with MAIL_FROM / MAIL_REPLY_TO as before.
 */
export class Centres1700000000007 implements MigrationInterface {
  name = 'Centres1700000000007';

  /** The letters of the installation, not of a centre (frozen here: the catalogue may grow). */
  private readonly installationTemplates = [
    'account-verification',
    'account-registration-attempted',
    'account-password-reset',
  ];

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications.centres (
        id uuid PRIMARY KEY,
        number integer NOT NULL,
        name text NOT NULL,
        sender_name text NOT NULL,
        sender_email text NOT NULL,
        signature text NOT NULL DEFAULT '',
        operators_mailbox text[] NOT NULL DEFAULT '{}',
        contact_email text,
        contact_phone text,
        address text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Centre no. 1 as the installation knew it: version 0 until applications publishes it. The
    // sender and mailbox are placeholders that the service replaces from its env at start-up.
    await q.query(
      `INSERT INTO notifications.centres (id, number, name, sender_name, sender_email, version, updated_at)
       VALUES ($1, 1, 'Ośrodek Wsparcia Ekonomii Społecznej', 'OWES Grants', 'no-reply@owes.local', 0, now())
       ON CONFLICT (id) DO NOTHING`,
      [DEFAULT_CENTRE_ID],
    );

    await q.query(`
      ALTER TABLE notifications.deliveries
        ADD COLUMN centre_id uuid,
        ADD COLUMN mail_from text,
        ADD COLUMN reply_to text`);
    await q.query(
      `UPDATE notifications.deliveries SET centre_id = $1 WHERE NOT (template = ANY($2::text[]))`,
      [DEFAULT_CENTRE_ID, this.installationTemplates],
    );
    await q.query(
      `CREATE INDEX deliveries_centre_idx ON notifications.deliveries (centre_id, created_at)`,
    );

    await q.query(`ALTER TABLE notifications.reminders ADD COLUMN centre_id uuid`);
    await q.query(`UPDATE notifications.reminders SET centre_id = $1`, [DEFAULT_CENTRE_ID]);
    await q.query(`ALTER TABLE notifications.reminders ALTER COLUMN centre_id SET NOT NULL`);
    await q.query(
      `CREATE INDEX reminders_centre_idx ON notifications.reminders (centre_id, due_at)`,
    );

    await q.query(`ALTER TABLE notifications.reminder_cancellations ADD COLUMN centre_id uuid`);
    await q.query(`UPDATE notifications.reminder_cancellations SET centre_id = $1`, [
      DEFAULT_CENTRE_ID,
    ]);
    await q.query(
      `ALTER TABLE notifications.reminder_cancellations ALTER COLUMN centre_id SET NOT NULL`,
    );

    for (const table of [
      'notifications.deliveries',
      'notifications.reminders',
      'notifications.reminder_cancellations',
    ]) {
      for (const statement of centreWallStatements(table)) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications.reminder_cancellations',
      'notifications.reminders',
      'notifications.deliveries',
    ]) {
      for (const statement of centreWallDownStatements(table)) await q.query(statement);
    }
    await q.query(`ALTER TABLE notifications.reminder_cancellations DROP COLUMN centre_id`);
    await q.query(`DROP INDEX notifications.reminders_centre_idx`);
    await q.query(`ALTER TABLE notifications.reminders DROP COLUMN centre_id`);
    await q.query(`DROP INDEX notifications.deliveries_centre_idx`);
    await q.query(`
      ALTER TABLE notifications.deliveries
        DROP COLUMN centre_id, DROP COLUMN mail_from, DROP COLUMN reply_to`);
    await q.query(`DROP TABLE notifications.centres`);
  }
}
