import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PermanentEventError, type EventPayload } from '@app/common';

/** Who and when of a submission's audit row (written with the read model's row). */
export interface SubmittedAudit {
  at: Date;
  actorId: string | null;
  correlationId: string | null;
}

/**
 * The SQL of the read model of applications and initiative groups, kept from the applications
 * service's events. Each write is an upsert guarded so that a late or repeated event changes
 * nothing (events of one stream arrive in order, but may come again); every method writes
 * through the caller's transaction.
 */
@Injectable()
export class ApplicationsReadModel {
  /**
   * A submission freezes its call's rules (once); false when the call is not one this service
   * knows. Only the first submission writes the call's row: the others read it, so the
   * submissions of a busy call do not queue on that row's lock. An event naming another centre
   * than its call's is refused for good (dead letter): a wall, not a guess.
   */
  async lockCallRules(
    manager: EntityManager,
    callId: string,
    at: string,
    centreId: string,
  ): Promise<boolean> {
    const [call]: { locked: boolean; centre_id: string }[] = await manager.query(
      `SELECT rules_locked_at IS NOT NULL AS locked, centre_id FROM grants.calls WHERE id = $1`,
      [callId],
    );
    if (!call) return false;
    if (call.centre_id !== centreId.toLowerCase()) {
      throw new PermanentEventError(
        `The event names centre ${centreId}, its call ${callId} is of centre ${call.centre_id}`,
      );
    }
    if (!call.locked) {
      await manager.query(
        `UPDATE grants.calls SET rules_locked_at = COALESCE(rules_locked_at, $2) WHERE id = $1`,
        [callId, at],
      );
    }
    return true;
  }

  /**
   * A submitted application (a later version of a still submitted one replaces it), and with
   * `audit` its audit row in the same statement (a data-modifying CTE: one round trip).
   */
  async upsertSubmitted(
    manager: EntityManager,
    p: EventPayload<'applications.application.submitted'>,
    occurredAt: string,
    audit?: SubmittedAudit,
  ): Promise<void> {
    const upsert = `INSERT INTO grants.applications (id, call_id, reference, version, state, applicant, applicant_user_id,
          submitted_at, updated_at, centre_id)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, applicant = EXCLUDED.applicant,
          submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at
        WHERE grants.applications.version < EXCLUDED.version AND grants.applications.state = 'submitted'`;
    const params: unknown[] = [
      p.applicationId,
      p.callId,
      p.reference,
      p.version,
      JSON.stringify(p.applicant),
      p.applicant.userId ?? null,
      p.submittedAt,
      occurredAt,
      p.centreId,
    ];
    if (!audit) {
      await manager.query(upsert, params);
      return;
    }
    await manager.query(
      `WITH upsert AS (${upsert})
       INSERT INTO grants.audit_log (at, actor_id, entity_type, entity_id, action, to_state, changes, correlation_id)
       VALUES ($10::timestamptz, $11::uuid, 'application', $1::uuid, 'submitted', 'submitted', $12::jsonb, $13::text)`,
      [
        ...params,
        audit.at,
        audit.actorId,
        JSON.stringify({ reference: p.reference, version: p.version }),
        audit.correlationId,
      ],
    );
  }

  /**
   * A formally accepted application with what evaluation, ranking and the award need; its
   * evaluation starts ('first'). False when it was accepted already, or withdrawn meanwhile.
   */
  async upsertAccepted(
    manager: EntityManager,
    p: EventPayload<'applications.application.formally-accepted'>,
    occurredAt: string,
  ): Promise<boolean> {
    const eligibleJobs = p.jobs.filter((j) => j.eligiblePerson).length;
    const rows: unknown[] = await manager.query(
      `INSERT INTO grants.applications (id, call_id, reference, version, state, applicant, applicant_user_id,
          applicant_kind, entity_name, county, jobs, eligible_jobs, amount, amount_detail, business_plan,
          recruited_by, submitted_at, accepted_at, evaluation_stage, updated_at, de_minimis, centre_id)
       VALUES ($1, $2, $3, $4, 'formally-accepted', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'first', $18, $19, $20)
       ON CONFLICT (id) DO UPDATE SET reference = EXCLUDED.reference, version = EXCLUDED.version,
          state = 'formally-accepted', applicant = EXCLUDED.applicant, applicant_user_id = EXCLUDED.applicant_user_id,
          applicant_kind = EXCLUDED.applicant_kind, entity_name = EXCLUDED.entity_name, county = EXCLUDED.county,
          jobs = EXCLUDED.jobs, eligible_jobs = EXCLUDED.eligible_jobs, amount = EXCLUDED.amount,
          amount_detail = EXCLUDED.amount_detail, business_plan = EXCLUDED.business_plan,
          recruited_by = EXCLUDED.recruited_by, submitted_at = EXCLUDED.submitted_at,
          accepted_at = EXCLUDED.accepted_at, evaluation_stage = 'first', updated_at = EXCLUDED.updated_at,
          de_minimis = EXCLUDED.de_minimis
        WHERE grants.applications.state = 'submitted'
       RETURNING id`,
      [
        p.applicationId,
        p.callId,
        p.reference,
        p.version,
        JSON.stringify(p.applicant),
        p.applicant.userId ?? null,
        p.applicantKind,
        p.entityName,
        p.county,
        JSON.stringify(p.jobs),
        eligibleJobs,
        p.amount.total,
        JSON.stringify(p.amount),
        JSON.stringify(p.businessPlan),
        p.recruitedBy ?? [],
        p.submittedAt,
        p.acceptedAt,
        occurredAt,
        JSON.stringify(p.deMinimis ?? []),
        p.centreId,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Refuses for good (dead letter) an event about a known application that names another centre
   * than the application's: a wall, not a guess.
   */
  async assertCentre(manager: EntityManager, id: string, centreId: string): Promise<void> {
    const [row]: { centre_id: string }[] = await manager.query(
      `SELECT centre_id FROM grants.applications WHERE id = $1`,
      [id],
    );
    if (row && row.centre_id !== centreId.toLowerCase()) {
      throw new PermanentEventError(
        `The event names centre ${centreId}, application ${id} is of centre ${row.centre_id}`,
      );
    }
  }

  /** A submitted application formally rejected; false when it is no longer submitted. */
  async markRejected(manager: EntityManager, id: string, occurredAt: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE grants.applications SET state = 'formally-rejected', updated_at = $2
        WHERE id = $1 AND state = 'submitted' RETURNING id`,
      [id, occurredAt],
    );
    return rows.length > 0;
  }

  /**
   * An application withdrawn before its decision, with its unscored evaluations cancelled: the
   * state it was in, or null when it could not be withdrawn any more (a late event).
   */
  async markWithdrawn(
    manager: EntityManager,
    id: string,
    occurredAt: string,
  ): Promise<string | null> {
    const rows: { state: string }[] = await manager.query(
      `UPDATE grants.applications a SET state = 'withdrawn', updated_at = $2
         FROM (SELECT id, state FROM grants.applications WHERE id = $1 FOR UPDATE) old
        WHERE a.id = old.id AND a.state IN ('submitted', 'formally-accepted')
          AND NOT EXISTS (SELECT 1 FROM grants.decisions d WHERE d.application_id = a.id)
        RETURNING old.state`,
      [id, occurredAt],
    );
    if (rows.length === 0) return null;
    await manager.query(
      `UPDATE grants.evaluations SET status = 'cancelled' WHERE application_id = $1 AND status IN ('assigned', 'declared')`,
      [id],
    );
    return rows[0]!.state;
  }

  /** An initiative group that applied to be supported (again: its earlier decision is void). */
  async upsertGroupSubmitted(
    manager: EntityManager,
    p: EventPayload<'applications.group.submitted'>,
    occurredAt: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO grants.initiative_groups (id, name, county, counties, status, submitted_at, updated_at, centre_id)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, county = EXCLUDED.county,
          counties = EXCLUDED.counties, status = 'submitted', submitted_at = EXCLUDED.submitted_at,
          decided_at = NULL, updated_at = EXCLUDED.updated_at
        WHERE grants.initiative_groups.updated_at <= EXCLUDED.updated_at`,
      [p.groupId, p.name, p.counties[0] ?? null, p.counties, p.submittedAt, occurredAt, p.centreId],
    );
    // A decision handled first (events of one stream may be handled concurrently) made the row
    // without the group's details, and this older submission lost the race above: its details
    // still belong there (the county is what the indicators count the group in).
    await manager.query(
      `UPDATE grants.initiative_groups SET name = $2, county = $3, counties = $4
        WHERE id = $1 AND county IS NULL AND counties = '{}'`,
      [p.groupId, p.name, p.counties[0] ?? null, p.counties],
    );
  }

  /**
   * A group qualified or rejected. A decision always follows the group's submission in the same
   * stream; should the submission be missing (a group decided before this service consumed
   * groups), the group is kept anyway.
   */
  async upsertGroupDecided(
    manager: EntityManager,
    p: EventPayload<'applications.group.qualified' | 'applications.group.rejected'>,
    occurredAt: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO grants.initiative_groups (id, name, county, counties, status, submitted_at, decided_at, updated_at, centre_id)
       VALUES ($1, $2, NULL, '{}', $3, $4, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
          updated_at = EXCLUDED.updated_at
        WHERE grants.initiative_groups.updated_at <= EXCLUDED.updated_at`,
      [p.groupId, p.name, p.decision, p.decidedAt, occurredAt, p.centreId],
    );
  }
}
