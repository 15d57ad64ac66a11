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
  { header: 'Ośrodek' },
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
export type Actuals = Record<IndicatorKey, number | null>;

export interface IndicatorRow {
  key: IndicatorKey;
  label: { pl: string; en: string };
  actual: number | null;
  target: number | null;
}

export interface ProgrammeIndicators {
  /** The centre the programme (or, with `programmeId: null`, what no programme covers) is of. */
  centreId: string;
  centreName: string | null;
  programmeId: string | null;
  name: string | null;
  indicators: IndicatorRow[];
  counties: { county: string; countyName: string | null; indicators: IndicatorRow[] }[];
}

export const EMPTY = (): Actuals => ({
  groupsSupported: 0,
  enterprisesStrengthened: 0,
  enterprisesCreated: 0,
  jobsCreated: 0,
  jobsKept: 0,
  moneyAwarded: 0,
  moneyPaid: 0,
  moneyRefundClaimed: 0,
});

export function rows(actuals: Actuals, targets: ProgrammeTargets | null): IndicatorRow[] {
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

  /**
   * The indicators of the programmes of the caller's centres (the row-level policy leaves out
   * every other centre's rows), each programme with its centre named; what no programme covers
   * is one entry per centre with `programmeId: null`.
   */
  async compute(): Promise<ProgrammeIndicators[]> {
    const programmes = await this.dataSource
      .getRepository(Programme)
      .find({ order: { createdAt: 'ASC' } });
    const centres: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM grants.centres ORDER BY number`,
    );
    const centreName = new Map(centres.map((c) => [c.id, c.name]));
    const awards: {
      centre_id: string;
      programme_id: string | null;
      county: string | null;
      applicant_kind: string | null;
      signed: boolean;
      amount: string;
      paid_total: string;
      refunds: string;
    }[] = await this.dataSource.query(
      `SELECT w.centre_id, c.programme_id, w.county, w.applicant_kind, (w.status <> 'granted') AS signed,
              w.amount::text, w.paid_total::text,
              COALESCE((SELECT sum(total) FROM grants.refund_claims r WHERE r.award_id = w.id), 0)::text AS refunds
         FROM grants.awards w JOIN grants.calls c ON c.id = w.call_id
        WHERE w.status <> 'given-up'`,
    );
    const groups: { centre_id: string; county: string | null; decided_at: Date }[] =
      await this.dataSource.query(
        `SELECT centre_id, county, decided_at FROM grants.initiative_groups WHERE status = 'qualified'`,
      );
    const jobs: {
      centre_id: string;
      programme_id: string | null;
      county: string;
      eligible_person: boolean;
      status: string;
    }[] = await this.dataSource.query(
      `SELECT w.centre_id, c.programme_id, j.county, j.eligible_person, j.status
           FROM grants.award_jobs j JOIN grants.awards w ON w.id = j.award_id JOIN grants.calls c ON c.id = w.call_id`,
    );

    // A bucket per programme, and per centre for what no programme covers ('none:<centre>').
    const key = (centre: string, programme: string | null) => programme ?? `none:${centre}`;
    const totals = new Map<string, Actuals>();
    const byCounty = new Map<string, Map<string, Actuals>>();
    const bucket = (programme: string, county: string | null): Actuals[] => {
      if (!totals.has(programme)) totals.set(programme, EMPTY());
      if (!byCounty.has(programme)) byCounty.set(programme, new Map());
      const counties = byCounty.get(programme)!;
      const countyKey = county ?? '';
      if (!counties.has(countyKey)) counties.set(countyKey, EMPTY());
      return [totals.get(programme)!, counties.get(countyKey)!];
    };
    for (const a of awards) {
      for (const acc of bucket(key(a.centre_id, a.programme_id), a.county)) {
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
      const own = programmes.filter((p) => p.centreId === g.centre_id);
      const programme = programmeServing(own, g.county, g.decided_at);
      for (const acc of bucket(key(g.centre_id, programme), g.county)) acc.groupsSupported! += 1;
    }
    for (const j of jobs) {
      for (const acc of bucket(key(j.centre_id, j.programme_id), j.county)) {
        if (j.eligible_person) acc.jobsCreated! += 1;
        if (j.status === 'kept') acc.jobsKept! += 1;
      }
    }

    const result: ProgrammeIndicators[] = programmes.map((p) => ({
      ...this.entry(p.id, p.id, p.name, p.targets, totals, byCounty, p.counties),
      centreId: p.centreId,
      centreName: centreName.get(p.centreId) ?? null,
    }));
    const centreIds = [
      ...new Set([...centres.map((c) => c.id), ...programmes.map((p) => p.centreId)]),
    ];
    for (const centreId of centreIds) {
      const none = key(centreId, null);
      if (!totals.has(none)) continue;
      result.push({
        ...this.entry(none, null, null, null, totals, byCounty, []),
        centreId,
        centreName: centreName.get(centreId) ?? null,
      });
    }
    return result;
  }

  private entry(
    bucketKey: string,
    id: string | null,
    name: string | null,
    targets: ProgrammeTargets | null,
    totals: Map<string, Actuals>,
    byCounty: Map<string, Map<string, Actuals>>,
    programmeCounties: string[],
  ): Omit<ProgrammeIndicators, 'centreId' | 'centreName'> {
    const counties = byCounty.get(bucketKey) ?? new Map<string, Actuals>();
    for (const code of programmeCounties) if (!counties.has(code)) counties.set(code, EMPTY());
    return {
      programmeId: id,
      name,
      indicators: rows(totals.get(bucketKey) ?? EMPTY(), targets),
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
          p.centreName ?? '',
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
            p.centreName ?? '',
          ]);
      }
    }
    return toCsv(INDICATOR_CSV_COLUMNS, lines);
  }
}
