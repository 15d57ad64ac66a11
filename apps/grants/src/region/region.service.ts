import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  countyByTeryt,
  groszeToDecimalString,
  toCsv,
  type CsvCell,
  type CsvColumn,
} from '@app/common';
import { Programme } from '../programmes/programme.entity.js';
import type { IndicatorKey } from '../indicators/indicators.service.js';
import {
  regionFigures,
  type Breakdowns,
  type Fact,
  type RegionCentre,
  type RegionFigures,
  type RegionRow,
} from './region-figures.js';

/** The CSV's columns, in order, with Polish headings. */
const REGION_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'Nr ośrodka', kind: 'number' },
  { header: 'Ośrodek' },
  { header: 'Województwo (TERYT)' },
  { header: 'Zestawienie' },
  { header: 'Kod powiatu (TERYT)' },
  { header: 'Powiat' },
  { header: 'Rok', kind: 'number' },
  { header: 'Wskaźnik' },
  { header: 'Nazwa wskaźnika' },
  { header: 'Wartość', kind: 'number' },
  { header: 'Wartość docelowa', kind: 'number' },
];

/** Year of a timestamp in Poland. */
const WARSAW_YEAR = (column: string) =>
  `extract(year FROM ${column} AT TIME ZONE 'Europe/Warsaw')::int`;

/**
 * The regional coordinator's view (docs/tenancy.md#regional-indicators). Every query runs under
 * the row-level policy: a coordinator sees the centres of the token, a platform administrator
 * every centre. Only counts, money and names of centres, programmes and counties leave here.
 *
 * The year a figure counts in:
 * - initiative groups supported: the year of the group's qualification decision;
 * - social enterprises created / strengthened: the year the agreement was signed;
 * - money awarded: the year the award was granted; money paid: the year of each payment;
 *   money to be refunded: the year the refund claim was calculated;
 * - jobs created and jobs kept: the year the job started (its creation).
 */
@Injectable()
export class RegionService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(year: number | null): Promise<RegionFigures> {
    const centres: RegionCentre[] = await this.dataSource.query(
      `SELECT id, number, name, voivodeship FROM grants.centres ORDER BY number`,
    );
    const programmes = await this.dataSource
      .getRepository(Programme)
      .find({ order: { createdAt: 'ASC' } });
    const facts = await this.facts();
    return regionFigures(
      centres,
      programmes,
      facts,
      year,
      (code) => countyByTeryt(code)?.name ?? null,
    );
  }

  private async facts(): Promise<Fact[]> {
    type Row = { centre_id: string; county: string | null; year: number };
    const q = <T extends Row>(sql: string): Promise<T[]> => this.dataSource.query(sql);
    const facts: Fact[] = [];
    const push = (r: Row, key: IndicatorKey, value: number) =>
      facts.push({ centreId: r.centre_id, county: r.county, year: Number(r.year), key, value });

    for (const r of await q(
      `SELECT centre_id, county, ${WARSAW_YEAR('decided_at')} AS year
         FROM grants.initiative_groups WHERE status = 'qualified'`,
    ))
      push(r, 'groupsSupported', 1);
    for (const r of await q<Row & { applicant_kind: string | null }>(
      `SELECT centre_id, county, applicant_kind, extract(year FROM signed_on)::int AS year
         FROM grants.awards WHERE status NOT IN ('granted', 'given-up') AND signed_on IS NOT NULL`,
    ))
      push(
        r,
        r.applicant_kind === 'social-enterprise' ? 'enterprisesStrengthened' : 'enterprisesCreated',
        1,
      );
    for (const r of await q<Row & { amount: string }>(
      `SELECT centre_id, county, amount::text, ${WARSAW_YEAR('granted_at')} AS year
         FROM grants.awards WHERE status <> 'given-up'`,
    ))
      push(r, 'moneyAwarded', Number(r.amount));
    for (const r of await q<Row & { amount: string }>(
      `SELECT w.centre_id, w.county, sum(p.amount)::text AS amount, extract(year FROM p.paid_on)::int AS year
         FROM grants.payments p JOIN grants.awards w ON w.id = p.award_id
        WHERE w.status <> 'given-up'
        GROUP BY w.centre_id, w.county, extract(year FROM p.paid_on)`,
    ))
      push(r, 'moneyPaid', Number(r.amount));
    for (const r of await q<Row & { amount: string }>(
      `SELECT w.centre_id, w.county, sum(r.total)::text AS amount, extract(year FROM r.calculated_on)::int AS year
         FROM grants.refund_claims r JOIN grants.awards w ON w.id = r.award_id
        WHERE w.status <> 'given-up'
        GROUP BY w.centre_id, w.county, extract(year FROM r.calculated_on)`,
    ))
      push(r, 'moneyRefundClaimed', Number(r.amount));
    for (const r of await q<Row & { eligible: string; kept: string }>(
      `SELECT j.centre_id, j.county, extract(year FROM j.start_date)::int AS year,
              count(*) FILTER (WHERE j.eligible_person)::text AS eligible,
              count(*) FILTER (WHERE j.status = 'kept')::text AS kept
         FROM grants.award_jobs j
        GROUP BY j.centre_id, j.county, extract(year FROM j.start_date)`,
    )) {
      push(r, 'jobsCreated', Number(r.eligible));
      push(r, 'jobsKept', Number(r.kept));
    }
    return facts;
  }

  /**
   * The figures as CSV in the exports' one format (`toCsv`: Polish headers, UTF-8 with BOM, CRLF,
   * formula-like text neutralised): per centre its totals beside the targets, then per county and
   * per year; the region's sum last.
   */
  csv(data: RegionFigures): string {
    const value = (r: RegionRow): CsvCell =>
      r.actual === null ? '' : r.money ? groszeToDecimalString(r.actual) : r.actual;
    const lines: CsvCell[][] = [];
    const block = (head: [number | '', string, string], b: Breakdowns) => {
      for (const r of b.indicators)
        lines.push([
          ...head,
          'razem',
          '',
          '',
          data.year ?? '',
          r.key,
          r.label.pl,
          value(r),
          r.target ?? '',
        ]);
      for (const c of b.counties)
        for (const r of c.indicators)
          lines.push([
            ...head,
            'powiat',
            c.county,
            c.countyName ?? '',
            data.year ?? '',
            r.key,
            r.label.pl,
            value(r),
            '',
          ]);
      for (const y of b.years)
        for (const r of y.indicators)
          lines.push([...head, 'rok', '', '', y.year, r.key, r.label.pl, value(r), '']);
    };
    for (const c of data.centres) block([c.number, c.name, c.voivodeship], c);
    block(['', 'Region (suma)', ''], data.region);
    return toCsv(REGION_CSV_COLUMNS, lines);
  }
}
