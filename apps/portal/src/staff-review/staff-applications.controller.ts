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
import { workingDayTerm } from '@app/common/time/index.js';
import { FormErrors } from '../account/form-errors.js';
import { changeRow, formSections, type FormChange } from '../application-status/form-fields.js';
import { bodyOf, checkId, getVersions } from '../application-status/status-api.js';
import type { ApplicationBody, VersionBody } from '../application-status/status-model.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoment } from '../platform/views.js';
import {
  APPLICATION_STATES,
  linesOf,
  stateTag,
  type ConflictBody,
  type StaffCallBody,
} from './review-model.js';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECISIONS = ['accepted', 'corrections', 'rejected'] as const;

/** The list's filters as the page's query names them (`?stan=submitted&nabor=…&szukaj=…&strona=2`). */
interface ListFilters {
  stan?: string;
  nabor?: string;
  szukaj?: string;
  strona?: string;
}

/** What the formal check's form posts. */
interface FormalCheckForm {
  decyzja?: string;
  braki?: string;
  powody?: string;
  /** `tak` on the confirmation page: do it. */
  potwierdz?: string;
}

/** The service's answer's fields, on the page's fields. */
const FIELD_OF_PROBLEM = (path: string): string | undefined => {
  if (path.startsWith('issues')) return 'braki';
  if (path.startsWith('reasons')) return 'powody';
  if (path.startsWith('result')) return 'decyzja';
  return undefined;
};

/**
 * The centre's applications for its staff (issue #14): the list with filters, pages and a CSV
 * export; one application with its form, group, versions and the conflicts with other
 * applications; the formal check (accept, ask for corrections, reject), each with a
 * confirmation step.
 */
@Controller('biuro/wnioski')
@PortalRoles(...CENTRE_STAFF)
export class StaffApplicationsController {
  @Get()
  async list(
    @Query() query: ListFilters,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const filters = filtersOf(query);
    const params = apiParams(filters);
    params.set('page', String(filters.page));
    params.set('pageSize', String(PAGE_SIZE));
    const [page, calls] = await Promise.all([
      ctx.api.applications.get<{ items: ApplicationBody[]; total: number }>(
        `/api/applications?${params}`,
      ),
      staffCalls(ctx),
    ]);
    const items = page.ok ? page.body.items : [];
    const total = page.ok ? page.body.total : 0;
    const callName = new Map(calls.map((c) => [c.id, `${c.number}`]));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (n: number) => `/biuro/wnioski?${pageQuery(filters, n)}`;
    res.render('staff-review/list', {
      pageTitle: ctx.t('review.list.title'),
      filters,
      total,
      stateItems: [
        { value: '', text: ctx.t('review.list.anyState') },
        ...APPLICATION_STATES.map((s) => ({
          value: s,
          text: ctx.t(`review.state.${s}`),
          selected: filters.state === s,
        })),
      ],
      callItems: [
        { value: '', text: ctx.t('review.list.anyCall') },
        ...calls.map((c) => ({
          value: c.id,
          text: `${c.number} – ${c.title}`,
          selected: filters.callId === c.id,
        })),
      ],
      rows: items.map((a) => ({
        id: a.id,
        name: a.reference ?? ctx.t('review.list.draft'),
        entity: a.entityName ?? '',
        call: callName.get(a.callId) ?? '',
        tag: stateTag(a.state, ctx.t),
        submittedAt: a.submittedAt ? formatMoment(a.submittedAt, ctx.lang) : '',
        amount: a.amount?.totalFormatted ?? '',
      })),
      csvHref: `/biuro/wnioski/eksport.csv${(() => {
        const q = pageQuery(filters).toString();
        return q ? `?${q}` : '';
      })()}`,
      pagination:
        pages > 1
          ? {
              previous: filters.page > 1 ? { href: link(filters.page - 1) } : undefined,
              next: filters.page < pages ? { href: link(filters.page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, i) => ({
                number: i + 1,
                href: link(i + 1),
                current: i + 1 === filters.page,
              })),
              landmarkLabel: ctx.t('review.list.pages'),
            }
          : undefined,
      summary: ctx.t('review.list.summary', { total }),
    });
  }

  /** The CSV export of the applications matching the list's filters, with the person's token. */
  @Get('eksport.csv')
  async exportCsv(
    @Query() query: ListFilters,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const params = apiParams(filtersOf(query)).toString();
    const result = await ctx.api.applications.get<string>(
      `/api/applications/export.csv${params ? `?${params}` : ''}`,
    );
    const text = bodyOf(result);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="wnioski.csv"');
    res.setHeader('cache-control', 'no-store');
    // fetch's text() drops the byte order mark that tells Excel the file is UTF-8: put it back.
    res.send(text.startsWith('\uFEFF') ? text : `\uFEFF${text}`);
  }

  @Get(':id')
  async application(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await this.getApplication(ctx, id);
    const [versions, conflicts, call, group] = await Promise.all([
      app.version > 0 ? getVersions(ctx, app.id) : Promise.resolve([] as VersionBody[]),
      this.conflicts(ctx, app),
      this.call(ctx, app.callId),
      this.group(ctx, app),
    ]);
    const latest = versions[versions.length - 1];
    const form = latest?.form ?? app.form;
    res.render('staff-review/application', {
      pageTitle: ctx.t('review.app.title', {
        reference: app.reference ?? ctx.t('review.list.draft'),
      }),
      app,
      tag: stateTag(app.state, ctx.t),
      call,
      group,
      conflicts,
      corrections: app.corrections
        ? {
            ...app.corrections,
            deadline: formatMoment(app.corrections.deadline, ctx.lang),
            requestedAt: formatMoment(app.corrections.requestedAt, ctx.lang),
          }
        : null,
      decidedAt: app.decision ? formatMoment(app.decision.decidedAt, ctx.lang) : '',
      submittedAt: app.submittedAt ? formatMoment(app.submittedAt, ctx.lang) : '',
      versions: versions.map((v) => ({
        version: v.version,
        submittedAt: formatMoment(v.submittedAt, ctx.lang),
        changes: v.changes?.length ?? 0,
        diff: v.version > 1,
      })),
      sections: formSections(form, ctx.t, ctx.lang),
      canCheck: app.state === 'submitted',
    });
  }

  @Get(':id/wersje/:version')
  async version(
    @Param('id') id: string,
    @Param('version') version: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await this.getApplication(ctx, id);
    const versions = app.version > 0 ? await getVersions(ctx, app.id) : [];
    const n = Number(version);
    const current = versions.find((v) => v.version === n);
    const previous = versions.find((v) => v.version === n - 1);
    if (!current || !previous) throw new NotFoundException();
    res.render('staff-review/version', {
      pageTitle: ctx.t('review.version.title', { version: n }),
      app,
      current: { ...current, submittedAt: formatMoment(current.submittedAt, ctx.lang) },
      previous: { ...previous, submittedAt: formatMoment(previous.submittedAt, ctx.lang) },
      rows: (current.changes ?? []).map((c) => changeRow(c as FormChange, ctx.t, ctx.lang)),
    });
  }

  @Get(':id/ocena-formalna')
  async formalCheckForm(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await this.getApplication(ctx, id);
    await this.renderCheck(ctx, res, app, {});
  }

  /** "Change the decision" on the confirmation page: the form again, with what was typed. */
  @Post(':id/ocena-formalna/zmien')
  async changeCheck(
    @Param('id') id: string,
    @Body() body: FormalCheckForm,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await this.getApplication(ctx, id);
    await this.renderCheck(ctx, res, app, {
      decyzja: typeof body.decyzja === 'string' ? body.decyzja : '',
      braki: typeof body.braki === 'string' ? body.braki : '',
      powody: typeof body.powody === 'string' ? body.powody : '',
    });
  }

  @Post(':id/ocena-formalna')
  async formalCheck(
    @Param('id') id: string,
    @Body() body: FormalCheckForm,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const app = await this.getApplication(ctx, id);
    const values = {
      decyzja: typeof body.decyzja === 'string' ? body.decyzja : '',
      braki: typeof body.braki === 'string' ? body.braki : '',
      powody: typeof body.powody === 'string' ? body.powody : '',
    };
    if (app.state !== 'submitted') return this.renderCheck(ctx, res.status(409), app, values);
    const errors = new FormErrors();
    const decision = DECISIONS.find((d) => d === values.decyzja);
    const issues = linesOf(values.braki);
    const reasons = linesOf(values.powody);
    if (!decision) errors.add('decyzja', ctx.t('review.check.error.decision'));
    if (decision === 'corrections') {
      if (issues.length === 0) errors.add('braki', ctx.t('review.check.error.issues'));
      else if (issues.some((i) => i.length < 3))
        errors.add('braki', ctx.t('review.check.error.issueShort'));
    }
    if (decision === 'rejected') {
      if (reasons.length === 0) errors.add('powody', ctx.t('review.check.error.reasons'));
      else if (reasons.some((r) => r.length < 3))
        errors.add('powody', ctx.t('review.check.error.reasonShort'));
    }
    if (!errors.empty) return this.renderCheck(ctx, res.status(400), app, values, errors);

    if (body.potwierdz !== 'tak') {
      // The confirmation step: what will be done, then "confirm" or "change".
      const call = await this.call(ctx, app.callId);
      const term = call ? workingDayTerm(ctx.now, call.correctionTermWorkingDays) : undefined;
      const conflicts = decision === 'accepted' ? await this.conflicts(ctx, app) : [];
      return void res.render('staff-review/formal-check-confirm', {
        pageTitle: ctx.t(`review.confirm.title.${decision}`),
        app,
        decision,
        values,
        issues,
        reasons,
        conflicts,
        term: term
          ? {
              days: call!.correctionTermWorkingDays,
              lastDay: formatDay(term.lastDay, ctx.lang),
            }
          : undefined,
      });
    }

    const result = await ctx.api.applications.post<ApplicationBody>(
      `/api/applications/${app.id}/formal-check`,
      decision === 'corrections'
        ? { result: decision, issues: issues.map((description) => ({ description })) }
        : decision === 'rejected'
          ? { result: decision, reasons }
          : { result: decision },
    );
    if (result.status === 404) throw new NotFoundException();
    if (!result.ok) {
      const problems = ((result.body as { errors?: { path: string; message: string }[] })?.errors ??
        []) as { path: string; message: string }[];
      const message = (result.body as { message?: string })?.message ?? String(result.status);
      let placed = false;
      for (const p of problems) {
        const field = FIELD_OF_PROBLEM(p.path);
        if (field) {
          errors.add(field, p.message);
          placed = true;
        }
      }
      if (!placed) errors.add('decyzja', message);
      const fresh = await this.getApplication(ctx, id);
      return this.renderCheck(ctx, res.status(result.status), fresh, values, errors);
    }
    const reference = app.reference ?? '';
    req.session.flash = {
      kind: 'success',
      text: ctx.t(`review.check.done.${decision}`, {
        reference,
        day: result.body.corrections?.deadline
          ? formatMoment(result.body.corrections.deadline, ctx.lang)
          : '',
      }),
    };
    req.session.save(() => res.redirect(303, `/biuro/wnioski/${app.id}`));
  }

  private async renderCheck(
    ctx: PortalContext,
    res: Response,
    app: ApplicationBody,
    values: { decyzja?: string; braki?: string; powody?: string },
    errors: FormErrors = new FormErrors(),
  ): Promise<void> {
    const [conflicts, call] = await Promise.all([
      this.conflicts(ctx, app),
      this.call(ctx, app.callId),
    ]);
    const term = call ? workingDayTerm(ctx.now, call.correctionTermWorkingDays) : undefined;
    res.render('staff-review/formal-check', {
      pageTitle: ctx.t('review.check.title'),
      app,
      tag: stateTag(app.state, ctx.t),
      possible: app.state === 'submitted',
      conflicts,
      values,
      errors: errors.fields,
      errorSummary: errors.empty
        ? undefined
        : errors.summary({ decyzja: 'decyzja', braki: 'braki', powody: 'powody' }),
      term: term
        ? { days: call!.correctionTermWorkingDays, lastDay: formatDay(term.lastDay, ctx.lang) }
        : undefined,
    });
  }

  private async getApplication(ctx: PortalContext, id: string): Promise<ApplicationBody> {
    return bodyOf(
      await ctx.api.applications.get<ApplicationBody>(`/api/applications/${checkId(id)}`),
    );
  }

  /** The conflicts with other applications, each in the person's language. */
  private async conflicts(ctx: PortalContext, app: ApplicationBody) {
    if (app.state === 'draft') return [];
    const result = await ctx.api.applications.get<{ items: ConflictBody[] }>(
      `/api/applications/${app.id}/conflicts`,
    );
    if (!result.ok) return [];
    return result.body.items.map((c) => ({
      rule: c.rule,
      text: c.message[ctx.lang] ?? c.message.pl,
      others: c.conflictsWith.map((o) => ({
        href: `/biuro/wnioski/${o.applicationId}`,
        reference: o.reference,
        scope: ctx.t(`review.conflict.scope.${o.scope}`),
      })),
    }));
  }

  /** The call as grants keeps it for staff (number, title, the correction term). */
  private async call(ctx: PortalContext, callId: string): Promise<StaffCallBody | undefined> {
    const result = await ctx.api.grants.get<StaffCallBody>(`/api/calls/${callId}`);
    return result.ok ? result.body : undefined;
  }

  /** The initiative group the application is for, when it names one. */
  private async group(ctx: PortalContext, app: ApplicationBody) {
    const applicant = (app.form?.applicant ?? {}) as { groupId?: unknown };
    if (typeof applicant.groupId !== 'string' || !UUID.test(applicant.groupId)) return undefined;
    const result = await ctx.api.applications.get<{
      id: string;
      name: string | null;
      state: string;
      plannedLegalForm: string | null;
      form: { members?: { kind?: string; fullName?: string; name?: string }[] };
    }>(`/api/initiative-groups/${applicant.groupId}`);
    if (!result.ok) return undefined;
    const g = result.body;
    return {
      id: g.id,
      name: g.name ?? '',
      state: ctx.t(`groups.state.${g.state}`),
      members: (g.form?.members ?? []).map((m) => m.fullName ?? m.name ?? '').filter(Boolean),
    };
  }
}

/** The list's filters, checked: an unknown state or call is no filter. */
function filtersOf(query: ListFilters) {
  const state = APPLICATION_STATES.find((s) => s === query.stan);
  const callId = typeof query.nabor === 'string' && UUID.test(query.nabor) ? query.nabor : '';
  const q = typeof query.szukaj === 'string' ? query.szukaj.trim().slice(0, 200) : '';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.strona ?? '1'), 10) || 1));
  return { state: state ?? '', callId, q, page };
}

/** The filters as the applications service's query names them. */
function apiParams(f: ReturnType<typeof filtersOf>): URLSearchParams {
  const params = new URLSearchParams();
  if (f.callId) params.set('callId', f.callId);
  if (f.state) params.set('state', f.state);
  if (f.q) params.set('q', f.q);
  return params;
}

/** The page's own query (for another page of the list, or the CSV without a page). */
function pageQuery(f: ReturnType<typeof filtersOf>, page?: number): string {
  const params = new URLSearchParams();
  if (f.state) params.set('stan', f.state);
  if (f.callId) params.set('nabor', f.callId);
  if (f.q) params.set('szukaj', f.q);
  if (page !== undefined) params.set('strona', String(page));
  return params.toString();
}

/** The centre's calls (grants, staff view), newest first. */
export async function staffCalls(ctx: PortalContext): Promise<StaffCallBody[]> {
  const result = await ctx.api.grants.get<{ items: StaffCallBody[] }>('/api/calls');
  if (!result.ok) return [];
  return result.body.items.slice().sort((a, b) => b.closesAt.localeCompare(a.closesAt));
}
