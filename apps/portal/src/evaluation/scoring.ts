/**
 * The scoring card's rules on the portal's side (docs/product.md#evaluation-ranking-and-appeal):
 * whole points within 0..max and a justification for every criterion. The grants service decides
 * again on submission; these only spare the evaluator a round trip and keep what was typed as
 * typed (points too, as text) in the draft.
 */

/** A scoring criterion as the grants service gives it with an evaluation. */
export interface Criterion {
  id: string;
  name: string;
  maxPoints: number;
  minPoints?: number;
}

/** What was typed for one criterion, as typed. */
export interface CardEntry {
  points: string;
  justification: string;
}

/** The card: what was typed, by criterion id. */
export type CardFields = Record<string, CardEntry>;

/** A problem of the card: the field it concerns (its HTML id) and its message's key. */
export interface CardProblem {
  id: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The longest justification the grants service accepts. */
export const JUSTIFICATION_MAX = 5000;

/** The HTML ids (and form names) of a criterion's fields, by its position on the card. */
export const pointsId = (index: number): string => `points-${index}`;
export const justificationId = (index: number): string => `justification-${index}`;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** The card as posted (`points-0`, `justification-0`, …), by criterion id. */
export function fieldsFromBody(
  criteria: readonly Criterion[],
  body: Record<string, unknown>,
): CardFields {
  const fields: CardFields = {};
  criteria.forEach((criterion, i) => {
    fields[criterion.id] = {
      points: text(body[pointsId(i)]).slice(0, 20),
      justification: text(body[justificationId(i)]).slice(0, JUSTIFICATION_MAX * 2),
    };
  });
  return fields;
}

/** A draft kept earlier (any JSON) read back as card fields of these criteria. */
export function fieldsFromDraft(criteria: readonly Criterion[], draft: unknown): CardFields {
  const stored = (draft && typeof draft === 'object' ? draft : {}) as Record<string, unknown>;
  const fields: CardFields = {};
  for (const criterion of criteria) {
    const entry = (stored[criterion.id] ?? {}) as Record<string, unknown>;
    fields[criterion.id] = {
      points: typeof entry.points === 'string' ? entry.points : '',
      justification: typeof entry.justification === 'string' ? entry.justification : '',
    };
  }
  return fields;
}

/** Points typed as a whole number (`12`, ` 7 `), or undefined. */
export function wholePoints(value: string): number | undefined {
  const trimmed = value.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Everything wrong with the card, in the card's order (points before the justification). */
export function cardProblems(criteria: readonly Criterion[], fields: CardFields): CardProblem[] {
  const problems: CardProblem[] = [];
  criteria.forEach((criterion, i) => {
    const entry = fields[criterion.id] ?? { points: '', justification: '' };
    const params = { criterion: criterion.name, max: criterion.maxPoints };
    if (entry.points.trim() === '') {
      problems.push({ id: pointsId(i), key: 'evaluation.card.error.pointsMissing', params });
    } else {
      const points = wholePoints(entry.points);
      if (points === undefined) {
        problems.push({ id: pointsId(i), key: 'evaluation.card.error.pointsWhole', params });
      } else if (points > criterion.maxPoints) {
        problems.push({ id: pointsId(i), key: 'evaluation.card.error.pointsRange', params });
      }
    }
    if (entry.justification.trim() === '') {
      problems.push({
        id: justificationId(i),
        key: 'evaluation.card.error.justificationMissing',
        params,
      });
    } else if (entry.justification.length > JUSTIFICATION_MAX) {
      problems.push({
        id: justificationId(i),
        key: 'evaluation.card.error.justificationLong',
        params: { ...params, limit: JUSTIFICATION_MAX },
      });
    }
  });
  return problems;
}

/** The total of the points typed so far (whole numbers within range only). */
export function cardTotal(criteria: readonly Criterion[], fields: CardFields): number {
  let total = 0;
  for (const criterion of criteria) {
    const points = wholePoints(fields[criterion.id]?.points ?? '');
    if (points !== undefined && points <= criterion.maxPoints) total += points;
  }
  return total;
}

/** The most points the card can give. */
export function maxTotal(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, c) => sum + c.maxPoints, 0);
}

/** The body of `POST /api/evaluations/:id/scores`, in the card's order. */
export function scoresBody(criteria: readonly Criterion[], fields: CardFields) {
  return {
    scores: criteria.map((criterion) => ({
      criterionId: criterion.id,
      points: wholePoints(fields[criterion.id]?.points ?? '') ?? -1,
      justification: fields[criterion.id]?.justification ?? '',
    })),
  };
}

/**
 * The card's field a problem of the grants service concerns (`scores[2].points` → `points-2`,
 * the scores being sent in the card's order), or undefined for a problem of the whole card.
 */
export function serviceProblemTarget(
  path: string,
  criteria: readonly Criterion[],
): string | undefined {
  const m = /^scores\[(\d+)\]\.(points|justification)$/.exec(path);
  if (!m) return undefined;
  const index = Number(m[1]);
  if (index >= criteria.length) return undefined;
  return m[2] === 'points' ? pointsId(index) : justificationId(index);
}
