import { resolveAppeal, validateAppealEvaluator } from './appeal.js';

const ev = (evaluatorId: string, total: number) => ({ evaluatorId, total });

describe('appeal', () => {
  it('only an evaluator who never scored the application may score the appeal', () => {
    expect(validateAppealEvaluator('c', ['a', 'b'])).toEqual([]);
    expect(validateAppealEvaluator('b', ['a', 'b'])).toEqual([
      { path: 'evaluatorId', code: 'evaluatorAlreadyScored' },
    ]);
    expect(resolveAppeal([ev('a', 70), ev('b', 50)], ev('a', 90))).toEqual({
      ok: false,
      problems: [{ path: 'evaluatorId', code: 'evaluatorAlreadyScored' }],
    });
    // a third evaluator of the first round cannot score the appeal either
    expect(resolveAppeal([ev('a', 90), ev('b', 50), ev('c', 80)], ev('c', 85)).ok).toBe(false);
  });

  it('two evaluators: the appeal score replaces the lower one and raises the final', () => {
    const result = resolveAppeal([ev('a', 70), ev('b', 55)], ev('x', 66));
    expect(result).toEqual({
      ok: true,
      value: {
        before: { score: 62.5, countedEvaluatorIds: ['a', 'b'] },
        recomputed: { score: 68, countedEvaluatorIds: ['a', 'x'] },
        replacedEvaluatorId: 'b',
        result: { score: 68, countedEvaluatorIds: ['a', 'x'] },
        raised: true,
      },
    });
  });

  it('never lowers the final score: a lower appeal score leaves the old one', () => {
    const result = resolveAppeal([ev('a', 70), ev('b', 55)], ev('x', 40));
    expect(result).toMatchObject({
      ok: true,
      value: {
        recomputed: { score: 55 },
        replacedEvaluatorId: 'b',
        result: { score: 62.5, countedEvaluatorIds: ['a', 'b'] },
        raised: false,
      },
    });
  });

  it('an equal recomputed score stands with the appeal evaluator’s scores', () => {
    const result = resolveAppeal([ev('a', 70), ev('b', 55)], ev('x', 55));
    expect(result).toMatchObject({
      ok: true,
      value: { result: { score: 62.5, countedEvaluatorIds: ['a', 'x'] }, raised: false },
    });
  });

  it('third-evaluator case: replaces the lower of the two scores that counted', () => {
    // Counted: b (50) and c (55), a (90) did not count. The lower counted one (b) is replaced.
    const result = resolveAppeal([ev('a', 90), ev('b', 50), ev('c', 55)], ev('x', 75));
    expect(result).toMatchObject({
      ok: true,
      value: {
        before: { score: 52.5, countedEvaluatorIds: ['b', 'c'] },
        replacedEvaluatorId: 'b',
        result: { score: 65, countedEvaluatorIds: ['c', 'x'] },
        raised: true,
      },
    });
  });

  it('third-evaluator case where the third is the lower counted score', () => {
    // Counted: a (90) and c (80); c is lower and is replaced; b (50) stays out.
    const result = resolveAppeal([ev('a', 90), ev('b', 50), ev('c', 80)], ev('x', 88));
    expect(result).toMatchObject({
      ok: true,
      value: {
        before: { score: 85 },
        replacedEvaluatorId: 'c',
        result: { score: 89, countedEvaluatorIds: ['a', 'x'] },
      },
    });
  });

  it('equal counted scores: the earlier one is replaced', () => {
    const result = resolveAppeal([ev('a', 60), ev('b', 60)], ev('x', 70));
    expect(result).toMatchObject({
      ok: true,
      value: { replacedEvaluatorId: 'a', result: { score: 65 } },
    });
  });

  it('needs the original two or three evaluations', () => {
    expect(resolveAppeal([ev('a', 60)], ev('x', 70))).toEqual({
      ok: false,
      problems: [{ path: 'evaluations', code: 'appealNeedsOriginalEvaluations' }],
    });
  });
});
