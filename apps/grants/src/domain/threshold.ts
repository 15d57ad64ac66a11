import { maxTotalOf, percentInHundredths, type Criterion, type Evaluation } from './scoring.js';

/** Share of all points an application needs to pass (default). */
export const DEFAULT_PASS_PERCENT = 60;

export interface CriterionThresholdResult {
  readonly criterionId: string;
  readonly minPoints: number;
  /** Exact mean of the criterion's points over the evaluations that count. */
  readonly mean: number;
  readonly passed: boolean;
}

export interface ThresholdResult {
  readonly passed: boolean;
  readonly finalScore: number;
  /** Points needed: passPercent % of all points (exact, may be fractional). */
  readonly requiredScore: number;
  readonly scorePassed: boolean;
  /** Only the criteria that carry a minimum. */
  readonly criteria: readonly CriterionThresholdResult[];
}

/**
 * Points an application needs to pass: `passPercent` % of all points (exact, may be fractional:
 * 65 % of 55 points is 35.75).
 */
export function requiredScoreOf(
  criteria: readonly Criterion[],
  passPercent: number = DEFAULT_PASS_PERCENT,
): number {
  return (maxTotalOf(criteria) * percentInHundredths(passPercent, 'passPercent')) / 10_000;
}

/**
 * The pass threshold: the final score is at least `passPercent` % of all points, AND, for every
 * criterion with a minimum, the mean of its points over the evaluations that counted for the
 * final score (the two of `evaluationOutcome`, or after an appeal those of `resolveAppeal`) is at
 * least that minimum. Compared in integers, so exactly at the threshold passes.
 */
export function checkThreshold(
  criteria: readonly Criterion[],
  finalScore: number,
  countedEvaluations: readonly Evaluation[],
  passPercent: number = DEFAULT_PASS_PERCENT,
): ThresholdResult {
  const hundredths = percentInHundredths(passPercent, 'passPercent');
  const maxTotal = maxTotalOf(criteria);
  // finalScore × 10000 is an integer for wholes and halves, so this comparison is exact.
  const scorePassed = Math.round(finalScore * 10_000) >= maxTotal * hundredths;

  const withMinimum = criteria.filter((criterion) => criterion.minPoints !== undefined);
  if (withMinimum.length > 0 && countedEvaluations.length === 0) {
    throw new RangeError('Per-criterion minimums need the evaluations that counted');
  }
  const criterionResults = withMinimum.map((criterion): CriterionThresholdResult => {
    const points = countedEvaluations.map((evaluation) => {
      const score = evaluation.scores.find((s) => s.criterionId === criterion.id);
      if (score === undefined) {
        throw new RangeError(
          `Evaluation by ${evaluation.evaluatorId} lacks criterion ${criterion.id}`,
        );
      }
      return score.points;
    });
    const sum = points.reduce((a, b) => a + b, 0);
    const minPoints = criterion.minPoints as number;
    return {
      criterionId: criterion.id,
      minPoints,
      mean: sum / points.length,
      passed: sum >= minPoints * points.length,
    };
  });

  return {
    passed: scorePassed && criterionResults.every((result) => result.passed),
    finalScore,
    requiredScore: requiredScoreOf(criteria, passPercent),
    scorePassed,
    criteria: criterionResults,
  };
}
