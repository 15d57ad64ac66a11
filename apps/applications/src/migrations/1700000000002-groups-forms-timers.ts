import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: e-mail verification, initiative groups, the complete grant application (formal
 * check, corrections, withdrawal), durable timers. Indexes for every list and scheduler scan.
 */
export class GroupsFormsTimers1700000000002 implements MigrationInterface {
  name = 'GroupsFormsTimers1700000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications.email_verifications (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES applications.users (id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX email_verifications_user_idx ON applications.email_verifications (user_id)`,
    );

    await q.query(`
      CREATE TABLE applications.initiative_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        leader_id uuid NOT NULL REFERENCES applications.users (id),
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'qualified', 'rejected')),
        name text,
        planned_legal_form text,
        form jsonb NOT NULL DEFAULT '{}',
        counties text[] NOT NULL DEFAULT '{}',
        submitted_at timestamptz,
        decided_at timestamptz,
        decided_by uuid,
        decision_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX initiative_groups_leader_idx ON applications.initiative_groups (leader_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX initiative_groups_state_idx ON applications.initiative_groups (state, created_at DESC)`,
    );

    await q.query(`
      ALTER TABLE applications.applications
        ADD COLUMN applicant_kind text,
        ADD COLUMN group_id uuid REFERENCES applications.initiative_groups (id),
        ADD COLUMN entity_name text,
        ADD COLUMN county text,
        ADD COLUMN amount jsonb,
        ADD COLUMN requested_total bigint,
        ADD COLUMN correction_rounds int NOT NULL DEFAULT 0,
        ADD COLUMN corrections jsonb,
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN decided_by uuid,
        ADD COLUMN decision_reasons jsonb,
        ADD COLUMN withdrawn_at timestamptz`);
    await q.query(`
      ALTER TABLE applications.applications ADD CONSTRAINT applications_state_check CHECK (state IN
        ('draft', 'submitted', 'corrections-requested', 'formally-accepted', 'formally-rejected', 'withdrawn'))`);
    // Operator lists: newest first, by state, by county, by name prefix.
    await q.query(
      `CREATE INDEX applications_created_idx ON applications.applications (created_at DESC, id)`,
    );
    await q.query(
      `CREATE INDEX applications_state_idx ON applications.applications (state, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX applications_county_idx ON applications.applications (county, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX applications_entity_name_idx ON applications.applications (lower(entity_name) text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX applications_group_idx ON applications.applications (group_id) WHERE group_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE applications.application_versions ADD COLUMN amount jsonb`);

    await q.query(`
      CREATE TABLE applications.due_timers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        entity_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL
      )`);
    // The scheduler's scan: pending timers by due time.
    await q.query(
      `CREATE INDEX due_timers_pending_idx ON applications.due_timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX due_timers_entity_idx ON applications.due_timers (kind, entity_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS applications.due_timers`);
    await q.query(`ALTER TABLE applications.application_versions DROP COLUMN IF EXISTS amount`);
    for (const index of [
      'applications_created_idx',
      'applications_state_idx',
      'applications_county_idx',
      'applications_entity_name_idx',
      'applications_group_idx',
    ]) {
      await q.query(`DROP INDEX IF EXISTS applications.${index}`);
    }
    await q.query(
      `ALTER TABLE applications.applications DROP CONSTRAINT IF EXISTS applications_state_check`,
    );
    await q.query(`
      ALTER TABLE applications.applications
        DROP COLUMN IF EXISTS applicant_kind, DROP COLUMN IF EXISTS group_id, DROP COLUMN IF EXISTS entity_name,
        DROP COLUMN IF EXISTS county, DROP COLUMN IF EXISTS amount, DROP COLUMN IF EXISTS requested_total,
        DROP COLUMN IF EXISTS correction_rounds, DROP COLUMN IF EXISTS corrections, DROP COLUMN IF EXISTS decided_at,
        DROP COLUMN IF EXISTS decided_by, DROP COLUMN IF EXISTS decision_reasons, DROP COLUMN IF EXISTS withdrawn_at`);
    await q.query(`DROP TABLE IF EXISTS applications.initiative_groups`);
    await q.query(`DROP TABLE IF EXISTS applications.email_verifications`);
  }
}
