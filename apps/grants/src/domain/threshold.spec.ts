import type { Criterion, Evaluation } from './scoring.js';
import { checkThreshold, requiredScoreOf } from './threshold.js';

const evaluation = (
  evaluatorId: string,
  idea: number,
  market: number,
  team: number,
): Evaluation => ({
  evaluatorId,
  scores: [
    { criterionId: 'idea', points: idea, justification: 'x' },
    { criterionId: 'market', points: market, justification: 'x' },
    { criterionId: 'team', points: team, justification: 'x' },
  ],
});

describe('threshold', () => {
  const criteria: Criterion[] = [
    { id: 'idea', maxPoints: 40 },
    { id: 'market', maxPoints: 30 },
    { id: 'team', maxPoints: 30 },
  ];

  it('passes exactly at 60 % of all points and fails half a point below', () => {
    expect(checkThreshold(criteria, 60, [])).toEqual({
      passed: true,
      finalScore: 60,
      requiredScore: 60,
      scorePassed: true,
      criteria: [],
    });
    expect(checkThreshold(criteria, 59.5, []).passed).toBe(false);
  });

  it('compares exactly when the threshold is fractional: 60 % of 55 = 33', () => {
    const small: Criterion[] = [{ id: 'idea', maxPoints: 55 }];
    expect(checkThreshold(small, 33, []).passed).toBe(true);
    expect(checkThreshold(small, 32.5, []).passed).toBe(false);
    // 65 % of 55 = 35.75
    expect(checkThreshold(small, 35.5, [], 65)).toMatchObject({
      passed: false,
      requiredScore: 35.75,
    });
    expect(checkThreshold(small, 36, [], 65).passed).toBe(true);
  });

  describe('with a per-criterion minimum', () => {
    const withMinimum: Criterion[] = [
      { id: 'idea', maxPoints: 40, minPoints: 20 },
      { id: 'market', maxPoints: 30 },
      { id: 'team', maxPoints: 30, minPoints: 10 },
    ];

    it('passes when each criterion’s mean over the counted evaluations reaches its minimum', () => {
      const counted = [evaluation('a', 21, 25, 10), evaluation('b', 19, 25, 10)];
      const result = checkThreshold(withMinimum, 65, counted);
      expect(result).toEqual({
        passed: true,
        finalScore: 65,
        requiredScore: 60,
        scorePassed: true,
        criteria: [
          { criterionId: 'idea', minPoints: 20, mean: 20, passed: true },
          { criterionId: 'team', minPoints: 10, mean: 10, passed: true },
        ],
      });
    });

    it('fails on a criterion below its minimum although the total passes', () => {
      const counted = [evaluation('a', 20, 30, 30), evaluation('b', 19, 30, 30)];
      const result = checkThreshold(withMinimum, 79.5, counted);
      expect(result.scorePassed).toBe(true);
      expect(result.passed).toBe(false);
      expect(result.criteria[0]).toEqual({
        criterionId: 'idea',
        minPoints: 20,
        mean: 19.5,
        passed: false,
      });
    });

    it('looks only at the evaluations that counted (third-evaluator case)', () => {
      // The first evaluator (idea 5) did not count: the mean is over b and c.
      const counted = [evaluation('b', 25, 20, 20), evaluation('c', 22, 20, 20)];
      expect(checkThreshold(withMinimum, 63.5, counted).passed).toBe(true);
    });

    it('needs the counted evaluations', () => {
      expect(() => checkThreshold(withMinimum, 70, [])).toThrow(RangeError);
    });
  });

  describe('the score needed to pass, as the ranking list and the decisions show it', () => {
    it('is 60 % of all points by default', () => {
      expect(requiredScoreOf(criteria)).toBe(60);
    });

    it("is the call's share of all points, exact when fractional", () => {
      const small: Criterion[] = [{ id: 'idea', maxPoints: 55 }];
      expect(requiredScoreOf(small, 65)).toBe(35.75);
      expect(requiredScoreOf(small, 60)).toBe(33);
    });

    it('is what the threshold compares the final score with', () => {
      const small: Criterion[] = [{ id: 'idea', maxPoints: 55 }];
      expect(checkThreshold(small, 36, [], 65).requiredScore).toBe(requiredScoreOf(small, 65));
    });

    it('refuses a share outside 0..100 or with more than two decimals', () => {
      expect(() => requiredScoreOf(criteria, 101)).toThrow(RangeError);
      expect(() => requiredScoreOf(criteria, 60.125)).toThrow(RangeError);
    });
  });
});
