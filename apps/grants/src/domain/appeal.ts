import type { DomainProblem, DomainResult } from './domain-problem.js';
import { finalScore } from './scoring.js';

/**
 * Appeal (*odwołanie od wyników oceny*): an evaluator who has never scored the application
 * scores it again. The new total replaces the LOWER of the original scores that counted for the
 * final score, and the final score never drops because of an appeal: if the recomputed final
 * would be lower, the old one (and the evaluations it was made of) stays. The result is final:
 * an appeal never calls a further evaluator, whatever the divergence.
 *
 * With two evaluators both scores counted, so the lower of the two is replaced:
 *   final = (higher original + appeal) / 2.
 * With a third evaluator only two scores counted (the third and the closer of the first two),
 * so the lower of THOSE two is replaced, and the first-round score that did not count stays out:
 *   final = (higher counted + appeal) / 2.
 * When the two counted scores are equal, the earlier one (by assignment order) is replaced; the
 * score is the same either way. When the recomputed final equals the old one, the recomputed one
 * (with the appeal evaluator's scores) stands: the rule forbids only a lower score, and the
 * re-assessment is the newer judgement (it matters for per-criterion minimums).
 */

export interface ScoredEvaluation {
  readonly evaluatorId: string;
  /** Total points of this evaluation. */
  readonly total: number;
}

export interface CountedScore {
  readonly score: number;
  /** Evaluator ids of the two scores the final score is the mean of. */
  readonly countedEvaluatorIds: readonly [string, string];
}

export interface AppealResolution {
  /** Final score before the appeal. */
  readonly before: CountedScore;
  /** Final score recomputed with the appeal score in place of the lower counted one. */
  readonly recomputed: CountedScore;
  readonly replacedEvaluatorId: string;
  /** What stands after the appeal: `recomputed` when not lower than `before`, else `before`. */
  readonly result: CountedScore;
  /** The appeal raised the final score. */
  readonly raised: boolean;
}

/**
 * Who may score an appeal: anyone who has not scored the application before (in any round).
 * `appealEvaluatorId` is reported on `evaluatorId`.
 */
export function validateAppealEvaluator(
  appealEvaluatorId: string,
  previousEvaluatorIds: readonly string[],
): DomainProblem[] {
  if (typeof appealEvaluatorId !== 'string' || appealEvaluatorId === '') {
    return [{ path: 'evaluatorId', code: 'required' }];
  }
  return previousEvaluatorIds.includes(appealEvaluatorId)
    ? [{ path: 'evaluatorId', code: 'evaluatorAlreadyScored' }]
    : [];
}

/**
 * Applies an appeal score. `evaluations` are the original ones in assignment order (two, or
 * three when a third evaluator scored). Each total must be a whole number of points (validated
 * by `validateScores` beforehand).
 */
export function resolveAppeal(
  evaluations: readonly ScoredEvaluation[],
  appeal: ScoredEvaluation,
): DomainResult<AppealResolution> {
  if (evaluations.length !== 2 && evaluations.length !== 3) {
    return {
      ok: false,
      problems: [{ path: 'evaluations', code: 'appealNeedsOriginalEvaluations' }],
    };
  }
  const problems = validateAppealEvaluator(
    appeal.evaluatorId,
    evaluations.map((evaluation) => evaluation.evaluatorId),
  );
  if (problems.length > 0) return { ok: false, problems };

  const original = finalScore(evaluations.map((evaluation) => evaluation.total));
  const [first, second] = original.counted.map((i) => evaluations[i]!) as [
    ScoredEvaluation,
    ScoredEvaluation,
  ];
  const before: CountedScore = {
    score: original.score,
    countedEvaluatorIds: [first.evaluatorId, second.evaluatorId],
  };

  // Replace the lower counted score; on a tie, the earlier one (`first`).
  const [kept, replaced] = second.total < first.total ? [first, second] : [second, first];
  const recomputedScore = finalScore([kept.total, appeal.total]).score;
  const recomputed: CountedScore = {
    score: recomputedScore,
    countedEvaluatorIds: [kept.evaluatorId, appeal.evaluatorId],
  };
  const result = recomputed.score >= before.score ? recomputed : before;
  return {
    ok: true,
    value: {
      before,
      recomputed,
      replacedEvaluatorId: replaced.evaluatorId,
      result,
      raised: result.score > before.score,
    },
  };
}
