import type { EventPayload } from '@app/common';
import { maxTotalOf, requiredScoreOf, type RankingStatus } from '../domain/index.js';
import type { Call } from '../calls/call.entity.js';
import type { GrantApplication } from '../applications/application.entity.js';
import type { Decision } from './decision.entity.js';

/** What `grants.award.granted` and `grants.award.rejected` say of the decision. */
export function decisionPayload(
  call: Call,
  application: GrantApplication,
  decision: Decision,
  afterAppeal: boolean,
) {
  return {
    centreId: call.centreId,
    decisionId: decision.id,
    applicationId: application.id,
    reference: application.reference,
    callId: call.id,
    callNumber: call.number,
    callTitle: call.title,
    score: decision.score,
    maxScore: maxTotalOf(call.criteria),
    requiredScore: requiredScoreOf(call.criteria, call.passThresholdPercent),
    decidedAt: decision.decidedAt.toISOString(),
    appealLastDay: decision.appealLastDay,
    appealDeadline: decision.appealDeadline.toISOString(),
    appealTermWorkingDays: call.appealTermWorkingDays,
    afterAppeal,
    applicant: application.applicant,
  };
}

/** `grants.ranking.published`: the list's version, its counts and what the budget holds. */
export function rankingPublishedPayload(
  call: Call,
  statuses: readonly RankingStatus[],
  fundedTotal: number,
  afterAppeals: boolean,
  now: Date,
): EventPayload<'grants.ranking.published'> {
  return {
    centreId: call.centreId,
    callId: call.id,
    callNumber: call.number,
    version: call.rankingVersion,
    publishedAt: now.toISOString(),
    afterAppeals,
    funded: statuses.filter((s) => s === 'funded').length,
    reserve: statuses.filter((s) => s === 'reserve').length,
    rejected: statuses.filter((s) => s === 'rejected').length,
    budget: call.budget,
    fundedTotal,
    remainingBudget: call.budget - fundedTotal,
  };
}
