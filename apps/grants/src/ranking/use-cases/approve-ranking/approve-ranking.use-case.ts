import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  workingDayTerm,
  type AuthUser,
} from '@app/common';
import {
  rankApplications,
  rankingApprovalRefusal,
  type RankingApprovalRefusal,
} from '../../../domain/index.js';
import { findCall } from '../../../calls/find-call.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { isUniqueViolation } from '../../../shared/problems.js';
import { candidateOf, standingOf } from '../../candidates.js';
import { assertCommitteeAccess } from '../../committee-access.js';
import { Decision } from '../../decision.entity.js';
import { decisionPayload, rankingPublishedPayload } from '../../decision-payloads.js';
import { RankingErrors } from '../../ranking.errors.js';
import { GetRanking, type RankingView } from '../get-ranking/get-ranking.use-case.js';
import { GrantAward } from '../grant-award/grant-award.use-case.js';

export interface ApproveRankingInput {
  readonly user: AuthUser;
  readonly callId: string;
}

const alreadyApproved = () =>
  ApiError.conflict(RankingErrors.RANKING_ALREADY_APPROVED, {
    pl: 'Lista rankingowa tego naboru została już zatwierdzona',
    en: "This call's ranking has already been approved",
  });

/** The refusal of domain `rankingApprovalRefusal` as the API answers it. */
function refused(refusal: RankingApprovalRefusal): ApiError {
  switch (refusal.reason) {
    case 'already-approved':
      return alreadyApproved();
    case 'call-not-closed':
      return ApiError.unprocessable(RankingErrors.CALL_NOT_CLOSED, {
        pl: 'Listę rankingową zatwierdza się po zamknięciu naboru',
        en: 'The ranking is approved once the call has closed',
      });
    case 'formal-check-pending':
      return ApiError.unprocessable(RankingErrors.FORMAL_CHECK_PENDING, {
        pl: 'Nie wszystkie wnioski przeszły ocenę formalną',
        en: 'Not every application has been formally checked',
      });
    case 'nothing-to-rank':
      return ApiError.unprocessable(RankingErrors.NOTHING_TO_RANK, {
        pl: 'Brak wniosków do umieszczenia na liście rankingowej',
        en: 'There are no applications to rank',
      });
    case 'evaluation-incomplete': {
      const references = refusal.references.join(', ');
      return ApiError.unprocessable(RankingErrors.EVALUATION_INCOMPLETE, {
        pl: `Ocena merytoryczna nie została zakończona (${references})`,
        en: `The evaluation is not finished (${references})`,
      });
    }
  }
}

/**
 * Approves the ranking: one decision per application and one event per decision, an award for
 * each funded one. The call row is locked, so of two concurrent approvals one wins and the other
 * gets a 409; the unique decision per application backs this up.
 */
@Injectable()
export class ApproveRanking {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly grantAward: GrantAward,
    private readonly getRanking: GetRanking,
  ) {}

  async execute({ user, callId }: ApproveRankingInput): Promise<RankingView> {
    try {
      await this.outbox.transaction(async (manager, emit) => {
        const call = await findCall(manager, callId, true);
        await assertCommitteeAccess(manager, user, callId);
        const now = this.clock.now();
        const applications = await manager.find(GrantApplication, { where: { callId } });
        const refusal = rankingApprovalRefusal(
          {
            published: call.status === 'published',
            closesAt: call.closesAt.toISOString(),
            approved: call.rankingApprovedAt !== null,
          },
          applications,
          now.toISOString(),
        );
        if (refusal) throw refused(refusal);
        const accepted = applications.filter((a) => a.state === 'formally-accepted');
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
            await this.grantAward.execute(
              { manager, emit },
              { call, application, decision, afterAppeal: false },
            );
          } else {
            await emit('grants.award.rejected', {
              ...decisionPayload(call, application, decision, false),
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
        await emit(
          'grants.ranking.published',
          rankingPublishedPayload(
            call,
            result.entries.map((e) => e.status),
            result.fundedTotal,
            false,
            this.clock.now(),
          ),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyApproved();
      throw error;
    }
    return this.getRanking.execute({ user, callId });
  }
}
