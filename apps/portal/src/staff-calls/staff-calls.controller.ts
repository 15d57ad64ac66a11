import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormErrors, codeOf, saveAndRedirect, text } from '../account/form-errors.js';
import { countOf, fundingInWords } from '../calls/calls.controller.js';
import { countyGroups, countyName } from '../calls/counties.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatMoney } from '../platform/views.js';
import type { ApiProblem } from '../platform/api.js';
import {
  TARGETS,
  applyProgrammeRowAction,
  newProgrammePage,
  programmeField,
  programmeFromBody,
  programmePage,
  toProgrammeDto,
  type ProgrammeFormPage,
} from './programme-form.js';
import {
  NUMBER_FIELDS,
  applyRowAction,
  callPage,
  newCallPage,
  nextKey,
  pageFromBody,
  placeProblems,
  toCallDto,
  type CallFormPage,
  type StaffCallView,
} from './call-form.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A programme as grants' `GET /api/programmes` answers it. */
export interface ProgrammeView {
  id: string;
  centreId: string;
  name: string;
  counties: string[];
  yearlyBudgets: { year: number; amount: number; amountFormatted: string }[];
  targets: Record<string, number>;
}

/** A member of a call's evaluator pool, as grants answers it. */
interface PoolMember {
  userId: string;
  email: string;
  name: string;
  language: 'pl' | 'en';
  trainerOrAdviser: boolean;
  chair: boolean;
  addedAt: string;
}

/** The tag of a call's state on the staff's pages. */
export function callState(
  ctx: Pick<PortalContext, 't' | 'now'>,
  call: Pick<StaffCallView, 'status' | 'opensAt' | 'closesAt' | 'rankingApprovedAt'>,
): { text: string; classes: string } {
  const now = ctx.now.getTime();
  if (call.status === 'draft')
    return { text: ctx.t('staffCalls.state.draft'), classes: 'govuk-tag--grey' };
  if (call.rankingApprovedAt)
    return { text: ctx.t('staffCalls.state.ranked'), classes: 'govuk-tag--purple' };
  if (new Date(call.closesAt).getTime() <= now)
    return { text: ctx.t('staffCalls.state.closed'), classes: 'govuk-tag--orange' };
  if (new Date(call.opensAt).getTime() > now)
    return { text: ctx.t('staffCalls.state.scheduled'), classes: 'govuk-tag--blue' };
  return { text: ctx.t('staffCalls.state.open'), classes: 'govuk-tag--green' };
}

/**
 * Centre staff's calls (docs/portal.md): the centre's programmes and calls, a call's form (new
 * and edit, its rules read-only once a form was submitted), its summary with publication, and
 * its evaluator pool with the chair. The grants service decides every rule; its problems are
 * shown on the form's fields.
 */
@Controller('biuro/nabory')
@PortalRoles(...CENTRE_STAFF)
export class StaffCallsController {
  @Get()
  async list(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const [calls, programmes] = await Promise.all([
      ctx.api.grants.get<{ items: StaffCallView[] }>('/api/calls'),
      ctx.api.grants.get<{ items: ProgrammeView[] }>('/api/programmes'),
    ]);
    const all = calls.ok ? calls.body.items : [];
    const progs = programmes.ok ? programmes.body.items : [];
    const names = new Map(progs.map((p) => [p.id, p.name]));
    res.render('staff-calls/list', {
      pageTitle: ctx.t('staffCalls.list.title'),
      calls: all.map((c) => ({
        ...c,
        state: callState(ctx, c),
        programmeName: c.programmeId ? names.get(c.programmeId) : undefined,
      })),
      programmes: progs.map((p) => ({
        ...p,
        countyNames: p.counties.map((code) => countyName(code, ctx.lang)),
      })),
    });
  }

  @Get('nowy')
  async newForm(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const programmes = await this.programmes(ctx);
    const page = newCallPage(programmes.length === 1 ? programmes[0].counties : []);
    if (programmes.length === 1) page.programmeId = programmes[0].id;
    this.renderForm(ctx, res, { page, programmes });
  }

  @Post('nowy')
  async create(
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const page = pageFromBody(body);
    const programmes = await this.programmes(ctx);
    if (applyRowAction(page, text(body.action))) {
      return this.renderForm(ctx, res, { page, programmes, focus: text(body.action) });
    }
    const { dto, problems } = toCallDto(page, ctx.t);
    if (problems.length) {
      return this.renderForm(ctx, res, { page, programmes, problems }, 400);
    }
    const created = await ctx.api.grants.post<StaffCallView>('/api/calls', dto);
    if (!created.ok) {
      return this.renderForm(
        ctx,
        res,
        { page, programmes, problems: this.serviceProblems(ctx, page, created) },
        created.status,
      );
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('staffCalls.flash.created', { number: created.body.number }),
    };
    saveAndRedirect(req, res, `/biuro/nabory/${created.body.id}`);
  }

  @Get('programy/nowy')
  newProgramme(@Portal() ctx: PortalContext, @Res() res: Response): void {
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(ctx.now),
    );
    this.renderProgramme(ctx, res, { page: newProgrammePage(year) });
  }

  @Post('programy/nowy')
  async createProgramme(
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.saveProgramme(ctx, req, res, body, undefined);
  }

  @Get('programy/:programmeId')
  async editProgramme(
    @Param('programmeId') programmeId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const programme = await this.programme(ctx, programmeId);
    this.renderProgramme(ctx, res, { page: programmePage(programme), programme });
  }

  @Post('programy/:programmeId')
  async updateProgramme(
    @Param('programmeId') programmeId: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.saveProgramme(ctx, req, res, body, await this.programme(ctx, programmeId));
  }

  @Get(':id')
  async summary(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    const [pool, programmes] = await Promise.all([
      ctx.api.grants.get<{ items: PoolMember[] }>(`/api/calls/${id}/evaluators`),
      this.programmes(ctx),
    ]);
    res.render('staff-calls/summary', {
      pageTitle: `${call.number} — ${call.title}`,
      ...this.summaryModel(ctx, call, programmes),
      pool: pool.ok ? pool.body.items : [],
    });
  }

  @Get(':id/publikacja')
  async confirmPublish(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    if (call.status === 'published') return res.redirect(303, `/biuro/nabory/${id}`);
    res.render('staff-calls/publish', {
      pageTitle: ctx.t('staffCalls.publish.title', { number: call.number }),
      call,
      closed: new Date(call.closesAt).getTime() <= ctx.now.getTime(),
    });
  }

  @Post(':id/publikacja')
  async publish(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    const published = await ctx.api.grants.post<StaffCallView>(`/api/calls/${id}/publish`);
    if (!published.ok) {
      const message =
        (published.body as { message?: string } | undefined)?.message ?? String(published.status);
      return res.status(published.status).render('staff-calls/publish', {
        pageTitle: ctx.t('staffCalls.publish.title', { number: call.number }),
        call,
        errorSummary: [{ text: message, href: '#publish' }],
      });
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('staffCalls.flash.published', { number: call.number }),
    };
    saveAndRedirect(req, res, `/biuro/nabory/${id}`);
  }

  @Get(':id/edycja')
  async editForm(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    const programmes = await this.programmes(ctx);
    if (call.rulesLocked) return this.renderLocked(ctx, res, call, programmes);
    this.renderForm(ctx, res, { page: callPage(call), programmes, call });
  }

  @Post(':id/edycja')
  async update(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    const programmes = await this.programmes(ctx);
    if (call.rulesLocked) return this.renderLocked(ctx, res, call, programmes, 409);
    const page = pageFromBody(body);
    if (applyRowAction(page, text(body.action))) {
      return this.renderForm(ctx, res, { page, programmes, call, focus: text(body.action) });
    }
    const { dto, problems } = toCallDto(page, ctx.t);
    if (problems.length)
      return this.renderForm(ctx, res, { page, programmes, call, problems }, 400);
    if (!page.programmeId) dto.programmeId = undefined;
    const updated = await ctx.api.grants.patch<StaffCallView>(`/api/calls/${id}`, dto);
    if (!updated.ok) {
      if (codeOf(updated) === 'CALL_RULES_LOCKED') {
        return this.renderLocked(ctx, res, { ...call, rulesLocked: true }, programmes, 409);
      }
      return this.renderForm(
        ctx,
        res,
        { page, programmes, call, problems: this.serviceProblems(ctx, page, updated) },
        updated.status,
      );
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('staffCalls.flash.updated', { number: updated.body.number }),
    };
    saveAndRedirect(req, res, `/biuro/nabory/${id}`);
  }

  @Get(':id/oceniajacy')
  async pool(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    await this.renderPool(ctx, res, call, { values: { trainerOrAdviser: 'no' } });
  }

  @Post(':id/oceniajacy')
  async addToPool(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const call = await this.call(ctx, id);
    const action = text(body.action);
    const chairOf = /^chair-([0-9a-f-]{36})$/i.exec(action);
    if (chairOf) {
      // Name an evaluator of the pool the chair (the service keeps one chair per call).
      const pool = await ctx.api.grants.get<{ items: PoolMember[] }>(`/api/calls/${id}/evaluators`);
      const member = pool.ok ? pool.body.items.find((m) => m.userId === chairOf[1]) : undefined;
      if (!member) throw new NotFoundException();
      const saved = await ctx.api.grants.post(`/api/calls/${id}/evaluators`, {
        userId: member.userId,
        email: member.email,
        name: member.name,
        language: member.language,
        trainerOrAdviser: member.trainerOrAdviser,
        chair: true,
      });
      if (!saved.ok) {
        const errors = new FormErrors().addApi(saved, {}, 'email');
        return this.renderPool(ctx, res, call, { errors, values: {} }, saved.status);
      }
      req.session.flash = {
        kind: 'success',
        text: ctx.t('staffCalls.pool.flash.chair', { name: member.name }),
      };
      return saveAndRedirect(req, res, `/biuro/nabory/${id}/oceniajacy`);
    }
    const values = {
      email: text(body.email),
      name: text(body.name),
      trainerOrAdviser: text(body.trainerOrAdviser),
      chair: text(body.chair),
    };
    const errors = new FormErrors();
    if (!values.email) errors.add('email', ctx.t('staffCalls.pool.error.email'));
    if (values.trainerOrAdviser !== 'yes' && values.trainerOrAdviser !== 'no') {
      errors.add('trainerOrAdviser', ctx.t('staffCalls.pool.error.trainer'));
    }
    let account: { id: string; fullName: string; language: 'pl' | 'en' } | undefined;
    if (values.email) {
      const found = await ctx.api.applications.get<{
        items: { id: string; fullName: string; language: 'pl' | 'en' }[];
      }>(`/api/evaluators?email=${encodeURIComponent(values.email)}`);
      if (!found.ok) errors.addApi(found, { email: 'email' }, 'email');
      else if (found.body.items.length === 0) {
        errors.add('email', ctx.t('staffCalls.pool.error.noAccount'));
      } else account = found.body.items[0];
    }
    if (!errors.empty || !account) {
      return this.renderPool(ctx, res, call, { errors, values }, 400);
    }
    const name = values.name || account.fullName;
    const saved = await ctx.api.grants.post(`/api/calls/${id}/evaluators`, {
      userId: account.id,
      email: values.email,
      name,
      language: account.language,
      trainerOrAdviser: values.trainerOrAdviser === 'yes',
      chair: values.chair === 'yes',
    });
    if (!saved.ok) {
      errors.addApi(
        saved,
        { email: 'email', name: 'name', trainerOrAdviser: 'trainerOrAdviser', chair: 'chair' },
        'email',
      );
      return this.renderPool(ctx, res, call, { errors, values }, saved.status);
    }
    req.session.flash = { kind: 'success', text: ctx.t('staffCalls.pool.flash.added', { name }) };
    saveAndRedirect(req, res, `/biuro/nabory/${id}/oceniajacy`);
  }

  // ── helpers ──

  private async call(ctx: PortalContext, id: string): Promise<StaffCallView> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.grants.get<StaffCallView>(`/api/calls/${id}`);
    if (!found.ok) throw new NotFoundException();
    return found.body;
  }

  private async programme(ctx: PortalContext, id: string): Promise<ProgrammeView> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.grants.get<ProgrammeView>(`/api/programmes/${id}`);
    if (!found.ok) throw new NotFoundException();
    return found.body;
  }

  private async saveProgramme(
    ctx: PortalContext,
    req: Request,
    res: Response,
    body: Record<string, unknown>,
    programme: ProgrammeView | undefined,
  ): Promise<void> {
    const page = programmeFromBody(body);
    const action = text(body.action);
    if (applyProgrammeRowAction(page, action)) {
      return this.renderProgramme(ctx, res, {
        page,
        programme,
        focus: action.includes('county') ? 'counties' : 'budgets',
      });
    }
    const { dto, problems } = toProgrammeDto(page, ctx.t);
    if (problems.length) return this.renderProgramme(ctx, res, { page, programme, problems }, 400);
    const saved = programme
      ? await ctx.api.grants.patch<ProgrammeView>(`/api/programmes/${programme.id}`, dto)
      : await ctx.api.grants.post<ProgrammeView>('/api/programmes', dto);
    if (!saved.ok) {
      const answer = (saved.body ?? {}) as { message?: string; errors?: ApiProblem[] };
      const found = Array.isArray(answer.errors) ? answer.errors : [];
      const placed = found.length
        ? found.map((p) => ({ field: programmeField(page, p), text: p.message }))
        : [{ field: 'name', text: answer.message ?? ctx.t('staffCalls.error.unknown') }];
      return this.renderProgramme(ctx, res, { page, programme, problems: placed }, saved.status);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('staffCalls.programme.saved', { name: saved.body.name }),
    };
    saveAndRedirect(req, res, '/biuro/nabory');
  }

  private renderProgramme(
    ctx: PortalContext,
    res: Response,
    model: {
      page: ProgrammeFormPage;
      programme?: ProgrammeView;
      problems?: { field: string; text: string }[];
      focus?: string;
    },
    status = 200,
  ): void {
    const errors = new FormErrors();
    for (const p of model.problems ?? []) errors.add(p.field, p.text);
    res.status(status).render('staff-calls/programme', {
      pageTitle: model.programme
        ? ctx.t('staffCalls.programme.editTitle', { name: model.programme.name })
        : ctx.t('staffCalls.programme.newTitle'),
      programme: model.programme,
      action: model.programme
        ? `/biuro/nabory/programy/${model.programme.id}`
        : '/biuro/nabory/programy/nowy',
      page: model.page,
      targets: TARGETS,
      countyGroups: countyGroups(ctx.lang),
      errors: errors.fields,
      errorSummary: errors.summary(),
      focus: model.focus,
    });
  }

  private async programmes(ctx: PortalContext): Promise<ProgrammeView[]> {
    const found = await ctx.api.grants.get<{ items: ProgrammeView[] }>('/api/programmes');
    return found.ok ? found.body.items : [];
  }

  private serviceProblems(
    ctx: PortalContext,
    page: CallFormPage,
    result: { status: number; body: unknown },
  ): { field: string; text: string }[] {
    const body = (result.body ?? {}) as { message?: string; errors?: ApiProblem[]; code?: string };
    const problems = Array.isArray(body.errors) ? body.errors : [];
    if (problems.length) return placeProblems(page, problems);
    const field =
      body.code === 'CALL_NUMBER_TAKEN'
        ? 'number'
        : body.code === 'CALL_ALREADY_CLOSED'
          ? 'closes-day'
          : 'number';
    return [{ field, text: body.message ?? ctx.t('staffCalls.error.unknown') }];
  }

  private renderForm(
    ctx: PortalContext,
    res: Response,
    model: {
      page: CallFormPage;
      programmes: ProgrammeView[];
      call?: StaffCallView;
      problems?: { field: string; text: string }[];
      focus?: string;
    },
    status = 200,
  ): void {
    const errors = new FormErrors();
    for (const p of model.problems ?? []) errors.add(p.field, p.text);
    const { page } = model;
    res.status(status).render('staff-calls/form', {
      pageTitle: model.call
        ? ctx.t('staffCalls.form.editTitle', { number: model.call.number })
        : ctx.t('staffCalls.form.newTitle'),
      call: model.call,
      action: model.call ? `/biuro/nabory/${model.call.id}/edycja` : '/biuro/nabory/nowy',
      page,
      programmes: model.programmes,
      countyGroups: countyGroups(ctx.lang),
      numberFields: NUMBER_FIELDS,
      errors: errors.fields,
      errorSummary: errors.summary(),
      nextKeys: {
        criterion: nextKey(page.criteria),
        county: nextKey(page.counties),
        rate: nextKey(page.rates),
      },
      // After a row was added or removed without JavaScript, the page opens at that list.
      focus: model.focus
        ? model.focus.includes('criterion')
          ? 'criteria'
          : model.focus.includes('county')
            ? 'counties'
            : 'rates'
        : undefined,
    });
  }

  private summaryModel(ctx: PortalContext, call: StaffCallView, programmes: ProgrammeView[]) {
    const money = (g: number) => formatMoney(g, ctx.lang);
    const funding = fundingInWords(ctx, call.fundingModel, money);
    const rates: any[] =
      call.fundingModel?.kind === 'unit-rates' && Array.isArray(call.fundingModel.rates)
        ? call.fundingModel.rates
        : [];
    return {
      call,
      state: callState(ctx, call),
      funding,
      rates: rates.map((r) => ({
        validFrom: r.validFrom,
        creation: money(r.creation),
        full: money(r.maintenance?.full),
        threeQuarters: money(r.maintenance?.threeQuarters),
        half: money(r.maintenance?.half),
      })),
      totalPoints: call.criteria.reduce((sum, c) => sum + c.maxPoints, 0),
      countyNames: call.counties.map((code) => countyName(code, ctx.lang)),
      programmeName: programmes.find((p) => p.id === call.programmeId)?.name,
      terms: {
        correction: countOf(ctx, call.correctionTermWorkingDays, 'workingDay'),
        appeal: countOf(ctx, call.appealTermWorkingDays, 'workingDay'),
        evaluation: countOf(ctx, call.evaluationTermWorkingDays, 'workingDay'),
        funded: countOf(ctx, call.fundedMonths, 'month'),
        durability: countOf(ctx, call.durabilityMonths, 'month'),
        refill: countOf(ctx, call.refillMonths, 'month'),
        reportDue: countOf(ctx, call.reportDueDays, 'day'),
        refundDue: countOf(ctx, call.refundDueDays, 'day'),
      },
    };
  }

  private renderLocked(
    ctx: PortalContext,
    res: Response,
    call: StaffCallView,
    programmes: ProgrammeView[],
    status = 200,
  ): void {
    res.status(status).render('staff-calls/locked', {
      pageTitle: ctx.t('staffCalls.form.editTitle', { number: call.number }),
      ...this.summaryModel(ctx, call, programmes),
    });
  }

  private async renderPool(
    ctx: PortalContext,
    res: Response,
    call: StaffCallView,
    form: { errors?: FormErrors; values: Record<string, string> },
    status = 200,
  ): Promise<void> {
    const pool = await ctx.api.grants.get<{ items: PoolMember[] }>(
      `/api/calls/${call.id}/evaluators`,
    );
    const errors = form.errors ?? new FormErrors();
    res.status(status).render('staff-calls/pool', {
      pageTitle: ctx.t('staffCalls.pool.title', { number: call.number }),
      call,
      pool: pool.ok ? pool.body.items : [],
      values: form.values,
      errors: errors.fields,
      errorSummary: errors.summary({ trainerOrAdviser: 'trainerOrAdviser' }),
    });
  }
}
