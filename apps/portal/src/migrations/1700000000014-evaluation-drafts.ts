import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evaluator's half-written scoring card (docs/portal.md#nothing-typed-is-lost): what was typed
 * per criterion, kept as typed (points too, as text) until the scores are submitted to the grants
 * service, keyed by the person and the evaluation.
 */
export class EvaluationDrafts1700000000014 implements MigrationInterface {
  name = 'EvaluationDrafts1700000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE portal.evaluation_drafts (
        user_id uuid NOT NULL,
        evaluation_id uuid NOT NULL,
        fields jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT evaluation_drafts_pkey PRIMARY KEY (user_id, evaluation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal.evaluation_drafts`);
  }
}
