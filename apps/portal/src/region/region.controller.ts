import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { PortalRoles } from '../platform/roles.guard.js';
import { formatMoney } from '../platform/views.js';
import { countyName } from '../calls/counties.js';
import {
  csvBody,
  indicatorChart,
  indicatorViews,
  type IndicatorInput,
} from '../staff-reports/chart.js';
import { FormErrors, text } from '../account/form-errors.js';

interface Breakdowns {
  indicators: IndicatorInput[];
  budget: number;
  counties: { county: string; countyName: string | null; indicators: IndicatorInput[] }[];
  years: { year: number; indicators: IndicatorInput[] }[];
}

interface RegionFigures {
  year: number | null;
  centres: (Breakdowns & { id: string; number: number; name: string; programmes: string[] })[];
  region: Breakdowns;
}

/** `?rok=2027`: a year 2000–2100, '' for every year, null when malformed. */
function yearOf(value: unknown): string | null {
  const y = text(value);
  if (y === '') return '';
  return /^\d{4}$/.test(y) && Number(y) >= 2000 && Number(y) <= 2100 ? y : null;
}

/**
 * The regional coordinator's page (`/region`, docs/tenancy.md#the-regional-coordinator): the
 * region's indicators against the sum of its centres' targets (chart and table), each centre
 * side by side, per county and per year, one year or all; CSV for Excel. Counts and money only:
 * the service gives no personal data and the page shows none.
 */
@Controller()
@PortalRoles('coordinator')
export class RegionController {
  @Get('region')
  async page(
    @Query('rok') rok: unknown,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const year = yearOf(rok);
    const errors = new FormErrors();
    if (year === null) errors.add('rok', ctx.t('region.filter.yearInvalid'));
    const result = await ctx.api.grants.get<RegionFigures>(
      `/api/region/indicators${year ? `?year=${year}` : ''}`,
    );
    if (!result.ok && errors.empty) errors.addApi(result, { year: 'rok' }, 'rok');
    const data = result.ok ? result.body : null;
    const views = (rows: IndicatorInput[]) => indicatorViews(rows, ctx.lang, ctx.t);
    const thisYear = Number(ctx.now.toISOString().slice(0, 4));
    const years = new Set<number>([thisYear - 1, thisYear, thisYear + 1]);
    for (const y of data?.region.years ?? []) years.add(y.year);
    const scope = year ? ctx.t('region.scope.year', { year }) : ctx.t('region.scope.all');
    res.status(errors.empty ? 200 : 400).render('region/region', {
      pageTitle: ctx.t('region.title'),
      errors: errors.fields,
      errorSummary: errors.summary(),
      year: year ?? text(rok),
      scope,
      yearItems: [
        { value: '', text: ctx.t('region.filter.allYears') },
        ...[...years]
          .sort((a, b) => b - a)
          .map((y) => ({ value: String(y), text: String(y), selected: String(y) === year })),
      ],
      csvHref: `/region.csv${year ? `?rok=${year}` : ''}`,
      region: data && {
        budget: formatMoney(data.region.budget, ctx.lang),
        chart: indicatorChart(
          'chart-region',
          ctx.t('region.chart.title', { scope }),
          data.region.indicators,
          ctx.lang,
          ctx.t,
        ),
        rows: views(data.region.indicators),
        counties: data.region.counties.map((c) => ({
          name: c.county ? countyName(c.county, ctx.lang) : ctx.t('region.noCounty'),
          rows: views(c.indicators),
        })),
        years: data.region.years.map((y) => ({ name: String(y.year), rows: views(y.indicators) })),
      },
      centres: (data?.centres ?? []).map((c) => ({
        id: `centre-${c.number}`,
        name: c.name,
        number: c.number,
        programmes: c.programmes.join(', '),
        budget: formatMoney(c.budget, ctx.lang),
        chart: indicatorChart(
          `chart-centre-${c.number}`,
          ctx.t('region.chart.centre', { name: c.name, scope }),
          c.indicators,
          ctx.lang,
          ctx.t,
        ),
        rows: views(c.indicators),
        counties: c.counties.map((k) => ({
          name: k.county ? countyName(k.county, ctx.lang) : ctx.t('region.noCounty'),
          rows: views(k.indicators),
        })),
      })),
    });
  }

  @Get('region.csv')
  async csv(
    @Query('rok') rok: unknown,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const year = yearOf(rok) || '';
    const result = await ctx.api.grants.get<string>(
      `/api/region/indicators?format=csv${year ? `&year=${year}` : ''}`,
    );
    if (!result.ok) {
      res.redirect(303, '/region');
      return;
    }
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'content-disposition',
        `attachment; filename="region-wskazniki${year ? `-${year}` : ''}.csv"`,
      )
      .send(csvBody(result.body));
  }
}
