import { Controller, Get, NotFoundException, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { countyName } from '../calls/counties.js';
import { csvBody, indicatorChart, indicatorViews, type IndicatorInput } from './chart.js';
import { isAuditedKind } from './audit-link.js';
import { trail, type AuditEntryBody } from './audit-trail.js';

interface ProgrammeIndicators {
  centreId: string;
  centreName: string | null;
  programmeId: string | null;
  name: string | null;
  indicators: IndicatorInput[];
  counties: { county: string; countyName: string | null; indicators: IndicatorInput[] }[];
}

/** The staff page of a record, where one exists. */
const RECORD_PAGES: Partial<Record<string, (id: string) => string>> = {
  application: (id) => `/biuro/wnioski/${id}`,
  call: (id) => `/biuro/nabory/${id}`,
  award: (id) => `/biuro/umowy/${id}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Centre staff's reports (docs/portal.md): the centre's indicators against its programmes'
 * targets (chart, table, CSV) and the audit trail of any record. The services decide what the
 * person may see (their centres' rows only); the pages show what they answer.
 */
@Controller('biuro')
@PortalRoles(...CENTRE_STAFF)
export class StaffReportsController {
  @Get('wskazniki')
  async indicators(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const result = await ctx.api.grants.get<{ items: ProgrammeIndicators[] }>('/api/indicators');
    const items = result.ok ? result.body.items : [];
    const programmes = items.map((p, n) => {
      const title = p.name ?? ctx.t('staffReports.indicators.noProgramme');
      return {
        id: `programme-${n + 1}`,
        title,
        centre: p.centreName ?? '',
        chart: indicatorChart(
          `chart-${n + 1}`,
          ctx.t('staffReports.chart.title', { name: title }),
          p.indicators,
          ctx.lang,
          ctx.t,
        ),
        rows: indicatorViews(p.indicators, ctx.lang, ctx.t),
        counties: p.counties.map((c) => ({
          name: c.county
            ? countyName(c.county, ctx.lang)
            : ctx.t('staffReports.indicators.noCounty'),
          rows: indicatorViews(c.indicators, ctx.lang, ctx.t),
        })),
      };
    });
    res.render('staff-reports/indicators', {
      pageTitle: ctx.t('staffReports.indicators.title'),
      programmes,
    });
  }

  @Get('wskazniki.csv')
  async indicatorsCsv(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const result = await ctx.api.grants.get<string>('/api/indicators?format=csv');
    if (!result.ok) throw new NotFoundException();
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', 'attachment; filename="wskazniki.csv"')
      .send(csvBody(result.body));
  }

  /**
   * `/biuro/historia?typ=application&id=…`: the record's audit trail. An application's joins the
   * applications service's entries (submission, formal check, corrections) and the grants
   * service's (evaluation, decision); another centre's record, or one with no history, is a 404.
   */
  @Get('historia')
  async history(
    @Query('typ') type: unknown,
    @Query('id') id: unknown,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    if (!isAuditedKind(type) || typeof id !== 'string' || !UUID.test(id)) {
      throw new NotFoundException();
    }
    const query = `/api/audit?entityType=${encodeURIComponent(type)}&entityId=${id}`;
    const fromApplications = type === 'application' || type === 'initiative-group';
    const fromGrants = type !== 'initiative-group';
    const [apps, grants] = await Promise.all([
      fromApplications
        ? ctx.api.applications.get<{ items: AuditEntryBody[] }>(`${query}&pageSize=200`)
        : null,
      fromGrants ? ctx.api.grants.get<{ items: AuditEntryBody[] }>(`${query}&limit=500`) : null,
    ]);
    const entries = [
      ...(apps?.ok ? apps.body.items.map((e) => ({ ...e, service: 'applications' as const })) : []),
      ...(grants?.ok ? grants.body.items.map((e) => ({ ...e, service: 'grants' as const })) : []),
    ];
    if (entries.length === 0) throw new NotFoundException();
    const names = new Map<string, string>();
    if (ctx.user?.roles.includes('admin')) {
      // A centre admin may read its staff's names; an operator sees its own only.
      const users = await ctx.api.applications.get<{ items: { id: string; fullName: string }[] }>(
        '/api/users?pageSize=200',
      );
      if (users.ok) for (const u of users.body.items) names.set(u.id, u.fullName);
    }
    if (ctx.user) names.set(ctx.user.id, ctx.user.name);
    res.render('staff-reports/history', {
      pageTitle: ctx.t('staffReports.audit.title'),
      kind: ctx.t(`staffReports.audit.kind.${type}`),
      id,
      recordHref: RECORD_PAGES[type]?.(id),
      entries: trail(entries, names, ctx.lang, ctx.t),
    });
  }
}
