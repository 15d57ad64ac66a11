import { fundFromReserve, rankApplications, type RankingCandidate } from './ranking.js';

const candidate = (
  id: string,
  finalScore: number,
  amount: number,
  passed = true,
  minute = 0,
): RankingCandidate => ({
  id,
  finalScore,
  passed,
  eligibleJobs: 1,
  submittedAt: `2026-03-02T08:${String(minute).padStart(2, '0')}:00Z`,
  amount,
});

describe('ranking: funding from the reserve after appeals or freed money', () => {
  const a = candidate('a', 95, 6_000_000, true, 1);
  const b = candidate('b', 90, 5_000_000, true, 2);
  const c = candidate('c', 85, 1_000_000, true, 3);
  const d = candidate('d', 55, 2_000_000, false, 4);

  it('starts from a first ranking with a reserve list', () => {
    const first = rankApplications([a, b, c, d], 10_000_000);
    expect(first.entries.map((e) => e.status)).toEqual([
      'funded',
      'reserve',
      'reserve',
      'rejected',
    ]);
  });

  it('funds the reserve in ranking order when the budget grows, never skipping', () => {
    const result = fundFromReserve(
      [
        { candidate: a, funded: true },
        { candidate: b, funded: false },
        { candidate: c, funded: false },
      ],
      11_500_000,
    );
    expect(result.entries.map((e) => [e.candidate.id, e.status])).toEqual([
      ['a', 'funded'],
      ['b', 'funded'],
      ['c', 'reserve'], // 500,000 left
    ]);
    expect(result.newlyFunded).toEqual(['b']);
    expect(result.remainingBudget).toBe(500_000);
  });

  it('funds freed money when a funded award is given up (left out of the list)', () => {
    const result = fundFromReserve(
      [
        { candidate: b, funded: false },
        { candidate: c, funded: false },
      ],
      10_000_000,
    );
    expect(result.newlyFunded).toEqual(['b', 'c']);
    expect(result.remainingBudget).toBe(4_000_000);
  });

  it('ranks an appeal winner among the reserve and keeps the no-skip rule', () => {
    // d won its appeal: 88 now, passed. It ranks above c but below b.
    const raised = { ...d, finalScore: 88, passed: true };
    const result = fundFromReserve(
      [
        { candidate: a, funded: true },
        { candidate: b, funded: false },
        { candidate: c, funded: false },
        { candidate: raised, funded: false },
      ],
      13_500_000,
    );
    expect(result.entries.map((e) => [e.candidate.id, e.status, e.rank])).toEqual([
      ['a', 'funded', 1],
      ['b', 'funded', 2], // 2,500,000 left
      ['d', 'funded', 3], // 500,000 left
      ['c', 'reserve', 4],
    ]);
    expect(result.newlyFunded).toEqual(['b', 'd']);
  });

  it('never un-funds: a funded application overtaken by an appeal winner stays funded', () => {
    const raised = { ...d, finalScore: 99, passed: true }; // now above a
    const result = fundFromReserve(
      [
        { candidate: a, funded: true },
        { candidate: b, funded: false },
        { candidate: raised, funded: false },
      ],
      10_000_000,
    );
    expect(result.entries.map((e) => [e.candidate.id, e.status, e.rank])).toEqual([
      ['d', 'funded', 1],
      ['a', 'funded', 2],
      ['b', 'reserve', 3],
    ]);
    expect(result.fundedTotal).toBe(8_000_000);
  });

  it('stops at the first reserve application that does not fit, funded ones below stay funded', () => {
    const raised = { ...d, finalScore: 99, passed: true, amount: 5_000_000 };
    const result = fundFromReserve(
      [
        { candidate: a, funded: true },
        { candidate: raised, funded: false }, // 4,000,000 left: does not fit
        { candidate: c, funded: false }, // would fit but is below
      ],
      10_000_000,
    );
    expect(result.entries.map((e) => [e.candidate.id, e.status])).toEqual([
      ['d', 'reserve'],
      ['a', 'funded'],
      ['c', 'reserve'],
    ]);
    expect(result.newlyFunded).toEqual([]);
  });

  it('refuses a budget smaller than what is already funded', () => {
    expect(() => fundFromReserve([{ candidate: a, funded: true }], 5_999_999)).toThrow(RangeError);
  });
});
