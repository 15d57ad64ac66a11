import { regionFigures, type Fact, type RegionProgramme } from './region-figures.js';

const A = { id: 'a', number: 2, name: 'OWES A', voivodeship: '08' };
const B = { id: 'b', number: 3, name: 'OWES B', voivodeship: '08' };
const targets = (n: number) => ({
  groupsSupported: n,
  enterprisesStrengthened: n,
  enterprisesCreated: n,
  jobsCreated: n,
});
const programmes: RegionProgramme[] = [
  {
    centreId: 'a',
    name: 'PA',
    targets: { ...targets(10), peopleSupported: 100 },
    yearlyBudgets: [
      { year: 2026, amount: 5 },
      { year: 2027, amount: 7 },
    ],
  },
  { centreId: 'a', name: 'PA2', targets: targets(1), yearlyBudgets: [] },
  { centreId: 'b', name: 'PB', targets: targets(4), yearlyBudgets: [{ year: 2027, amount: 3 }] },
  { centreId: 'c', name: 'hidden', targets: targets(99), yearlyBudgets: [] },
];
const facts: Fact[] = [
  { centreId: 'a', county: '0862', year: 2026, key: 'groupsSupported', value: 1 },
  { centreId: 'a', county: '0809', year: 2027, key: 'groupsSupported', value: 1 },
  { centreId: 'b', county: '0861', year: 2027, key: 'groupsSupported', value: 1 },
  { centreId: 'b', county: '0861', year: 2027, key: 'moneyPaid', value: 500 },
  { centreId: 'c', county: '1462', year: 2027, key: 'groupsSupported', value: 1 },
];
const get = (rows: { key: string }[], key: string) => rows.find((r) => r.key === key);

describe('region figures', () => {
  it('puts each centre beside the sum of its programmes’ targets and sums the region', () => {
    const f = regionFigures([B, A], programmes, facts, null, () => 'powiat');
    expect(f.centres.map((c) => c.id)).toEqual(['a', 'b']);
    expect(f.centres[0]!.programmes).toEqual(['PA', 'PA2']);
    expect(get(f.centres[0]!.indicators, 'groupsSupported')).toMatchObject({
      actual: 2,
      target: 11,
    });
    expect(get(f.centres[0]!.indicators, 'peopleSupported')).toMatchObject({
      actual: null,
      target: 100,
    });
    expect(get(f.region.indicators, 'groupsSupported')).toMatchObject({ actual: 3, target: 15 });
    expect(get(f.region.indicators, 'moneyPaid')).toMatchObject({ actual: 500, target: null });
    expect(f.region.budget).toBe(15);
    // a centre outside the caller's scope counts nowhere
    expect(f.region.counties.map((c) => c.county)).toEqual(['0809', '0861', '0862']);
    expect(f.region.years.map((y) => y.year)).toEqual([2026, 2027]);
  });

  it('keeps one year when asked, targets whole, money of that year', () => {
    const f = regionFigures([A, B], programmes, facts, 2026, () => null);
    expect(get(f.region.indicators, 'groupsSupported')).toMatchObject({ actual: 1, target: 15 });
    expect(f.region.budget).toBe(5);
    expect(f.region.years.map((y) => y.year)).toEqual([2026]);
  });
});
