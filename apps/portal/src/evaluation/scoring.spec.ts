import { orderAssignments, warsawToday, type Assignment } from './assignments.js';
import {
  cardProblems,
  cardTotal,
  fieldsFromBody,
  fieldsFromDraft,
  scoresBody,
  serviceProblemTarget,
  type Criterion,
} from './scoring.js';

const CRITERIA: Criterion[] = [
  { id: 'K1', name: 'Spójność biznesplanu', maxPoints: 30 },
  { id: 'K2', name: 'Analiza rynku', maxPoints: 20 },
];

describe('the scoring card (docs/product.md#evaluation-ranking-and-appeal)', () => {
  it('keeps what was typed as typed, by criterion, and reads a draft back', () => {
    const fields = fieldsFromBody(CRITERIA, {
      'points-0': '12',
      'justification-0': 'Spójny',
      'points-1': 'dużo',
    });
    expect(fields).toEqual({
      K1: { points: '12', justification: 'Spójny' },
      K2: { points: 'dużo', justification: '' },
    });
    expect(fieldsFromDraft(CRITERIA, JSON.parse(JSON.stringify(fields)))).toEqual(fields);
    expect(fieldsFromDraft(CRITERIA, undefined).K1).toEqual({ points: '', justification: '' });
  });

  it('asks for whole points within 0..max and a justification for every criterion', () => {
    const problems = cardProblems(CRITERIA, {
      K1: { points: '31', justification: ' ' },
      K2: { points: '2.5', justification: 'Rynek zbadany' },
    });
    expect(problems.map((p) => [p.id, p.key])).toEqual([
      ['points-0', 'evaluation.card.error.pointsRange'],
      ['justification-0', 'evaluation.card.error.justificationMissing'],
      ['points-1', 'evaluation.card.error.pointsWhole'],
    ]);
    expect(
      cardProblems(CRITERIA, {
        K1: { points: '30', justification: 'a' },
        K2: { points: '0', justification: 'b' },
      }),
    ).toEqual([]);
  });

  it('totals only the points that count, and sends the scores in the card’s order', () => {
    const fields = {
      K1: { points: ' 25 ', justification: 'a' },
      K2: { points: '21', justification: 'b' },
    };
    expect(cardTotal(CRITERIA, fields)).toBe(25);
    expect(scoresBody(CRITERIA, fields).scores.map((s) => [s.criterionId, s.points])).toEqual([
      ['K1', 25],
      ['K2', 21],
    ]);
  });

  it('puts a problem of the grants service on its field', () => {
    expect(serviceProblemTarget('scores[1].justification', CRITERIA)).toBe('justification-1');
    expect(serviceProblemTarget('scores[0].points', CRITERIA)).toBe('points-0');
    expect(serviceProblemTarget('scores', CRITERIA)).toBeUndefined();
    expect(serviceProblemTarget('scores[5].points', CRITERIA)).toBeUndefined();
  });
});

describe('the evaluator’s list', () => {
  const a = (
    id: string,
    status: Assignment['status'],
    dueDate: string,
    submittedAt: string | null = null,
  ) => ({ id, status, dueDate, submittedAt, reference: id, round: 'first' }) as Assignment;

  it('puts what is still to do first, overdue first, then what was submitted, conflicts apart', () => {
    const today = warsawToday(new Date('2027-01-21T23:30:00Z')); // already 22 January in Warsaw
    expect(today).toBe('2027-01-22');
    const { open, done, conflicts } = orderAssignments(
      [
        a('later', 'declared', '2027-01-26'),
        a('done1', 'submitted', '2027-01-20', '2027-01-10T10:00:00+01:00'),
        a('late', 'assigned', '2027-01-20'),
        a('conflict', 'conflict', '2027-01-19'),
        a('done2', 'submitted', '2027-01-20', '2027-01-12T10:00:00+01:00'),
      ],
      today,
    );
    expect(open.map((x) => x.id)).toEqual(['late', 'later']);
    expect(done.map((x) => x.id)).toEqual(['done2', 'done1']);
    expect(conflicts.map((x) => x.id)).toEqual(['conflict']);
  });
});
