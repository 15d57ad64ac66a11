import { chooseEvaluators, type EvaluatorNeed, type PoolMember } from './evaluator-choice.js';

const member = (userId: string, minute: number, trainerOrAdviser = false): PoolMember => ({
  userId,
  addedAt: `2027-01-04T08:${String(minute).padStart(2, '0')}:00.000Z`,
  trainerOrAdviser,
});

const need = (applicationId: string, missing = 2, recruitedBy: string[] = []): EvaluatorNeed => ({
  applicationId,
  missing,
  recruitedBy,
});

const none = { load: new Map<string, number>(), evaluatedBy: new Map<string, Set<string>>() };

/** "application: evaluator, evaluator" lines, in the order chosen. */
function picks(choices: { need: EvaluatorNeed; evaluator: PoolMember }[]): string[] {
  const lines = new Map<string, string[]>();
  for (const { need, evaluator } of choices) {
    lines.set(need.applicationId, [...(lines.get(need.applicationId) ?? []), evaluator.userId]);
  }
  return [...lines].map(([application, evaluators]) => `${application}: ${evaluators.join(', ')}`);
}

describe('choosing evaluators (docs/product.md#evaluation-ranking-and-appeal)', () => {
  const pool = [member('ewa', 0), member('jan', 1), member('ola', 2)];

  it('gives each application two evaluators, spread evenly over the pool', () => {
    const choices = chooseEvaluators(pool, [need('A'), need('B'), need('C')], none);
    expect(picks(choices)).toEqual(['A: ewa, jan', 'B: ola, ewa', 'C: jan, ola']);
    const load = new Map<string, number>();
    for (const c of choices) load.set(c.evaluator.userId, (load.get(c.evaluator.userId) ?? 0) + 1);
    expect([...load.values()]).toEqual([2, 2, 2]);
  });

  it('takes the member with the fewest evaluations in the call first', () => {
    const load = new Map([
      ['ewa', 3],
      ['jan', 1],
    ]);
    expect(picks(chooseEvaluators(pool, [need('A')], { ...none, load }))).toEqual(['A: ola, jan']);
  });

  it('on equal loads takes the one added to the pool first, then the lower user id', () => {
    const late = [member('zoe', 5), member('bob', 7), member('amy', 7)];
    expect(picks(chooseEvaluators(late, [need('A', 3)], none))).toEqual(['A: zoe, amy, bob']);
  });

  it("never chooses the centre's trainers and advisers", () => {
    const withTrainer = [member('trainer', 0, true), ...pool];
    const choices = chooseEvaluators(withTrainer, [need('A'), need('B')], none);
    expect(choices.map((c) => c.evaluator.userId)).not.toContain('trainer');
  });

  it('never chooses whoever recruited the applicant', () => {
    expect(picks(chooseEvaluators(pool, [need('A', 2, ['ewa'])], none))).toEqual(['A: jan, ola']);
  });

  it('never gives an application to someone who had an evaluation of it, a conflict included', () => {
    const evaluatedBy = new Map([['A', new Set(['ewa', 'jan'])]]);
    // a third evaluator after a conflict of ewa's and jan's scores: only ola is left
    expect(picks(chooseEvaluators(pool, [need('A', 1)], { ...none, evaluatedBy }))).toEqual([
      'A: ola',
    ]);
  });

  it('never picks the same evaluator twice for one application, across its needs too', () => {
    const choices = chooseEvaluators(pool, [need('A', 1), need('A', 2)], none);
    expect(choices.map((c) => c.evaluator.userId)).toEqual(['ewa', 'jan', 'ola']);
  });

  it('leaves a need short when nobody may serve it, and serves the next ones', () => {
    const evaluatedBy = new Map([['A', new Set(['ewa', 'jan'])]]);
    const choices = chooseEvaluators(pool, [need('A', 2), need('B', 2)], { ...none, evaluatedBy });
    expect(picks(choices)).toEqual(['A: ola', 'B: ewa, jan']);
  });

  it('chooses nobody from an empty pool or one of trainers only', () => {
    expect(chooseEvaluators([], [need('A')], none)).toEqual([]);
    expect(chooseEvaluators([member('t', 0, true)], [need('A')], none)).toEqual([]);
  });

  it('refuses a need with a negative or fractional number of missing evaluators', () => {
    expect(() => chooseEvaluators(pool, [need('A', -1)], none)).toThrow(RangeError);
    expect(() => chooseEvaluators(pool, [need('A', 1.5)], none)).toThrow(RangeError);
  });
});
