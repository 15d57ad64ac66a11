import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toWarsawIso, type AuthUser } from '@app/common';
import { maxTotalOf, rankApplications, requiredScoreOf } from '../../../domain/index.js';
import { findCall } from '../../../calls/find-call.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { extensionsOf } from '../../budget.js';
import { candidateOf, standingOf } from '../../candidates.js';
import { assertCommitteeAccess } from '../../committee-access.js';
import { Decision, type DecisionStanding } from '../../decision.entity.js';

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

export interface GetRankingInput {
  readonly user: AuthUser;
  readonly callId: string;
}

/**
 * The call's ranking list within the budget (domain `rankApplications`), for operators and the
 * committee chair: as it would be approved now, or once approved, as its decisions stand (given-up
 * awards and the funding from the reserve list included).
 */
@Injectable()
export class GetRanking {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, callId }: GetRankingInput): Promise<RankingView> {
    const manager = this.dataSource.manager;
    const call = await findCall(manager, callId);
    await assertCommitteeAccess(manager, user, callId);
    const base = {
      callId,
      callNumber: call.number,
      approved: call.rankingApprovedAt !== null,
      approvedAt: call.rankingApprovedAt ? toWarsawIso(call.rankingApprovedAt) : null,
      version: call.rankingVersion,
      appealsSettled: call.appealsSettledAt !== null,
      maxScore: maxTotalOf(call.criteria),
      requiredScore: requiredScoreOf(call.criteria, call.passThresholdPercent),
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
      const extensions = await extensionsOf(manager, callId);
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
}
