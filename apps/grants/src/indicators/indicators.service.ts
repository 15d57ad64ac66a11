import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  countyByTeryt,
  groszeToDecimalString,
  toCsv,
  warsawDate,
  type CsvCell,
  type CsvColumn,
} from '@app/common';
import { Programme, type ProgrammeTargets } from '../programmes/programme.entity.js';

/** The CSV's columns, in order, with Polish headings. */
const INDICATOR_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'Program' },
  { header: 'Kod powiatu (TERYT)' },
  { header: 'Powiat' },
  { header: 'Wskaźnik' },
  { header: 'Nazwa wskaźnika' },
  { header: 'Wartość', kind: 'number' },
  { header: 'Wartość docelowa', kind: 'number' },
];

/**
 * The indicators of docs/product.md#indicators, each beside its programme target where one
 * exists.
 */
export const INDICATORS = [
  {
    key: 'groupsSupported',
    target: 'groupsSupported',
    money: false,
    pl: 'Wsparte grupy inicjatywne',
    en: 'Initiative groups supported',
  },
  {
    key: 'enterprisesStrengthened',
    target: 'enterprisesStrengthened',
    money: false,
    pl: 'Wzmocnione przedsiębiorstwa społeczne',
    en: 'Social enterprises strengthened',
  },
  {
    key: 'enterprisesCreated',
    target: 'enterprisesCreated',
    money: false,
    pl: 'Utworzone przedsiębiorstwa społeczne',
    en: 'Social enterprises created',
  },
  {
    key: 'jobsCreated',
    target: 'jobsCreated',
    money: false,
    pl: 'Miejsca pracy dla osób zagrożonych wykluczeniem',
    en: 'Jobs created for eligible persons',
  },
  {
    key: 'jobsKept',
    target: null,
    money: false,
    pl: 'Miejsca pracy utrzymane przez cały okres',
    en: 'Jobs kept for the full term',
  },
  { key: 'moneyAwarded', target: null, money: true, pl: 'Przyznane wsparcie', en: 'Money awarded' },
  { key: 'moneyPaid', target: null, money: true, pl: 'Wypłacone wsparcie', en: 'Money paid' },
  {
    key: 'moneyRefundClaimed',
    target: null,
    money: true,
    pl: 'Zwroty do dokonania (z odsetkami)',
    en: 'Money to be refunded (with interest)',
  },
] as const;

export type IndicatorKey = (typeof INDICATORS)[number]['key'];
type Actuals = Record<IndicatorKey, number | null>;

export interface IndicatorRow {
  key: IndicatorKey;
  label: { pl: string; en: string };
  actual: number | null;
  target: number | null;
}

export interface ProgrammeIndicators {
  programmeId: string | null;
  name: string | null;
  indicators: IndicatorRow[];
  counties: { county: string; countyName: string | null; indicators: IndicatorRow[] }[];
}

const EMPTY = (): Actuals => ({
  groupsSupported: 0,
  enterprisesStrengthened: 0,
  enterprisesCreated: 0,
  jobsCreated: 0,
  jobsKept: 0,
  moneyAwarded: 0,
  moneyPaid: 0,
  moneyRefundClaimed: 0,
});

function rows(actuals: Actuals, targets: ProgrammeTargets | null): IndicatorRow[] {
  return INDICATORS.map((i) => ({
    key: i.key,
    label: { pl: i.pl, en: i.en },
    actual: actuals[i.key],
    target: targets && i.target ? targets[i.target] : null,
  }));
}

/**
 * Progress per programme and county.
 * - Initiative groups supported: groups the centre qualified for support (from the applications
 *   service's group events), in their first member's county, counted in the programme that
 *   serves that county (the one with money in the year of the decision, else the oldest).
 * - Social enterprises count once their agreement is signed: created (an initiative group's or a
 *   PES becoming a PS) or strengthened (an existing PS). County of an entity is its seat.
 * - Jobs created are the funded jobs of eligible persons, in the job's own county; kept = kept
 *   for the full term.
 * - Money awarded counts every award not given up (with approved bridging extensions); paid and
 *   to be refunded as recorded.
 */
/** The programme a group in `county` decided at `at` belongs to, or null when none serves it. */
export function programmeServing(
  programmes: readonly Pick<Programme, 'id' | 'counties' | 'yearlyBudgets'>[],
  county: string | null,
  at: Date,
): string | null {
  if (!county) return null;
  const serving = programmes.filter((p) => p.counties.includes(county));
  const year = Number(warsawDate(at).slice(0, 4));
  const funded = serving.find((p) => p.yearlyBudgets.some((b) => b.year === year && b.amount > 0));
  return (funded ?? serving[0])?.id ?? null;
}

@Injectable()
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  async compute(): Promise<ProgrammeIndicators[]> {
    const programmes = await this.dataSource
      .getRepository(Programme)
      .find({ order: { createdAt: 'ASC' } });
    const awards: {
      programme_id: string | null;
      county: string | null;
      applicant_kind: string | null;
      signed: boolean;
      amount: string;
      paid_total: string;
      refunds: string;
    }[] = await this.dataSource.query(
      `SELECT c.programme_id, w.county, w.applicant_kind, (w.status <> 'granted') AS signed,
              w.amount::text, w.paid_total::text,
              COALESCE((SELECT sum(total) FROM grants.refund_claims r WHERE r.award_id = w.id), 0)::text AS refunds
         FROM grants.awards w JOIN grants.calls c ON c.id = w.call_id
        WHERE w.status <> 'given-up'`,
    );
    const groups: { county: string | null; decided_at: Date }[] = await this.dataSource.query(
      `SELECT county, decided_at FROM grants.initiative_groups WHERE status = 'qualified'`,
    );
    const jobs: {
      programme_id: string | null;
      county: string;
      eligible_person: boolean;
      status: string;
    }[] = await this.dataSource.query(
      `SELECT c.programme_id, j.county, j.eligible_person, j.status
           FROM grants.award_jobs j JOIN grants.awards w ON w.id = j.award_id JOIN grants.calls c ON c.id = w.call_id`,
    );

    const totals = new Map<string | null, Actuals>();
    const byCounty = new Map<string | null, Map<string, Actuals>>();
    const bucket = (programme: string | null, county: string | null): Actuals[] => {
      if (!totals.has(programme)) totals.set(programme, EMPTY());
      if (!byCounty.has(programme)) byCounty.set(programme, new Map());
      const counties = byCounty.get(programme)!;
      const key = county ?? '';
      if (!counties.has(key)) counties.set(key, EMPTY());
      return [totals.get(programme)!, counties.get(key)!];
    };
    for (const a of awards) {
      for (const acc of bucket(a.programme_id, a.county)) {
        if (a.signed) {
          if (a.applicant_kind === 'social-enterprise') acc.enterprisesStrengthened! += 1;
          else acc.enterprisesCreated! += 1;
        }
        acc.moneyAwarded! += Number(a.amount);
        acc.moneyPaid! += Number(a.paid_total);
        acc.moneyRefundClaimed! += Number(a.refunds);
      }
    }
    for (const g of groups) {
      const programme = programmeServing(programmes, g.county, g.decided_at);
      for (const acc of bucket(programme, g.county)) acc.groupsSupported! += 1;
    }
    for (const j of jobs) {
      for (const acc of bucket(j.programme_id, j.county)) {
        if (j.eligible_person) acc.jobsCreated! += 1;
        if (j.status === 'kept') acc.jobsKept! += 1;
      }
    }

    const result: ProgrammeIndicators[] = programmes.map((p) =>
      this.entry(p.id, p.name, p.targets, totals, byCounty, p.counties),
    );
    if (totals.has(null)) result.push(this.entry(null, null, null, totals, byCounty, []));
    return result;
  }

  private entry(
    id: string | null,
    name: string | null,
    targets: ProgrammeTargets | null,
    totals: Map<string | null, Actuals>,
    byCounty: Map<string | null, Map<string, Actuals>>,
    programmeCounties: string[],
  ): ProgrammeIndicators {
    const counties = byCounty.get(id) ?? new Map<string, Actuals>();
    for (const code of programmeCounties) if (!counties.has(code)) counties.set(code, EMPTY());
    return {
      programmeId: id,
      name,
      indicators: rows(totals.get(id) ?? EMPTY(), targets),
      counties: [...counties.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([county, actuals]) => ({
          county,
          countyName: countyByTeryt(county)?.name ?? null,
          indicators: rows(actuals, null),
        })),
    };
  }

  /**
   * The indicators as CSV (`?format=csv`) in the exports' one format (`toCsv`: Polish headers,
   * UTF-8 with BOM, CRLF, formula-like text neutralised).
   */
  csv(data: ProgrammeIndicators[]): string {
    const value = (key: IndicatorKey, v: number | null) => {
      if (v === null) return '';
      return INDICATORS.find((i) => i.key === key)!.money ? groszeToDecimalString(v) : v;
    };
    const lines: CsvCell[][] = [];
    for (const p of data) {
      for (const i of p.indicators)
        lines.push([
          p.name ?? '',
          '',
          '',
          i.key,
          i.label.pl,
          value(i.key, i.actual),
          i.target ?? '',
        ]);
      for (const c of p.counties) {
        for (const i of c.indicators)
          lines.push([
            p.name ?? '',
            c.county,
            c.countyName ?? '',
            i.key,
            i.label.pl,
            value(i.key, i.actual),
            '',
          ]);
      }
    }
    return toCsv(INDICATOR_CSV_COLUMNS, lines);
  }
}
