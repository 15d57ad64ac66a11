import { INDICATORS, type IndicatorKey } from '../indicators/indicators.service.js';
import type { ProgrammeTargets } from '../programmes/programme.entity.js';

/**
 * The regional coordinator's figures (docs/tenancy.md#regional-indicators), as plain TypeScript:
 * counts and money per centre beside the sum of its programmes' targets, the region's sum, and
 * breakdowns per county and per year. Nothing here names a person: facts carry a centre, a
 * county, a year and a number.
 */

/** Indicators with a target but no figure computed here (trainings, NGOs, joint ventures). */
export const TARGET_ONLY = [
  { key: 'peopleSupported', pl: 'Osoby objęte wsparciem', en: 'People supported' },
  { key: 'organisationsSupported', pl: 'Wsparte organizacje pozarządowe', en: 'NGOs supported' },
  { key: 'jointVentures', pl: 'Wspólne przedsięwzięcia', en: 'Joint ventures' },
] as const;

export type RegionIndicatorKey = IndicatorKey | (typeof TARGET_ONLY)[number]['key'];

export interface RegionRow {
  key: RegionIndicatorKey;
  label: { pl: string; en: string };
  /** The figure; null for a target-only indicator. */
  actual: number | null;
  /** The sum of the programmes' targets; null where no target exists (money, jobs kept). */
  target: number | null;
  money: boolean;
}

/** One counted thing: `value` added to `key` of `centreId`, in `county` (or none), in `year`. */
export interface Fact {
  centreId: string;
  county: string | null;
  year: number;
  key: IndicatorKey;
  value: number;
}

export interface RegionCentre {
  id: string;
  number: number;
  name: string;
  voivodeship: string;
}

export interface RegionProgramme {
  centreId: string;
  name: string;
  targets: ProgrammeTargets;
  yearlyBudgets: { year: number; amount: number }[];
}

export interface Breakdowns {
  indicators: RegionRow[];
  /** The programmes' money, grosze: of `year` when filtered, else of every year. */
  budget: number;
  counties: { county: string; countyName: string | null; indicators: RegionRow[] }[];
  years: { year: number; indicators: RegionRow[] }[];
}

export interface RegionFigures {
  year: number | null;
  centres: (RegionCentre & { programmes: string[] } & Breakdowns)[];
  region: Breakdowns;
}

type Sums = Map<IndicatorKey, number>;
type Targets = Partial<Record<RegionIndicatorKey, number>>;

function rows(sums: Sums, targets: Targets | null): RegionRow[] {
  return [
    ...INDICATORS.map((i) => ({
      key: i.key as RegionIndicatorKey,
      label: { pl: i.pl, en: i.en },
      actual: sums.get(i.key) ?? 0,
      target: targets && i.target ? (targets[i.target] ?? 0) : null,
      money: i.money,
    })),
    ...TARGET_ONLY.map((i) => ({
      key: i.key as RegionIndicatorKey,
      label: { pl: i.pl, en: i.en },
      actual: null,
      target: targets ? (targets[i.key] ?? 0) : null,
      money: false,
    })),
  ];
}

function add(sums: Sums, key: IndicatorKey, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}

function sumTargets(programmes: readonly RegionProgramme[]): Targets {
  const out: Targets = {};
  for (const p of programmes) {
    for (const [key, value] of Object.entries(p.targets) as [RegionIndicatorKey, unknown][]) {
      if (typeof value === 'number') out[key] = (out[key] ?? 0) + value;
    }
  }
  return out;
}

function breakdowns(
  facts: readonly Fact[],
  programmes: readonly RegionProgramme[],
  year: number | null,
  countyName: (code: string) => string | null,
): Breakdowns {
  const total: Sums = new Map();
  const counties = new Map<string, Sums>();
  const years = new Map<number, Sums>();
  for (const f of facts) {
    add(total, f.key, f.value);
    const county = f.county ?? '';
    if (!counties.has(county)) counties.set(county, new Map());
    add(counties.get(county)!, f.key, f.value);
    if (!years.has(f.year)) years.set(f.year, new Map());
    add(years.get(f.year)!, f.key, f.value);
  }
  return {
    indicators: rows(total, sumTargets(programmes)),
    budget: programmes
      .flatMap((p) => p.yearlyBudgets)
      .filter((b) => year === null || b.year === year)
      .reduce((sum, b) => sum + b.amount, 0),
    counties: [...counties.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([county, sums]) => ({
        county,
        countyName: county ? countyName(county) : null,
        indicators: rows(sums, null),
      })),
    years: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([y, sums]) => ({ year: y, indicators: rows(sums, null) })),
  };
}

/** The figures of `centres` (those the caller may see), filtered to `year` when given. */
export function regionFigures(
  centres: readonly RegionCentre[],
  programmes: readonly RegionProgramme[],
  facts: readonly Fact[],
  year: number | null,
  countyName: (code: string) => string | null,
): RegionFigures {
  const visible = new Set(centres.map((c) => c.id));
  const kept = facts.filter((f) => visible.has(f.centreId) && (year === null || f.year === year));
  const ownProgrammes = programmes.filter((p) => visible.has(p.centreId));
  return {
    year,
    centres: [...centres]
      .sort((a, b) => a.number - b.number)
      .map((c) => {
        const mine = ownProgrammes.filter((p) => p.centreId === c.id);
        return {
          id: c.id,
          number: c.number,
          name: c.name,
          voivodeship: c.voivodeship,
          programmes: mine.map((p) => p.name),
          ...breakdowns(
            kept.filter((f) => f.centreId === c.id),
            mine,
            year,
            countyName,
          ),
        };
      }),
    region: breakdowns(kept, ownProgrammes, year, countyName),
  };
}
