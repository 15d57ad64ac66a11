import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reliable e-mail delivery (issue #11): how often a delivery went out again after a claim ran out
 * without an outcome (`resends`, same Message-ID), when its retry schedule started (`retry_from`:
 * queued, or re-sent by an operator), and the audit log the operators' re-sends are written to.
 */
export class DeliveryReliability1700000000005 implements MigrationInterface {
  name = 'DeliveryReliability1700000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications.deliveries
        ADD COLUMN resends int NOT NULL DEFAULT 0,
        ADD COLUMN last_resent_at timestamptz,
        ADD COLUMN retry_from timestamptz`);
    await q.query(`
      CREATE TABLE notifications.audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
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
      `CREATE INDEX audit_log_entity_idx ON notifications.audit_log (entity_type, entity_id, at)`,
    );
    await q.query(`CREATE INDEX audit_log_at_idx ON notifications.audit_log (at)`);
    await q.query(
      `CREATE INDEX deliveries_failed_idx ON notifications.deliveries (created_at) WHERE status = 'failed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications.deliveries_failed_idx`);
    await q.query(`DROP TABLE notifications.audit_log`);
    await q.query(`
      ALTER TABLE notifications.deliveries
        DROP COLUMN resends, DROP COLUMN last_resent_at, DROP COLUMN retry_from`);
  }
}
