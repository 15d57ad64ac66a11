import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: programmes, call settings, the applications read model, the evaluation committee,
 * ranking and decisions, appeals, awards with agreements and payments, job monitoring, refunds,
 * statutory interest rates and the audit log. Every list and every scheduler scan has an index.
 */
export class GrantsLifecycle1700000000002 implements MigrationInterface {
  name = 'GrantsLifecycle1700000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grants.programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        counties text[] NOT NULL,
        yearly_budgets jsonb NOT NULL,
        targets jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX programmes_name_key ON grants.programmes (name)`);

    await q.query(`
      ALTER TABLE grants.calls
        ADD COLUMN programme_id uuid REFERENCES grants.programmes (id),
        ADD COLUMN evaluation_term_working_days int NOT NULL DEFAULT 10,
        ADD COLUMN funded_months int NOT NULL DEFAULT 12,
        ADD COLUMN durability_months int NOT NULL DEFAULT 6,
        ADD COLUMN report_due_days int NOT NULL DEFAULT 7,
        ADD COLUMN refill_months int NOT NULL DEFAULT 3,
        ADD COLUMN refund_due_days int NOT NULL DEFAULT 30,
        ADD COLUMN rules_locked_at timestamptz,
        ADD COLUMN ranking_approved_at timestamptz,
        ADD COLUMN ranking_approved_by uuid,
        ADD COLUMN ranking_version int NOT NULL DEFAULT 0,
        ADD COLUMN appeals_settled_at timestamptz`);
    await q.query(`CREATE INDEX calls_programme_idx ON grants.calls (programme_id)`);
    await q.query(
      `CREATE INDEX calls_appeals_open_idx ON grants.calls (ranking_approved_at)
         WHERE ranking_approved_at IS NOT NULL AND appeals_settled_at IS NULL`,
    );

    // Read model of the applications service's forms, fed by its events.
    await q.query(`
      CREATE TABLE grants.applications (
        id uuid PRIMARY KEY,
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        reference text NOT NULL,
        version int NOT NULL,
        state text NOT NULL CHECK (state IN ('submitted', 'formally-accepted', 'formally-rejected', 'withdrawn')),
        applicant jsonb NOT NULL,
        applicant_user_id uuid,
        applicant_kind text,
        entity_name text,
        county text,
        jobs jsonb NOT NULL DEFAULT '[]',
        eligible_jobs int NOT NULL DEFAULT 0,
        amount bigint NOT NULL DEFAULT 0,
        amount_detail jsonb,
        business_plan jsonb,
        recruited_by uuid[] NOT NULL DEFAULT '{}',
        submitted_at timestamptz NOT NULL,
        accepted_at timestamptz,
        evaluation_stage text NOT NULL DEFAULT 'none'
          CHECK (evaluation_stage IN ('none', 'first', 'third', 'final')),
        final_score numeric(10, 1),
        counted_evaluation_ids uuid[],
        passed boolean,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX applications_call_idx ON grants.applications (call_id, state)`);
    await q.query(
      `CREATE INDEX applications_applicant_idx ON grants.applications (applicant_user_id)`,
    );

    await q.query(`
      CREATE TABLE grants.call_evaluators (
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        user_id uuid NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        language text NOT NULL CHECK (language IN ('pl', 'en')),
        trainer_or_adviser boolean NOT NULL,
        chair boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (call_id, user_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX call_evaluators_chair_key ON grants.call_evaluators (call_id) WHERE chair`,
    );
    await q.query(`CREATE INDEX call_evaluators_user_idx ON grants.call_evaluators (user_id)`);

    await q.query(`
      CREATE TABLE grants.evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES grants.applications (id),
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        evaluator_id uuid NOT NULL,
        round text NOT NULL CHECK (round IN ('first', 'third', 'appeal')),
        seq int NOT NULL,
        status text NOT NULL CHECK (status IN ('assigned', 'declared', 'submitted', 'conflict', 'cancelled')),
        assigned_at timestamptz NOT NULL,
        due_date date NOT NULL,
        declared_at timestamptz,
        conflict_reason text,
        scores jsonb,
        total int,
        submitted_at timestamptz,
        overdue_notified_at timestamptz,
        -- an evaluator never scores (or is assigned) the same application twice
        UNIQUE (application_id, evaluator_id),
        UNIQUE (application_id, seq)
      )`);
    await q.query(
      `CREATE INDEX evaluations_evaluator_idx ON grants.evaluations (evaluator_id, assigned_at)`,
    );
    await q.query(
      `CREATE INDEX evaluations_call_idx ON grants.evaluations (call_id, evaluator_id, status)`,
    );
    await q.query(
      `CREATE INDEX evaluations_due_idx ON grants.evaluations (due_date)
         WHERE status IN ('assigned', 'declared') AND overdue_notified_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE grants.decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        application_id uuid NOT NULL REFERENCES grants.applications (id),
        outcome text NOT NULL CHECK (outcome IN ('funded', 'reserve', 'below-threshold')),
        standing text NOT NULL CHECK (standing IN ('funded', 'reserve', 'below-threshold')),
        score numeric(10, 1) NOT NULL,
        rank int,
        amount bigint NOT NULL,
        decided_at timestamptz NOT NULL,
        appeal_last_day date NOT NULL,
        appeal_deadline timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // One decision per application, whatever two approvals race to write.
    await q.query(
      `CREATE UNIQUE INDEX decisions_application_key ON grants.decisions (application_id)`,
    );
    await q.query(`CREATE INDEX decisions_call_idx ON grants.decisions (call_id, rank)`);

    await q.query(`
      CREATE TABLE grants.appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES grants.decisions (id),
        application_id uuid NOT NULL REFERENCES grants.applications (id),
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        criteria text[] NOT NULL,
        justification text NOT NULL,
        filed_by uuid NOT NULL,
        filed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'upheld', 'dismissed')),
        evaluation_id uuid REFERENCES grants.evaluations (id),
        score_before numeric(10, 1) NOT NULL,
        score_after numeric(10, 1),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX appeals_decision_key ON grants.appeals (decision_id)`);
    await q.query(`CREATE INDEX appeals_call_idx ON grants.appeals (call_id, status)`);

    await q.query(`
      CREATE TABLE grants.awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES grants.decisions (id),
        application_id uuid NOT NULL REFERENCES grants.applications (id),
        call_id uuid NOT NULL REFERENCES grants.calls (id),
        reference text NOT NULL,
        applicant jsonb NOT NULL,
        applicant_user_id uuid,
        applicant_kind text,
        county text,
        amount bigint NOT NULL CHECK (amount > 0),
        paid_total bigint NOT NULL DEFAULT 0 CHECK (paid_total >= 0 AND paid_total <= amount),
        status text NOT NULL CHECK (status IN ('granted', 'agreement-signed', 'settled')),
        signed_on date,
        security jsonb,
        de_minimis_certificate_number text,
        bridging_extension_granted boolean NOT NULL DEFAULT false,
        granted_at timestamptz NOT NULL,
        settled_on date,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX awards_application_key ON grants.awards (application_id)`);
    await q.query(`CREATE INDEX awards_call_idx ON grants.awards (call_id)`);
    await q.query(`CREATE INDEX awards_applicant_idx ON grants.awards (applicant_user_id)`);

    await q.query(`
      CREATE TABLE grants.award_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES grants.awards (id),
        job_key text NOT NULL,
        position text NOT NULL,
        working_time text NOT NULL,
        eligible_person boolean NOT NULL,
        county text NOT NULL,
        weight bigint NOT NULL CHECK (weight > 0),
        start_date date NOT NULL,
        funded_end_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'vacant', 'kept', 'refund-claimed')),
        vacancy_date date,
        refill_deadline date,
        refilled_on date,
        updated_at timestamptz NOT NULL,
        UNIQUE (award_id, job_key)
      )`);
    await q.query(`CREATE INDEX award_jobs_status_idx ON grants.award_jobs (status, end_date)`);
    await q.query(
      `CREATE INDEX award_jobs_refill_idx ON grants.award_jobs (refill_deadline) WHERE status = 'vacant'`,
    );

    await q.query(`
      CREATE TABLE grants.payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES grants.awards (id),
        kind text NOT NULL CHECK (kind IN ('tranche', 'bridging')),
        amount bigint NOT NULL CHECK (amount > 0),
        paid_on date NOT NULL,
        job_id uuid REFERENCES grants.award_jobs (id),
        month text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CHECK ((kind = 'bridging') = (job_id IS NOT NULL AND month IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX payments_award_idx ON grants.payments (award_id, paid_on)`);
    await q.query(
      `CREATE INDEX payments_job_month_idx ON grants.payments (job_id, month) WHERE kind = 'bridging'`,
    );

    await q.query(`
      CREATE TABLE grants.job_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id uuid NOT NULL REFERENCES grants.award_jobs (id),
        award_id uuid NOT NULL REFERENCES grants.awards (id),
        period text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'submitted', 'cancelled')),
        job_exists boolean,
        evidence_reference text,
        note text,
        submitted_at timestamptz,
        submitted_by uuid,
        due_notified_at timestamptz,
        overdue_notified_at timestamptz,
        UNIQUE (job_id, period)
      )`);
    await q.query(`CREATE INDEX job_reports_award_idx ON grants.job_reports (award_id, period)`);
    await q.query(
      `CREATE INDEX job_reports_due_scan_idx ON grants.job_reports (period_to)
         WHERE status = 'pending' AND due_notified_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX job_reports_overdue_scan_idx ON grants.job_reports (due_date)
         WHERE status = 'pending' AND overdue_notified_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE grants.refund_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES grants.awards (id),
        job_id uuid NOT NULL REFERENCES grants.award_jobs (id),
        principal bigint NOT NULL,
        interest bigint NOT NULL,
        total bigint NOT NULL,
        calculated_on date NOT NULL,
        demand_date date NOT NULL,
        due_date date NOT NULL,
        periods jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX refund_claims_job_key ON grants.refund_claims (job_id)`);
    await q.query(`CREATE INDEX refund_claims_award_idx ON grants.refund_claims (award_id)`);

    // Statutory interest (odsetki ustawowe, art. 359 §2¹ KC: NBP reference rate + 3.5 pp),
    // dated: a change is a new row from a date. Operators add new rates through the API.
    await q.query(`
      CREATE TABLE grants.interest_rates (
        valid_from date PRIMARY KEY,
        rate_percent text NOT NULL CHECK (rate_percent ~ '^\\d{1,3}(\\.\\d{1,6})?$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO grants.interest_rates (valid_from, rate_percent) VALUES
        ('2022-09-08', '10.25'), ('2023-09-07', '9.5'), ('2023-10-05', '9.25'),
        ('2025-05-08', '8.75'), ('2025-07-03', '8.5'), ('2025-09-04', '8.25'),
        ('2025-10-09', '8'), ('2025-11-06', '7.75')`);

    await q.query(`
      CREATE TABLE grants.audit_log (
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
      `CREATE INDEX audit_log_entity_idx ON grants.audit_log (entity_type, entity_id, at)`,
    );
    await q.query(`CREATE INDEX audit_log_at_idx ON grants.audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'interest_rates',
      'refund_claims',
      'job_reports',
      'payments',
      'award_jobs',
      'awards',
      'appeals',
      'decisions',
      'evaluations',
      'call_evaluators',
      'applications',
    ]) {
      await q.query(`DROP TABLE IF EXISTS grants.${table}`);
    }
    await q.query(`
      ALTER TABLE grants.calls
        DROP COLUMN programme_id, DROP COLUMN evaluation_term_working_days, DROP COLUMN funded_months,
        DROP COLUMN durability_months, DROP COLUMN report_due_days, DROP COLUMN refill_months,
        DROP COLUMN refund_due_days, DROP COLUMN rules_locked_at, DROP COLUMN ranking_approved_at,
        DROP COLUMN ranking_approved_by, DROP COLUMN ranking_version, DROP COLUMN appeals_settled_at`);
    await q.query(`DROP TABLE IF EXISTS grants.programmes`);
  }
}
