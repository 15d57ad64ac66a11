import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of calls closing in 3 days for applicants whose draft is still open
 * (docs/product.md#reminders).
 */
export class CallClosingReminders1700000000003 implements MigrationInterface {
  name = 'CallClosingReminders1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE notifications.reminders ADD CONSTRAINT reminders_kind_check
         CHECK (kind IN ('corrections', 'evaluation', 'job-report', 'call-closing'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications.reminders WHERE kind = 'call-closing'`);
    await q.query(`ALTER TABLE notifications.reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE notifications.reminders ADD CONSTRAINT reminders_kind_check
         CHECK (kind IN ('corrections', 'evaluation', 'job-report'))`,
    );
  }
}
