import {
  evaluationOutcome,
  finalScore,
  needsThirdEvaluator,
  type Criterion,
  type Evaluation,
} from './scoring.js';

describe('scoring: third evaluator and final score', () => {
  describe('needsThirdEvaluator (30 % of all points by default)', () => {
    it('is not called exactly at the divergence: 30 of 100 points', () => {
      expect(needsThirdEvaluator(80, 50, 100)).toBe(false);
      expect(needsThirdEvaluator(50, 80, 100)).toBe(false);
    });

    it('is called just over the divergence: 31 of 100 points', () => {
      expect(needsThirdEvaluator(81, 50, 100)).toBe(true);
      expect(needsThirdEvaluator(50, 81, 100)).toBe(true);
    });

    it('compares exactly when the divergence is not a whole number of points', () => {
      // 30 % of 55 = 16.5: 16 is within, 17 over.
      expect(needsThirdEvaluator(40, 24, 55)).toBe(false);
      expect(needsThirdEvaluator(41, 24, 55)).toBe(true);
      // 30 % of 70 = 21 (21.000000000000004 in floating point): 21 is within.
      expect(needsThirdEvaluator(50, 29, 70)).toBe(false);
    });

    it('follows the call’s own divergence', () => {
      expect(needsThirdEvaluator(70, 50, 100, 20)).toBe(false);
      expect(needsThirdEvaluator(71, 50, 100, 20)).toBe(true);
      expect(needsThirdEvaluator(63, 50, 100, 12.5)).toBe(true);
      expect(() => needsThirdEvaluator(63, 50, 100, 12.345)).toThrow(RangeError);
    });
  });

  describe('finalScore', () => {
    it('two totals: their exact mean', () => {
      expect(finalScore([70, 65])).toEqual({ score: 67.5, counted: [0, 1] });
    });

    it('three totals: the third with the closer of the first two', () => {
      expect(finalScore([90, 50, 80])).toEqual({ score: 85, counted: [0, 2] });
      expect(finalScore([90, 50, 55])).toEqual({ score: 52.5, counted: [1, 2] });
    });

    it('three totals, third exactly between: the higher counts, in the applicant’s favour', () => {
      expect(finalScore([50, 90, 70])).toEqual({ score: 80, counted: [1, 2] });
      expect(finalScore([90, 50, 70])).toEqual({ score: 80, counted: [0, 2] });
    });

    it('refuses anything but two or three whole totals', () => {
      expect(() => finalScore([70])).toThrow(RangeError);
      expect(() => finalScore([70, 60, 50, 40])).toThrow(RangeError);
      expect(() => finalScore([70.5, 60])).toThrow(RangeError);
    });
  });

  describe('evaluationOutcome', () => {
    const criteria: Criterion[] = [
      { id: 'idea', maxPoints: 60 },
      { id: 'team', maxPoints: 40 },
    ];
    const evaluation = (evaluatorId: string, idea: number, team: number): Evaluation => ({
      evaluatorId,
      scores: [
        { criterionId: 'idea', points: idea, justification: 'x' },
        { criterionId: 'team', points: team, justification: 'x' },
      ],
    });

    it('waits for two evaluations', () => {
      expect(evaluationOutcome(criteria, [evaluation('a', 50, 30)])).toEqual({
        status: 'awaiting-evaluations',
        totals: [80],
      });
    });

    it('is final with two close totals', () => {
      const a = evaluation('a', 50, 30);
      const b = evaluation('b', 40, 25);
      expect(evaluationOutcome(criteria, [a, b])).toEqual({
        status: 'final',
        totals: [80, 65],
        score: 72.5,
        counted: [a, b],
      });
    });

    it('asks for a third evaluator when the totals diverge', () => {
      expect(
        evaluationOutcome(criteria, [evaluation('a', 55, 35), evaluation('b', 30, 19)]),
      ).toEqual({
        status: 'third-evaluator-needed',
        totals: [90, 49],
      });
    });

    it('is final with the third and the closer of the first two', () => {
      const a = evaluation('a', 55, 35);
      const b = evaluation('b', 30, 19);
      const c = evaluation('c', 35, 20);
      expect(evaluationOutcome(criteria, [a, b, c])).toMatchObject({
        status: 'final',
        totals: [90, 49, 55],
        score: 52,
        counted: [b, c],
      });
    });

    it('refuses a third evaluation that was never needed', () => {
      expect(() =>
        evaluationOutcome(criteria, [
          evaluation('a', 50, 30),
          evaluation('b', 45, 30),
          evaluation('c', 10, 10),
        ]),
      ).toThrow(RangeError);
    });
  });
});
