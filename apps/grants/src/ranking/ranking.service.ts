import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { stringify } from 'csv-stringify/sync';
import {
  ApiError,
  Clock,
  OutboxService,
  isStaff,
  groszeToDecimalString,
  toWarsawIso,
  workingDayTerm,
  type AuthUser,
  type Emit,
  AuditService,
} from '@app/common';
import {
  fundFromReserve,
  maxTotalOf,
  rankApplications,
  type RankingCandidate,
  type RankingStatus,
} from '../domain/index.js';
import { Call } from '../calls/call.entity.js';
import { GrantApplication } from '../applications/application.entity.js';
import { CallEvaluator } from '../evaluation/evaluation.entities.js';
import { Award } from '../awards/award.entities.js';
import { isUniqueViolation } from '../shared/problems.js';
import { Decision, type DecisionOutcome, type DecisionStanding } from './decision.entity.js';

const CALL_NOT_FOUND = { pl: 'Nie ma takiego naboru', en: 'No such call' };

interface Candidate extends RankingCandidate {
  readonly application: GrantApplication;
}

export interface RankingRow {
  rank: number | null;
  applicationId: string;
  decisionId: string | null;
  reference: string;
  entityName: string | null;
  county: string | null;
  score: number | null;
  passed: boolean | null;
  eligibleJobs: number;
  submittedAt: string;
  amount: number;
  status: DecisionStanding | 'pending-evaluation';
  remainingBudget: number | null;
}

export interface RankingView {
  callId: string;
  callNumber: string;
  approved: boolean;
  approvedAt: string | null;
  version: number;
  appealsSettled: boolean;
  budget: number;
  fundedTotal: number;
  remainingBudget: number;
  maxScore: number;
  requiredScore: number;
  rows: RankingRow[];
}

function standingOf(status: RankingStatus): DecisionOutcome {
  return status === 'rejected' ? 'below-threshold' : status;
}

function candidateOf(application: GrantApplication): Candidate {
  return {
    id: application.id,
    finalScore: application.finalScore ?? 0,
    passed: application.passed === true,
    eligibleJobs: application.eligibleJobs,
    submittedAt: application.submittedAt.toISOString(),
    amount: application.amount,
    application,
  };
}

export function requiredScoreOf(call: Call): number {
  return (maxTotalOf(call.criteria) * call.passThresholdPercent) / 100;
}

/**
 * Ranking list within the budget (domain/ranking.ts does the rules), the committee's approval
 * that turns it into decisions, and the funding from the reserve list after appeals.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Operators and admins; an evaluator only as the call's committee chair. */
  async assertCommitteeAccess(
    manager: EntityManager,
    user: AuthUser,
    callId: string,
  ): Promise<void> {
    if (isStaff(user)) return;
    const chair = await manager.findOne(CallEvaluator, {
      where: { callId, userId: user.id, chair: true },
    });
    if (!chair) throw ApiError.forbidden();
  }

  async view(user: AuthUser, callId: string): Promise<RankingView> {
    const manager = this.dataSource.manager;
    const call = await manager.findOne(Call, { where: { id: callId } });
    if (!call) throw ApiError.notFound(CALL_NOT_FOUND);
    await this.assertCommitteeAccess(manager, user, callId);
    const base = {
      callId,
      callNumber: call.number,
      approved: call.rankingApprovedAt !== null,
      approvedAt: call.rankingApprovedAt ? toWarsawIso(call.rankingApprovedAt) : null,
      version: call.rankingVersion,
      appealsSettled: call.appealsSettledAt !== null,
      maxScore: maxTotalOf(call.criteria),
      requiredScore: requiredScoreOf(call),
      budget: call.budget,
    };
    const applications = await manager.find(GrantApplication, {
      where: { callId, state: 'formally-accepted' },
    });
    const row = (a: GrantApplication, r: Partial<RankingRow>): RankingRow => ({
      rank: null,
      applicationId: a.id,
      decisionId: null,
      reference: a.reference,
      entityName: a.entityName,
      county: a.county,
      score: a.finalScore,
      passed: a.passed,
      eligibleJobs: a.eligibleJobs,
      submittedAt: toWarsawIso(a.submittedAt),
      amount: a.amount,
      status: 'pending-evaluation',
      remainingBudget: null,
      ...r,
    });

    if (call.rankingApprovedAt) {
      const decisions = await manager.find(Decision, { where: { callId } });
      const byApp = new Map(applications.map((a) => [a.id, a]));
      const sorted = decisions
        .filter((d) => byApp.has(d.applicationId))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score);
      const extensions = await this.extensionsOf(manager, callId);
      const fundedTotal =
        sorted.filter((d) => d.standing === 'funded').reduce((s, d) => s + d.amount, 0) +
        extensions;
      let remaining = call.budget - extensions;
      const rows = sorted.map((d) => {
        if (d.standing === 'funded') remaining -= d.amount;
        return row(byApp.get(d.applicationId)!, {
          rank: d.rank,
          decisionId: d.id,
          score: d.score,
          status: d.standing,
          remainingBudget: remaining,
        });
      });
      return { ...base, fundedTotal, remainingBudget: call.budget - fundedTotal, rows };
    }

    const final = applications.filter((a) => a.evaluationStage === 'final');
    const result = rankApplications(final.map(candidateOf), call.budget);
    const rows = result.entries.map((e) =>
      row(e.candidate.application, {
        rank: e.rank,
        status: standingOf(e.status),
        remainingBudget: e.remainingBudget,
      }),
    );
    for (const a of applications.filter((x) => x.evaluationStage !== 'final'))
      rows.push(row(a, {}));
    return {
      ...base,
      fundedTotal: result.fundedTotal,
      remainingBudget: result.remainingBudget,
      rows,
    };
  }

  csv(view: RankingView): string {
    const header = [
      'rank',
      'reference',
      'entity',
      'county',
      'score',
      'eligible_jobs',
      'submitted_at',
      'amount_pln',
      'status',
      'remaining_budget_pln',
    ];
    const lines = view.rows.map((r) => [
      r.rank ?? '',
      r.reference,
      r.entityName ?? '',
      r.county ?? '',
      r.score ?? '',
      r.eligibleJobs,
      r.submittedAt,
      groszeToDecimalString(r.amount),
      r.status,
      r.remainingBudget === null ? '' : groszeToDecimalString(r.remainingBudget),
    ]);
    return stringify([header, ...lines]);
  }

  /**
   * Approves the ranking: one decision per application and one event per decision. The call row
   * is locked, so of two concurrent approvals one wins and the other gets a 409; the unique
   * decision per application backs this up.
   */
  async approve(user: AuthUser, callId: string): Promise<RankingView> {
    try {
      await this.outbox.transaction(async (manager, emit) => {
        const call = await manager.findOne(Call, {
          where: { id: callId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!call) throw ApiError.notFound(CALL_NOT_FOUND);
        await this.assertCommitteeAccess(manager, user, callId);
        if (call.rankingApprovedAt) throw this.alreadyApproved();
        const now = this.clock.now();
        if (call.status !== 'published' || call.closesAt > now) {
          throw ApiError.unprocessable('CALL_NOT_CLOSED', {
            pl: 'Listę rankingową zatwierdza się po zamknięciu naboru',
            en: 'The ranking is approved once the call has closed',
          });
        }
        const applications = await manager.find(GrantApplication, { where: { callId } });
        if (applications.some((a) => a.state === 'submitted')) {
          throw ApiError.unprocessable('FORMAL_CHECK_PENDING', {
            pl: 'Nie wszystkie wnioski przeszły ocenę formalną',
            en: 'Not every application has been formally checked',
          });
        }
        const accepted = applications.filter((a) => a.state === 'formally-accepted');
        if (accepted.length === 0) {
          throw ApiError.unprocessable('NOTHING_TO_RANK', {
            pl: 'Brak wniosków do umieszczenia na liście rankingowej',
            en: 'There are no applications to rank',
          });
        }
        const unfinished = accepted.filter((a) => a.evaluationStage !== 'final');
        if (unfinished.length > 0) {
          throw ApiError.unprocessable('EVALUATION_INCOMPLETE', {
            pl: `Ocena merytoryczna nie została zakończona (${unfinished.map((a) => a.reference).join(', ')})`,
            en: `The evaluation is not finished (${unfinished.map((a) => a.reference).join(', ')})`,
          });
        }
        const result = rankApplications(accepted.map(candidateOf), call.budget);
        const term = workingDayTerm(now, call.appealTermWorkingDays);
        for (const entry of result.entries) {
          const application = entry.candidate.application;
          const outcome = standingOf(entry.status);
          const decision = await manager.save(
            manager.create(Decision, {
              callId,
              applicationId: application.id,
              outcome,
              standing: outcome,
              score: entry.candidate.finalScore,
              rank: entry.rank,
              amount: application.amount,
              decidedAt: now,
              appealLastDay: term.lastDay,
              appealDeadline: term.deadline,
              updatedAt: now,
            }),
          );
          await this.audit.record(manager, {
            entityType: 'decision',
            entityId: decision.id,
            action: 'decided',
            toState: outcome,
            changes: {
              applicationId: application.id,
              score: decision.score,
              rank: decision.rank,
              amount: decision.amount,
            },
          });
          if (outcome === 'funded') {
            await this.grant(manager, emit, call, application, decision, { afterAppeal: false });
          } else {
            await emit('grants.award.rejected', {
              ...this.decisionCommon(call, application, decision, false),
              outcome,
              rank: decision.rank,
              amount: decision.amount,
              // What was left when the list reached it: below its amount, or (no skipping down)
              // not below it when one ranked higher did not fit.
              ...(outcome === 'reserve' ? { remainingBudget: entry.remainingBudget } : {}),
            });
          }
        }
        call.rankingApprovedAt = now;
        call.rankingApprovedBy = user.id;
        call.rankingVersion = 1;
        call.updatedAt = now;
        await manager.save(call);
        await this.audit.record(manager, {
          entityType: 'call',
          entityId: callId,
          action: 'ranking-approved',
          changes: { fundedTotal: result.fundedTotal, remainingBudget: result.remainingBudget },
        });
        await this.emitPublished(
          emit,
          call,
          result.entries.map((e) => e.status),
          result.fundedTotal,
          false,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.alreadyApproved();
      throw error;
    }
    return this.view(user, callId);
  }

  private alreadyApproved(): ApiError {
    return ApiError.conflict('RANKING_ALREADY_APPROVED', {
      pl: 'Lista rankingowa tego naboru została już zatwierdzona',
      en: "This call's ranking has already been approved",
    });
  }

  private decisionCommon(
    call: Call,
    application: GrantApplication,
    decision: Decision,
    afterAppeal: boolean,
  ) {
    return {
      decisionId: decision.id,
      applicationId: application.id,
      reference: application.reference,
      callId: call.id,
      callNumber: call.number,
      callTitle: call.title,
      score: decision.score,
      maxScore: maxTotalOf(call.criteria),
      requiredScore: requiredScoreOf(call),
      decidedAt: decision.decidedAt.toISOString(),
      appealLastDay: decision.appealLastDay,
      appealDeadline: decision.appealDeadline.toISOString(),
      appealTermWorkingDays: call.appealTermWorkingDays,
      afterAppeal,
      applicant: application.applicant,
    };
  }

  private async grant(
    manager: EntityManager,
    emit: Emit,
    call: Call,
    application: GrantApplication,
    decision: Decision,
    how: { afterAppeal: boolean; fromReserve?: boolean },
  ): Promise<void> {
    const { afterAppeal, fromReserve = false } = how;
    const now = this.clock.now();
    const award = await manager.save(
      manager.create(Award, {
        decisionId: decision.id,
        applicationId: application.id,
        callId: call.id,
        reference: application.reference,
        applicant: application.applicant,
        applicantUserId: application.applicantUserId,
        applicantKind: application.applicantKind,
        county: application.county,
        amount: decision.amount,
        paidTotal: 0,
        status: 'granted',
        signedOn: null,
        security: null,
        deMinimisCertificateNumber: null,
        bridgingExtensionGranted: false,
        grantedAt: now,
        settledOn: null,
        givenUpAt: null,
        givenUpBy: null,
        givenUpReason: null,
        updatedAt: now,
      }),
    );
    await this.audit.record(manager, {
      entityType: 'award',
      entityId: award.id,
      action: 'granted',
      toState: 'granted',
      changes: { applicationId: application.id, amount: award.amount, afterAppeal, fromReserve },
    });
    await emit('grants.award.granted', {
      ...this.decisionCommon(call, application, decision, afterAppeal),
      awardId: award.id,
      rank: decision.rank ?? 1,
      amount: decision.amount,
      ...(fromReserve ? { fromReserve: true } : {}),
    });
  }

  private async emitPublished(
    emit: Emit,
    call: Call,
    statuses: RankingStatus[],
    fundedTotal: number,
    afterAppeals: boolean,
  ) {
    await emit('grants.ranking.published', {
      callId: call.id,
      callNumber: call.number,
      version: call.rankingVersion,
      publishedAt: this.clock.now().toISOString(),
      afterAppeals,
      funded: statuses.filter((s) => s === 'funded').length,
      reserve: statuses.filter((s) => s === 'reserve').length,
      rejected: statuses.filter((s) => s === 'rejected').length,
      budget: call.budget,
      fundedTotal,
      remainingBudget: call.budget - fundedTotal,
    });
  }

  /**
   * After the appeal terms: once every decision's appeal term is over and no appeal is pending,
   * positive applications on the reserve list are funded in ranking order from what is left
   * (domain `fundFromReserve`: never skipping down, never un-funding), and the ranking list is
   * published again. Runs once per call; returns whether it ran.
   */
  async settleAppeals(manager: EntityManager, emit: Emit, callId: string): Promise<boolean> {
    const call = await manager.findOne(Call, {
      where: { id: callId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!call || !call.rankingApprovedAt || call.appealsSettledAt) return false;
    const now = this.clock.now();
    const [state] = await manager.query(
      `SELECT max(appeal_deadline) AS last_deadline,
              (SELECT count(*) FROM grants.appeals WHERE call_id = $1 AND status = 'pending') AS pending
         FROM grants.decisions WHERE call_id = $1`,
      [callId],
    );
    if (Number(state.pending) > 0 || (state.last_deadline && new Date(state.last_deadline) >= now))
      return false;
    call.appealsSettledAt = now;
    await this.fundReserve(manager, emit, call, 'after-appeals');
    return true;
  }

  /**
   * Funds the reserve list from what is left of the call's budget, in ranking order (domain
   * `fundFromReserve`: funded stay funded, no skipping down to a cheaper one), publishes the
   * ranking list again (a new version) and tells every newly funded applicant. What is left is
   * the budget less every live award (approved bridging extensions included); given-up awards
   * free their money. The caller holds the call's row lock.
   */
  private async fundReserve(
    manager: EntityManager,
    emit: Emit,
    call: Call,
    why: 'after-appeals' | 'money-freed',
  ): Promise<void> {
    const now = this.clock.now();
    const decisions = await manager.find(Decision, { where: { callId: call.id } });
    const applications = await manager.find(GrantApplication, {
      where: { callId: call.id, state: 'formally-accepted' },
    });
    const byApp = new Map(applications.map((a) => [a.id, a]));
    const live = decisions.filter((d) => byApp.has(d.applicationId) && d.standing !== 'given-up');
    const extensions = await this.extensionsOf(manager, call.id);
    const result = fundFromReserve(
      live.map((d) => ({
        candidate: candidateOf(byApp.get(d.applicationId)!),
        funded: d.standing === 'funded',
      })),
      call.budget - extensions,
    );
    const byAppDecision = new Map(live.map((d) => [d.applicationId, d]));
    const newly = new Set(result.newlyFunded);
    for (const entry of result.entries) {
      const decision = byAppDecision.get(entry.candidate.id)!;
      const standing = standingOf(entry.status);
      const changed =
        decision.standing !== standing ||
        decision.rank !== entry.rank ||
        decision.score !== entry.candidate.finalScore;
      if (!changed) continue;
      const before = decision.standing;
      decision.standing = standing;
      decision.rank = entry.rank;
      decision.score = entry.candidate.finalScore;
      decision.updatedAt = now;
      await manager.save(decision);
      await this.audit.record(manager, {
        actorId: null,
        entityType: 'decision',
        entityId: decision.id,
        action: why === 'after-appeals' ? 'ranking-republished' : 'funded-from-freed-budget',
        fromState: before,
        toState: standing,
        changes: { rank: entry.rank, score: decision.score },
      });
      if (newly.has(entry.candidate.id)) {
        await this.grant(manager, emit, call, entry.candidate.application, decision, {
          afterAppeal: true,
          fromReserve: why === 'money-freed',
        });
      }
    }
    call.rankingVersion += 1;
    call.updatedAt = now;
    await manager.save(call);
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'call',
      entityId: call.id,
      action:
        why === 'after-appeals'
          ? 'ranking-published-after-appeals'
          : 'ranking-published-after-freed-budget',
      changes: { version: call.rankingVersion, newlyFunded: result.newlyFunded },
    });
    await this.emitPublished(
      emit,
      call,
      result.entries.map((e) => e.status),
      result.fundedTotal + extensions,
      true,
    );
  }

  /** What approved bridging extensions added to the call's live awards, grosze. */
  private async extensionsOf(manager: EntityManager, callId: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT COALESCE(sum(w.amount - d.amount), 0)::bigint AS extra
         FROM grants.awards w JOIN grants.decisions d ON d.id = w.decision_id
        WHERE w.call_id = $1 AND w.status <> 'given-up'`,
      [callId],
    );
    return Number(row.extra);
  }

  /**
   * The applicant (their own award) or an operator gives up an award before the agreement is
   * signed (*rezygnacja*). Its money is freed: once the ranking was published after the appeals,
   * the reserve list is funded from it at once, in ranking order; before that, the settlement
   * after the appeals counts it. After the agreement the award cannot be given up here (that is
   * a termination of the agreement, with a refund): 409.
   */
  async giveUp(user: AuthUser, awardId: string, reason: string): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const staff = isStaff(user);
      const found = await manager.findOne(Award, { where: { id: awardId } });
      if (!found || (!staff && found.applicantUserId !== user.id)) {
        throw ApiError.notFound({ pl: 'Nie ma takiego wsparcia', en: 'No such award' });
      }
      // The call first, then the award: the order the reserve funding takes its locks in.
      const call = await manager.findOneOrFail(Call, {
        where: { id: found.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const award = await manager.findOneOrFail(Award, {
        where: { id: awardId },
        lock: { mode: 'pessimistic_write' },
      });
      if (award.status === 'given-up') {
        throw ApiError.conflict('AWARD_GIVEN_UP', {
          pl: 'Z tego wsparcia już zrezygnowano',
          en: 'This award has already been given up',
        });
      }
      if (award.status !== 'granted') {
        throw ApiError.conflict('AGREEMENT_ALREADY_SIGNED', {
          pl: 'Umowa została już zawarta: rezygnacja oznacza jej rozwiązanie i zwrot środków, skontaktuj się z OWES',
          en: 'The agreement is already signed: giving up now means terminating it and refunding, contact the centre',
        });
      }
      const now = this.clock.now();
      const decision = await manager.findOneOrFail(Decision, { where: { id: award.decisionId } });
      award.status = 'given-up';
      award.givenUpAt = now;
      award.givenUpBy = user.id;
      award.givenUpReason = reason;
      award.updatedAt = now;
      await manager.save(award);
      const before = decision.standing;
      const rankBefore = decision.rank;
      // Off the ranking list: the applications below move up when it is published again.
      decision.standing = 'given-up';
      decision.rank = null;
      decision.updatedAt = now;
      await manager.save(decision);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: award.id,
        action: 'given-up',
        fromState: 'granted',
        toState: 'given-up',
        changes: {
          reason,
          amount: award.amount,
          decisionStanding: { from: before, to: 'given-up' },
          rankBefore,
        },
      });
      await emit('grants.award.given-up', {
        awardId: award.id,
        applicationId: award.applicationId,
        reference: award.reference,
        callId: call.id,
        callNumber: call.number,
        amount: award.amount,
        reason,
        by: staff && award.applicantUserId !== user.id ? 'operator' : 'applicant',
        givenUpAt: now.toISOString(),
        applicant: award.applicant,
      });
      if (call.appealsSettledAt) await this.fundReserve(manager, emit, call, 'money-freed');
      return award;
    });
  }

  /** Calls whose appeal terms are over and not yet settled (scheduler scan). */
  async settleDueCalls(): Promise<number> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM grants.calls c
        WHERE c.ranking_approved_at IS NOT NULL AND c.appeals_settled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM grants.decisions d WHERE d.call_id = c.id AND d.appeal_deadline >= $1)
          AND NOT EXISTS (SELECT 1 FROM grants.appeals p WHERE p.call_id = c.id AND p.status = 'pending')
        LIMIT 20`,
      [now],
    );
    let settled = 0;
    for (const { id } of due) {
      const ran = await this.outbox.transaction((manager, emit) =>
        this.settleAppeals(manager, emit, id),
      );
      if (ran) settled++;
    }
    return settled;
  }
}
