import type { DomainProblem } from './domain-problem.js';

/**
 * Substantive evaluation (*ocena merytoryczna*) by members of the evaluation committee
 * (*Komisja Oceny Wniosków*, KOW): each evaluator gives whole points per criterion, within
 * 0..max, each with a written justification. Two evaluators score every application; when their
 * totals differ by MORE than the call's divergence (30 % of all points by default) a third one
 * scores and the final score is the mean of the third score and the closer of the first two.
 *
 * Scores stay exact: totals are whole numbers, a final score is a mean of two of them (a whole or
 * a half). Only `roundForDisplay` rounds.
 */

/** Share of all points above which two totals call a third evaluator (default). */
export const DEFAULT_DIVERGENCE_PERCENT = 30;

export interface Criterion {
  readonly id: string;
  readonly maxPoints: number;
  /** Optional per-criterion minimum for the pass threshold (see threshold.ts). */
  readonly minPoints?: number;
}

export interface CriterionScore {
  readonly criterionId: string;
  readonly points: number;
  readonly justification: string;
}

/** One evaluator's scores of one application. */
export interface Evaluation {
  readonly evaluatorId: string;
  readonly scores: readonly CriterionScore[];
}

/** Problems of a call's criteria: unique ids, whole positive maxima, minimums within 0..max. */
export function validateCriteria(
  criteria: readonly Criterion[],
  path = 'criteria',
): DomainProblem[] {
  const problems: DomainProblem[] = [];
  if (!Array.isArray(criteria) || criteria.length === 0) {
    return [{ path, code: 'required' }];
  }
  const seen = new Set<string>();
  criteria.forEach((criterion, i) => {
    const at = `${path}[${i}]`;
    if (typeof criterion.id !== 'string' || criterion.id.trim() === '') {
      problems.push({ path: `${at}.id`, code: 'required' });
    } else if (seen.has(criterion.id)) {
      problems.push({ path: `${at}.id`, code: 'duplicateCriterion' });
    } else {
      seen.add(criterion.id);
    }
    if (!Number.isSafeInteger(criterion.maxPoints)) {
      problems.push({ path: `${at}.maxPoints`, code: 'notWholeNumber' });
    } else if (criterion.maxPoints < 1) {
      problems.push({ path: `${at}.maxPoints`, code: 'outOfRange' });
    }
    if (criterion.minPoints !== undefined) {
      if (!Number.isSafeInteger(criterion.minPoints)) {
        problems.push({ path: `${at}.minPoints`, code: 'notWholeNumber' });
      } else if (criterion.minPoints < 0) {
        problems.push({ path: `${at}.minPoints`, code: 'outOfRange' });
      } else if (criterion.minPoints > criterion.maxPoints) {
        problems.push({ path: `${at}.minPoints`, code: 'minimumAboveMaximum' });
      }
    }
  });
  return problems;
}

/**
 * Problems of one evaluator's scores: every criterion scored exactly once, whole points within
 * 0..max, a non-empty (not only whitespace) justification for each. Paths follow the request:
 * `scores[1].points`; a criterion left out is reported on `scores` with its id in `params`.
 */
export function validateScores(
  criteria: readonly Criterion[],
  scores: readonly CriterionScore[],
  path = 'scores',
): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const scored = new Set<string>();
  (scores ?? []).forEach((score, i) => {
    const at = `${path}[${i}]`;
    const criterion = byId.get(score.criterionId);
    if (criterion === undefined) {
      problems.push({ path: `${at}.criterionId`, code: 'unknownCriterion' });
    } else if (scored.has(score.criterionId)) {
      problems.push({ path: `${at}.criterionId`, code: 'duplicateCriterion' });
    } else {
      scored.add(score.criterionId);
    }
    if (typeof score.points !== 'number' || !Number.isInteger(score.points)) {
      problems.push({ path: `${at}.points`, code: 'notWholeNumber' });
    } else if (
      criterion !== undefined &&
      (score.points < 0 || score.points > criterion.maxPoints)
    ) {
      problems.push({
        path: `${at}.points`,
        code: 'outOfRange',
        params: { min: 0, max: criterion.maxPoints },
      });
    }
    if (typeof score.justification !== 'string' || score.justification.trim() === '') {
      problems.push({ path: `${at}.justification`, code: 'justificationRequired' });
    }
  });
  for (const criterion of criteria) {
    if (!scored.has(criterion.id)) {
      problems.push({ path, code: 'criterionNotScored', params: { criterionId: criterion.id } });
    }
  }
  return problems;
}

/** Sum of an evaluator's points. */
export function totalOf(scores: readonly CriterionScore[]): number {
  return scores.reduce((sum, score) => sum + score.points, 0);
}

/** All points of a call: the sum of the criteria maxima. */
export function maxTotalOf(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
}

/**
 * True when the two totals differ by MORE than `divergencePercent` % of all points; a
 * difference exactly at the divergence does not call a third evaluator. Compared in integers
 * (percent to 2 decimals), so 30 % of 70 points = 21 is exact.
 */
export function needsThirdEvaluator(
  totalA: number,
  totalB: number,
  maxTotal: number,
  divergencePercent: number = DEFAULT_DIVERGENCE_PERCENT,
): boolean {
  const hundredths = percentInHundredths(divergencePercent, 'divergencePercent');
  assertWholeTotal(totalA, 'totalA');
  assertWholeTotal(totalB, 'totalB');
  assertWholeTotal(maxTotal, 'maxTotal');
  return Math.abs(totalA - totalB) * 10_000 > maxTotal * hundredths;
}

export interface FinalScore {
  /** Exact final score (a whole or a half). */
  readonly score: number;
  /** Indexes (into the totals given) of the two scores the mean was taken of. */
  readonly counted: readonly [number, number];
}

/**
 * Final score from two totals (their mean) or three (the mean of the third and the closer of
 * the first two). When the first two are equally close to the third (the third is exactly
 * between them), the higher of the two counts: the rule is silent and the doubt is resolved in
 * the applicant's favour. Whether a third score was needed is `needsThirdEvaluator`'s question,
 * see `evaluationOutcome`.
 */
export function finalScore(totals: readonly number[]): FinalScore {
  if (totals.length !== 2 && totals.length !== 3) {
    throw new RangeError(`A final score needs two or three totals, got ${totals.length}`);
  }
  totals.forEach((total, i) => assertWholeTotal(total, `totals[${i}]`));
  const [a, b, third] = totals as [number, number, number?];
  if (third === undefined) return { score: (a + b) / 2, counted: [0, 1] };
  const distanceA = Math.abs(a - third);
  const distanceB = Math.abs(b - third);
  const closer = distanceA < distanceB ? 0 : distanceB < distanceA ? 1 : a >= b ? 0 : 1;
  return { score: (totals[closer]! + third) / 2, counted: [closer, 2] };
}

export type EvaluationOutcome =
  | { readonly status: 'awaiting-evaluations'; readonly totals: readonly number[] }
  | { readonly status: 'third-evaluator-needed'; readonly totals: readonly number[] }
  | {
      readonly status: 'final';
      readonly totals: readonly number[];
      readonly score: number;
      /** The evaluations whose scores the final score is the mean of. */
      readonly counted: readonly [Evaluation, Evaluation];
    };

/**
 * Where an application's evaluation stands, from its evaluations in the order they were
 * assigned (the third one, if any, last). Throws when a third evaluation exists although the
 * first two did not diverge, or when there are more than three: neither can happen in the
 * process, so either would be a bug upstream.
 */
export function evaluationOutcome(
  criteria: readonly Criterion[],
  evaluations: readonly Evaluation[],
  divergencePercent: number = DEFAULT_DIVERGENCE_PERCENT,
): EvaluationOutcome {
  const totals = evaluations.map((evaluation) => totalOf(evaluation.scores));
  if (evaluations.length < 2) return { status: 'awaiting-evaluations', totals };
  if (evaluations.length > 3) {
    throw new RangeError(`At most three evaluations count, got ${evaluations.length}`);
  }
  const divergent = needsThirdEvaluator(
    totals[0]!,
    totals[1]!,
    maxTotalOf(criteria),
    divergencePercent,
  );
  if (divergent && evaluations.length === 2) return { status: 'third-evaluator-needed', totals };
  if (!divergent && evaluations.length === 3) {
    throw new RangeError('A third evaluation exists although the first two did not diverge');
  }
  const final = finalScore(totals);
  return {
    status: 'final',
    totals,
    score: final.score,
    counted: [evaluations[final.counted[0]]!, evaluations[final.counted[1]]!],
  };
}

/** Rounded half away from zero to `decimals` places, for display only. */
export function roundForDisplay(value: number, decimals = 2): number {
  // Shifting through the decimal exponent avoids binary artefacts (1.005 → 1.01, not 1).
  const text = String(Math.abs(value));
  if (text.includes('e')) return Number(value.toFixed(decimals));
  const shifted = Math.round(Number(`${text}e${decimals}`));
  return Math.sign(value) * Number(`${shifted}e-${decimals}`);
}

/** A percent with at most two decimals, as an integer number of hundredths (30 → 3000). */
export function percentInHundredths(percent: number, name = 'percent'): number {
  const hundredths = Math.round(percent * 100);
  if (
    !Number.isFinite(percent) ||
    percent < 0 ||
    percent > 100 ||
    Math.abs(hundredths - percent * 100) > 1e-6
  ) {
    throw new RangeError(`${name} must be 0..100 with at most two decimals, got ${percent}`);
  }
  return hundredths;
}

function assertWholeTotal(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of points, got ${value}`);
  }
}
