import { linesOf, rankingLines, type RankingRowBody } from './review-model.js';

const row = (rank: number | null, status: RankingRowBody['status'], score: number | null) =>
  ({
    rank,
    status,
    score,
    applicationId: `a${rank ?? 'x'}`,
    reference: `OWES/2027/0000${rank ?? 9}`,
  }) as RankingRowBody;

describe('the ranking as the staff page draws it (docs/product.md#evaluation-ranking-appeal)', () => {
  it('draws the budget line after the last funded application', () => {
    const { ranked, lineBeforeFirst } = rankingLines([
      row(3, 'reserve', 70),
      row(1, 'funded', 90),
      row(2, 'funded', 80),
      row(null, 'below-threshold', 20),
    ]);
    expect(ranked.map((l) => l.row.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((l) => l.lineAfter)).toEqual([false, true, false]);
    expect(lineBeforeFirst).toBe(false);
  });

  it('draws it above the first row when the money covers none, and nowhere when it covers all', () => {
    expect(rankingLines([row(1, 'reserve', 90)]).lineBeforeFirst).toBe(true);
    const all = rankingLines([row(1, 'funded', 90), row(2, 'funded', 80)]);
    expect(all.lineBeforeFirst).toBe(false);
    expect(all.ranked.some((l) => l.lineAfter)).toBe(false);
  });

  it('marks the applications that tie on the score', () => {
    const { ranked } = rankingLines([
      row(1, 'funded', 90),
      row(2, 'funded', 80),
      row(3, 'reserve', 80),
    ]);
    expect(ranked.map((l) => l.tie)).toEqual([false, true, true]);
  });

  it('keeps the applications without a place apart', () => {
    const { unranked } = rankingLines([
      row(1, 'funded', 90),
      row(null, 'pending-evaluation', null),
    ]);
    expect(unranked).toHaveLength(1);
  });
});

describe('a textarea as a list', () => {
  it('takes each non-blank line as one item', () => {
    expect(linesOf('  Brak zaświadczenia \r\n\n Brak podpisu\n')).toEqual([
      'Brak zaświadczenia',
      'Brak podpisu',
    ]);
    expect(linesOf(undefined)).toEqual([]);
  });
});
