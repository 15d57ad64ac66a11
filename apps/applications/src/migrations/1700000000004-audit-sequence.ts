import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's insertion order, as grants' has: entries of one transaction share a moment,
 * and the shared `AuditEntry` (libs/common) orders by it.
 */
export class AuditSequence1700000000004 implements MigrationInterface {
  name = 'AuditSequence1700000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE applications.audit_log ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications.audit_log DROP COLUMN seq`);
  }
}
