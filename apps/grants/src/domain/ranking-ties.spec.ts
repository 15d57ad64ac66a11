import { compareForRanking, rankApplications, type RankingCandidate } from './ranking.js';

const candidate = (over: Partial<RankingCandidate> & { id: string }): RankingCandidate => ({
  finalScore: 70,
  passed: true,
  eligibleJobs: 2,
  submittedAt: '2026-03-02T10:00:00+01:00',
  amount: 100_000,
  ...over,
});

const order = (candidates: RankingCandidate[]): string[] =>
  rankApplications(candidates, 10_000_000).entries.map((entry) => entry.candidate.id);

describe('ranking: order and ties', () => {
  it('orders by final score, highest first, halves included', () => {
    expect(
      order([
        candidate({ id: 'a', finalScore: 70 }),
        candidate({ id: 'b', finalScore: 82.5 }),
        candidate({ id: 'c', finalScore: 70.5 }),
      ]),
    ).toEqual(['b', 'c', 'a']);
  });

  it('breaks a score tie by more jobs for eligible persons', () => {
    expect(
      order([
        candidate({ id: 'two', eligibleJobs: 2, submittedAt: '2026-03-01T08:00:00+01:00' }),
        candidate({ id: 'three', eligibleJobs: 3, submittedAt: '2026-03-05T08:00:00+01:00' }),
      ]),
    ).toEqual(['three', 'two']);
  });

  it('then by the earlier submission, comparing moments across offsets', () => {
    expect(
      order([
        candidate({ id: 'later', submittedAt: '2026-03-02T10:00:00+01:00' }), // 09:00Z
        candidate({ id: 'earlier', submittedAt: '2026-03-02T08:59:59.999Z' }),
      ]),
    ).toEqual(['earlier', 'later']);
  });

  it('then, for the same moment, by id so the list never flickers', () => {
    const a = candidate({ id: 'a' });
    const b = candidate({ id: 'b' });
    expect(order([b, a])).toEqual(['a', 'b']);
    expect(compareForRanking(a, a)).toBe(0);
  });

  it('gives ranks 1..n to the ranked and none to the rejected, listed last', () => {
    const result = rankApplications(
      [
        candidate({ id: 'low', finalScore: 40, passed: false }),
        candidate({ id: 'top', finalScore: 90 }),
        candidate({ id: 'mid', finalScore: 75 }),
        candidate({ id: 'lower', finalScore: 30, passed: false }),
      ],
      10_000_000,
    );
    expect(result.entries.map((e) => [e.candidate.id, e.status, e.rank])).toEqual([
      ['top', 'funded', 1],
      ['mid', 'funded', 2],
      ['low', 'rejected', null],
      ['lower', 'rejected', null],
    ]);
  });

  it('refuses an invalid submission moment or duplicate ids', () => {
    expect(() => rankApplications([candidate({ id: 'a', submittedAt: 'yesterday' })], 1)).toThrow(
      RangeError,
    );
    expect(() => rankApplications([candidate({ id: 'a' }), candidate({ id: 'a' })], 1)).toThrow(
      RangeError,
    );
  });
});
