import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope, AuditService } from '@app/common';
import { AssignmentService } from '../evaluation/assignment.service.js';

/**
 * A submission freezes its call's rules (once); false when the call is not one of this centre's.
 * Only the first submission writes the call's row: the others read it, so the submissions of a
 * busy call do not queue on that row's lock.
 */
async function lockCallRules(manager: EntityManager, callId: string, at: string): Promise<boolean> {
  const [call]: { locked: boolean }[] = await manager.query(
    `SELECT rules_locked_at IS NOT NULL AS locked FROM grants.calls WHERE id = $1`,
    [callId],
  );
  if (!call) return false;
  if (!call.locked) {
    await manager.query(
      `UPDATE grants.calls SET rules_locked_at = COALESCE(rules_locked_at, $2) WHERE id = $1`,
      [callId, at],
    );
  }
  return true;
}

/**
 * Keeps the local read model of applications from the applications service's events, and
 * reacts: the first submission locks the call's rules, a formal acceptance starts the
 * evaluation, a withdrawal cancels it. Every write uses the handler's transaction (`ctx.manager`),
 * the one the inbox row is in.
 */
@Controller()
export class ApplicationsEventsController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly audit: AuditService,
  ) {}

  @OnEvent('applications.application.submitted')
  async onSubmitted(
    @Payload() event: EventEnvelope<'applications.application.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    if (!(await lockCallRules(ctx.manager, p.callId, p.submittedAt))) return; // not our call
    await ctx.manager.query(
      `INSERT INTO grants.applications (id, call_id, reference, version, state, applicant, applicant_user_id,
          submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, applicant = EXCLUDED.applicant,
          submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at
        WHERE grants.applications.version < EXCLUDED.version AND grants.applications.state = 'submitted'`,
      [
        p.applicationId,
        p.callId,
        p.reference,
        p.version,
        JSON.stringify(p.applicant),
        p.applicant.userId ?? null,
        p.submittedAt,
        event.occurredAt,
      ],
    );
    await this.audit.record(ctx.manager, {
      actorId: p.applicant.userId ?? null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'submitted',
      toState: 'submitted',
      changes: { reference: p.reference, version: p.version },
    });
  }

  @OnEvent('applications.application.formally-accepted')
  async onFormallyAccepted(
    @Payload() event: EventEnvelope<'applications.application.formally-accepted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    if (!(await lockCallRules(ctx.manager, p.callId, p.submittedAt))) return;
    const eligibleJobs = p.jobs.filter((j) => j.eligiblePerson).length;
    const rows: unknown[] = await ctx.manager.query(
      `INSERT INTO grants.applications (id, call_id, reference, version, state, applicant, applicant_user_id,
          applicant_kind, entity_name, county, jobs, eligible_jobs, amount, amount_detail, business_plan,
          recruited_by, submitted_at, accepted_at, evaluation_stage, updated_at, de_minimis)
       VALUES ($1, $2, $3, $4, 'formally-accepted', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'first', $18, $19)
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
        event.occurredAt,
        JSON.stringify(p.deMinimis ?? []),
      ],
    );
    if (rows.length === 0) return; // already accepted, or withdrawn meanwhile
    await this.audit.record(ctx.manager, {
      actorId: null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'formally-accepted',
      fromState: 'submitted',
      toState: 'formally-accepted',
      changes: { reference: p.reference, amount: p.amount.total, jobs: p.jobs.length },
    });
    await this.assignment.fill(ctx.manager, ctx.emit, p.callId);
  }

  @OnEvent('applications.application.formally-rejected')
  async onFormallyRejected(
    @Payload() event: EventEnvelope<'applications.application.formally-rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    const rows: unknown[] = await ctx.manager.query(
      `UPDATE grants.applications SET state = 'formally-rejected', updated_at = $2
        WHERE id = $1 AND state = 'submitted' RETURNING id`,
      [p.applicationId, event.occurredAt],
    );
    if (rows.length > 0) {
      await this.audit.record(ctx.manager, {
        actorId: null,
        entityType: 'application',
        entityId: p.applicationId,
        action: 'formally-rejected',
        fromState: 'submitted',
        toState: 'formally-rejected',
      });
    }
  }

  @OnEvent('applications.application.withdrawn')
  async onWithdrawn(
    @Payload() event: EventEnvelope<'applications.application.withdrawn'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    // Only before the decision (applications allows withdrawal only then; a late event changes nothing).
    const rows: { state: string }[] = await ctx.manager.query(
      `UPDATE grants.applications a SET state = 'withdrawn', updated_at = $2
         FROM (SELECT id, state FROM grants.applications WHERE id = $1 FOR UPDATE) old
        WHERE a.id = old.id AND a.state IN ('submitted', 'formally-accepted')
          AND NOT EXISTS (SELECT 1 FROM grants.decisions d WHERE d.application_id = a.id)
        RETURNING old.state`,
      [p.applicationId, event.occurredAt],
    );
    if (rows.length === 0) return;
    await ctx.manager.query(
      `UPDATE grants.evaluations SET status = 'cancelled' WHERE application_id = $1 AND status IN ('assigned', 'declared')`,
      [p.applicationId],
    );
    await this.audit.record(ctx.manager, {
      actorId: p.applicant.userId ?? null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'withdrawn',
      fromState: rows[0]!.state,
      toState: 'withdrawn',
    });
  }

  /** A group applied to be supported: kept for the "groups supported" indicator. */
  @OnEvent('applications.group.submitted')
  async onGroupSubmitted(
    @Payload() event: EventEnvelope<'applications.group.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO grants.initiative_groups (id, name, county, counties, status, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, county = EXCLUDED.county,
          counties = EXCLUDED.counties, status = 'submitted', submitted_at = EXCLUDED.submitted_at,
          decided_at = NULL, updated_at = EXCLUDED.updated_at
        WHERE grants.initiative_groups.updated_at <= EXCLUDED.updated_at`,
      [p.groupId, p.name, p.counties[0] ?? null, p.counties, p.submittedAt, event.occurredAt],
    );
  }

  @OnEvent('applications.group.qualified')
  onGroupQualified(
    @Payload() event: EventEnvelope<'applications.group.qualified'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.groupDecided(event, ctx);
  }

  @OnEvent('applications.group.rejected')
  onGroupRejected(
    @Payload() event: EventEnvelope<'applications.group.rejected'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return this.groupDecided(event, ctx);
  }

  private async groupDecided(
    event: EventEnvelope<'applications.group.qualified' | 'applications.group.rejected'>,
    ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    // A decision always follows the group's submission in the same stream; should the submission
    // be missing (a group decided before this service consumed groups), the group is kept anyway.
    await ctx.manager.query(
      `INSERT INTO grants.initiative_groups (id, name, county, counties, status, submitted_at, decided_at, updated_at)
       VALUES ($1, $2, NULL, '{}', $3, $4, $4, $5)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
          updated_at = EXCLUDED.updated_at
        WHERE grants.initiative_groups.updated_at <= EXCLUDED.updated_at`,
      [p.groupId, p.name, p.decision, p.decidedAt, event.occurredAt],
    );
  }
}
