import { rankApplications, type RankingCandidate } from './ranking.js';

let clock = 0;
const candidate = (
  id: string,
  finalScore: number,
  amount: number,
  passed = true,
): RankingCandidate => ({
  id,
  finalScore,
  passed,
  eligibleJobs: 1,
  submittedAt: new Date(Date.UTC(2026, 2, 2, 8, 0, clock++)).toISOString(),
  amount,
});

const statuses = (result: ReturnType<typeof rankApplications>): [string, string, number][] =>
  result.entries.map((e) => [e.candidate.id, e.status, e.remainingBudget]);

describe('ranking: funding within the budget', () => {
  it('funds an application that takes exactly what is left', () => {
    const result = rankApplications(
      [candidate('a', 90, 7_339_000), candidate('b', 80, 7_339_000)],
      14_678_000,
    );
    expect(statuses(result)).toEqual([
      ['a', 'funded', 7_339_000],
      ['b', 'funded', 0],
    ]);
    expect(result).toMatchObject({ fundedTotal: 14_678_000, remainingBudget: 0 });
  });

  it('puts one grosz too much on the reserve list', () => {
    const result = rankApplications(
      [candidate('a', 90, 7_339_000), candidate('b', 80, 7_339_001)],
      14_678_000,
    );
    expect(statuses(result)).toEqual([
      ['a', 'funded', 7_339_000],
      ['b', 'reserve', 7_339_000],
    ]);
    expect(result.remainingBudget).toBe(7_339_000);
  });

  it('never skips down to a cheaper application: the first that does not fit and all below wait', () => {
    const result = rankApplications(
      [
        candidate('a', 95, 6_000_000),
        candidate('b', 90, 5_000_000), // does not fit in 4,000,000
        candidate('c', 85, 1_000_000), // would fit, but ranks below b
        candidate('d', 80, 500_000),
        candidate('x', 50, 100_000, false),
      ],
      10_000_000,
    );
    expect(statuses(result)).toEqual([
      ['a', 'funded', 4_000_000],
      ['b', 'reserve', 4_000_000],
      ['c', 'reserve', 4_000_000],
      ['d', 'reserve', 4_000_000],
      ['x', 'rejected', 4_000_000],
    ]);
    expect(result).toMatchObject({
      budget: 10_000_000,
      fundedTotal: 6_000_000,
      remainingBudget: 4_000_000,
    });
  });

  it('puts everyone on the reserve list when even the best does not fit', () => {
    const result = rankApplications(
      [candidate('a', 95, 6_000_000), candidate('b', 90, 100)],
      5_999_999,
    );
    expect(result.entries.map((e) => e.status)).toEqual(['reserve', 'reserve']);
    expect(result.fundedTotal).toBe(0);
  });

  it('rejects below the threshold whatever the money', () => {
    const result = rankApplications([candidate('a', 59.5, 1, false)], 10_000_000);
    expect(result.entries[0]).toMatchObject({ status: 'rejected', rank: null });
  });

  it('never exceeds the budget (many applications)', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      candidate(`app-${i}`, (i * 37) % 100, 500_000 + ((i * 7919) % 9_000_000)),
    );
    for (const budget of [0, 1, 7_339_000, 123_456_789, 1_000_000_000]) {
      const result = rankApplications(many, budget);
      const funded = result.entries.filter((e) => e.status === 'funded');
      const spent = funded.reduce((sum, e) => sum + e.candidate.amount, 0);
      expect(spent).toBe(result.fundedTotal);
      expect(spent).toBeLessThanOrEqual(budget);
      // funded rows form an unbroken prefix of the ranked list
      const ranked = result.entries.filter((e) => e.rank !== null);
      const firstReserve = ranked.findIndex((e) => e.status === 'reserve');
      if (firstReserve >= 0)
        expect(ranked.slice(firstReserve).every((e) => e.status === 'reserve')).toBe(true);
    }
  });

  it('refuses amounts that are not whole grosze', () => {
    expect(() => rankApplications([candidate('a', 90, 100.5)], 1_000)).toThrow(RangeError);
    expect(() => rankApplications([candidate('a', 90, 100)], -1)).toThrow(RangeError);
  });
});
