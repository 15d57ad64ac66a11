import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { pluralEn, pluralPl } from '@app/common/i18n/plural.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { formatMoney } from '../platform/views.js';
import { countyGroups, countyName, isCounty } from './counties.js';

declare module 'express-session' {
  interface SessionData {
    /** The county chosen on /nabory (TERYT code), remembered for the calls and the group form. */
    county?: string;
  }
}

/** A call as applications' `GET /api/calls` answers it. */
export interface CallView {
  id: string;
  number: string;
  centreId?: string;
  title: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  budget: number;
  counties: string[];
  fundingModel: Record<string, any> | null;
  maxJobsPerEntity: number;
  correctionTermWorkingDays: number;
  appealTermWorkingDays: number;
}

/** A centre as applications' public `GET /api/centres` answers it. */
export interface CentreView {
  id: string;
  number: number;
  name: string;
  voivodeship: string;
  counties: string[];
  address?: string | null;
  contact: { email?: string | null; phone?: string | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A call closing within this long carries a warning. */
const CLOSING_SOON = 3 * DAY;

/** `n` with its unit in the person's language ('2 dni', '5 godzin', '1 hour'). */
export function countOf(
  ctx: Pick<PortalContext, 'lang' | 't'>,
  n: number,
  unit: 'day' | 'hour' | 'month' | 'workingDay',
): string {
  const forms = {
    one: ctx.t(`calls.unit.${unit}.one`),
    few: ctx.t(`calls.unit.${unit}.few`),
    many: ctx.t(`calls.unit.${unit}.many`),
  };
  const word =
    ctx.lang === 'en' ? pluralEn(n, { one: forms.one, other: forms.many }) : pluralPl(n, forms);
  return `${n} ${word}`;
}

/** "Nabór zamyka się za 2 dni" when the call closes within three days of now; else null. */
export function closingSoon(
  ctx: Pick<PortalContext, 'lang' | 't'>,
  closesAt: string,
  now: Date,
): string | null {
  const left = new Date(closesAt).getTime() - now.getTime();
  if (left <= 0 || left > CLOSING_SOON) return null;
  const count =
    left >= DAY
      ? countOf(ctx, Math.floor(left / DAY), 'day')
      : countOf(ctx, Math.max(1, Math.ceil(left / HOUR)), 'hour');
  return ctx.t('calls.closingSoon', { count });
}

/** The funding model in words, with its main figures. */
export function fundingInWords(
  ctx: Pick<PortalContext, 'lang' | 't'>,
  model: Record<string, any> | null,
  money: (grosze: number) => string,
): { summary: string; figures: string[] } {
  if (model?.kind === 'unit-rates') {
    const rates = [...((model.rates as any[]) ?? [])].sort((a, b) =>
      String(b.validFrom).localeCompare(String(a.validFrom)),
    );
    const latest = rates[0];
    return {
      summary: ctx.t('calls.funding.unit-rates'),
      figures: latest
        ? [
            ctx.t('calls.funding.creationRate', { amount: money(latest.creation) }),
            ctx.t('calls.funding.maintenanceRate', { amount: money(latest.maintenance?.full) }),
          ]
        : [],
    };
  }
  if (model?.kind === 'grant-bridging') {
    return {
      summary: ctx.t('calls.funding.grant-bridging'),
      figures: [
        ctx.t('calls.funding.grantCap', { amount: money(model.grantCapPerJob) }),
        ctx.t('calls.funding.bridging', {
          amount: money(model.bridging?.monthlyCap),
          months: countOf(ctx, Number(model.bridging?.months ?? 0), 'month'),
        }),
      ],
    };
  }
  return { summary: ctx.t('calls.funding.unknown'), figures: [] };
}

/** The counties a centre serves as far as the public record tells (its own, else its calls'). */
function servesCounty(centre: CentreView, calls: CallView[], county: string): boolean {
  if (centre.counties.includes(county)) return true;
  return (
    centre.counties.length === 0 &&
    calls.some((c) => c.centreId === centre.id && c.counties.includes(county))
  );
}

/**
 * The calls pages (docs/portal.md): the open calls of the centres serving the person's county
 * (asked first, remembered in the session), and a call's details with "start an application".
 * Public: no sign-in needed.
 */
@Controller()
export class CallsController {
  @Get('nabory')
  async list(
    @Query('zmien') change: string | undefined,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const county = req.session.county;
    if (!county || change === '1') {
      return res.render('calls/county', {
        pageTitle: ctx.t('calls.list.title'),
        groups: countyGroups(ctx.lang),
        value: county,
      });
    }
    const [calls, centres] = await Promise.all([
      ctx.api.applications.get<{ items: CallView[] }>('/api/calls'),
      ctx.api.applications.get<{ items: CentreView[] }>('/api/centres'),
    ]);
    const allCalls = calls.ok ? calls.body.items : [];
    const allCentres = centres.ok ? centres.body.items : [];
    const byId = new Map(allCentres.map((c) => [c.id, c]));
    const serving = allCentres.filter((c) => servesCounty(c, allCalls, county));
    const found = allCalls
      .filter((call) => {
        if (!call.open) return false;
        const centre = call.centreId ? byId.get(call.centreId) : undefined;
        // Only the calls of active centres (the public list holds the active ones).
        if (call.centreId && !centre) return false;
        return (
          call.counties.includes(county) ||
          (centre !== undefined && serving.some((c) => c.id === centre.id))
        );
      })
      .map((call) => ({
        ...call,
        centreName: call.centreId ? byId.get(call.centreId)?.name : undefined,
        fundingSummary: fundingInWords(ctx, call.fundingModel, String).summary,
        warning: closingSoon(ctx, call.closesAt, ctx.now),
      }));
    res.render('calls/list', {
      pageTitle: ctx.t('calls.list.title'),
      county,
      countyName: countyName(county, ctx.lang),
      calls: found,
      serving,
      centres: allCentres.map((c) => ({
        ...c,
        countyNames: c.counties.map((code) => countyName(code, ctx.lang)),
      })),
    });
  }

  @Post('nabory')
  chooseCounty(
    @Body() body: { powiat?: string },
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    if (!isCounty(body.powiat)) {
      const text = ctx.t('calls.county.missing');
      return res.status(400).render('calls/county', {
        pageTitle: ctx.t('calls.list.title'),
        groups: countyGroups(ctx.lang),
        error: { text },
        errorSummary: [{ text, href: '#powiat' }],
      });
    }
    req.session.county = body.powiat;
    req.session.save(() => res.redirect(303, '/nabory'));
  }

  @Get('nabory/:id')
  async call(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.applications.get<CallView>(`/api/calls/${id}`);
    if (!found.ok) throw new NotFoundException();
    const call = found.body;
    const centre = call.centreId
      ? await ctx.api.applications.get<CentreView>(`/api/centres/${call.centreId}`)
      : undefined;
    const funding = fundingInWords(ctx, call.fundingModel, (g) => formatMoney(g, ctx.lang));
    const now = ctx.now.getTime();
    res.render('calls/call', {
      pageTitle: call.title,
      call,
      centre: centre?.ok ? centre.body : undefined,
      funding,
      countyNames: call.counties.map((code) => countyName(code, ctx.lang)),
      warning: closingSoon(ctx, call.closesAt, ctx.now),
      closed: new Date(call.closesAt).getTime() <= now,
      notYetOpen: new Date(call.opensAt).getTime() > now,
      correctionTerm: countOf(ctx, call.correctionTermWorkingDays, 'workingDay'),
      appealTerm: countOf(ctx, call.appealTermWorkingDays, 'workingDay'),
    });
  }
}
