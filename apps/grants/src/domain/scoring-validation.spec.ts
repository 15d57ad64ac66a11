import {
  maxTotalOf,
  roundForDisplay,
  totalOf,
  validateCriteria,
  validateScores,
  type Criterion,
  type CriterionScore,
} from './scoring.js';

const CRITERIA: Criterion[] = [
  { id: 'idea', maxPoints: 20 },
  { id: 'market', maxPoints: 15 },
  { id: 'team', maxPoints: 15 },
];

const score = (
  criterionId: string,
  points: number,
  justification = 'Uzasadnienie.',
): CriterionScore => ({
  criterionId,
  points,
  justification,
});

describe('scoring: one evaluator’s scores', () => {
  it('accepts every criterion once, whole points within 0..max, each justified', () => {
    const scores = [score('idea', 20), score('market', 0), score('team', 7)];
    expect(validateScores(CRITERIA, scores)).toEqual([]);
    expect(totalOf(scores)).toBe(27);
    expect(maxTotalOf(CRITERIA)).toBe(50);
  });

  it('rejects points outside 0..max', () => {
    expect(
      validateScores(CRITERIA, [score('idea', 21), score('market', -1), score('team', 15)]),
    ).toEqual([
      { path: 'scores[0].points', code: 'outOfRange', params: { min: 0, max: 20 } },
      { path: 'scores[1].points', code: 'outOfRange', params: { min: 0, max: 15 } },
    ]);
  });

  it('rejects fractional points', () => {
    expect(
      validateScores(CRITERIA, [score('idea', 12.5), score('market', 3), score('team', 4)]),
    ).toEqual([{ path: 'scores[0].points', code: 'notWholeNumber' }]);
  });

  it('requires a justification for every score, blank ones included', () => {
    expect(
      validateScores(CRITERIA, [
        score('idea', 10, ''),
        score('market', 3, '   \n'),
        score('team', 4),
      ]),
    ).toEqual([
      { path: 'scores[0].justification', code: 'justificationRequired' },
      { path: 'scores[1].justification', code: 'justificationRequired' },
    ]);
  });

  it('requires every criterion exactly once and no others', () => {
    expect(
      validateScores(CRITERIA, [score('idea', 10), score('idea', 11), score('price', 3)]),
    ).toEqual([
      { path: 'scores[1].criterionId', code: 'duplicateCriterion' },
      { path: 'scores[2].criterionId', code: 'unknownCriterion' },
      { path: 'scores', code: 'criterionNotScored', params: { criterionId: 'market' } },
      { path: 'scores', code: 'criterionNotScored', params: { criterionId: 'team' } },
    ]);
  });

  it('reports all problems at once', () => {
    expect(validateScores(CRITERIA, [score('idea', 25, '')])).toHaveLength(4);
  });
});

describe('scoring: a call’s criteria', () => {
  it('wants unique ids, whole positive maxima and minimums within range', () => {
    expect(validateCriteria(CRITERIA)).toEqual([]);
    expect(
      validateCriteria([
        { id: 'idea', maxPoints: 20, minPoints: 21 },
        { id: 'idea', maxPoints: 0 },
        { id: '', maxPoints: 10.5, minPoints: 2.5 },
      ]),
    ).toEqual([
      { path: 'criteria[0].minPoints', code: 'minimumAboveMaximum' },
      { path: 'criteria[1].id', code: 'duplicateCriterion' },
      { path: 'criteria[1].maxPoints', code: 'outOfRange' },
      { path: 'criteria[2].id', code: 'required' },
      { path: 'criteria[2].maxPoints', code: 'notWholeNumber' },
      { path: 'criteria[2].minPoints', code: 'notWholeNumber' },
    ]);
    expect(validateCriteria([])).toEqual([{ path: 'criteria', code: 'required' }]);
  });
});

describe('scoring: display rounding', () => {
  it('rounds to two decimals, half up, only for display', () => {
    expect(roundForDisplay(1.005)).toBe(1.01);
    expect(roundForDisplay(66.666666)).toBe(66.67);
    expect(roundForDisplay(37.5)).toBe(37.5);
    expect(roundForDisplay(2 / 3, 1)).toBe(0.7);
  });
});
