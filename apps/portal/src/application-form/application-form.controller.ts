import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { SignedInGuard } from '../platform/signed-in.guard.js';
import { formatMoney } from '../platform/views.js';
import type { ApiProblem } from '../platform/api.js';
import { amountOf, type ApplicationView, type CallView } from './amount.js';
import {
  APPLICANT_KINDS,
  BUDGET_CATEGORIES,
  BUSINESS_PLAN_PARTS,
  DECLARATIONS,
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  LEGAL_FORMS,
  PROOF_KINDS,
  WORKING_TIMES,
  BUSINESS_PLAN_MAX,
  BUSINESS_PLAN_MIN,
  SECTIONS,
  fieldIds,
  mergeSection,
  parseSection,
  problemTarget,
  sectionBySlug,
  sectionOfPath,
  sectionStatus,
  valuesFromForm,
  type LocalProblem,
  type SectionDef,
} from './form-sections.js';
import { checkAnswers } from './check-answers.js';

declare module 'express-session' {
  interface SessionData {
    /** The last full validation's problems per application (a 422 of submit), for the statuses. */
    formProblems?: Record<string, ApiProblem[]>;
  }
}

/** The options of the radios and selects, by the templates' names. */
const CHOICES = {
  kinds: APPLICANT_KINDS,
  legalForms: LEGAL_FORMS,
  workingTimes: WORKING_TIMES,
  statuses: ELIGIBILITY_STATUSES,
  proofs: PROOF_KINDS,
  degrees: DISABILITY_DEGREES,
  categories: BUDGET_CATEGORIES,
  planParts: BUSINESS_PLAN_PARTS,
  declarations: DECLARATIONS,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EDITABLE = new Set(['draft', 'corrections-requested']);
const SECTION_PATHS = SECTIONS.map((s) => `wnioski/:id/${s.slug}`);

interface ErrorItem {
  text: string;
  href: string;
}

/**
 * The grant application form (issue #13): start a draft for a call, the task list, one page per
 * section (saved on every POST; autosaved with JavaScript), check your answers, submit, the
 * confirmation. Pages work without JavaScript; `autosave.js` posts the same forms with
 * `accept: application/json`.
 */
@Controller()
@UseGuards(SignedInGuard)
export class ApplicationFormController {
  /** Starts the application for a call, or continues the person's draft in that call. */
  @Post('wnioski')
  async start(
    @Body() body: { callId?: string },
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const callId = typeof body.callId === 'string' ? body.callId : '';
    if (!UUID.test(callId)) throw new NotFoundException();
    // The API allows several drafts in a call; the portal keeps one and goes back to it.
    const existing = await ctx.api.applications.get<{ items: ApplicationView[] }>(
      `/api/applications?callId=${callId}&state=draft`,
    );
    const draft = existing.ok ? existing.body.items?.[0] : undefined;
    if (draft) return res.redirect(303, `/wnioski/${draft.id}`);
    const created = await ctx.api.applications.post<ApplicationView>('/api/applications', {
      callId,
      form: {},
    });
    if (!created.ok) throw new NotFoundException();
    res.redirect(303, `/wnioski/${created.body.id}`);
  }

  @Get('wnioski/:id')
  async taskList(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { application, call } = await this.load(ctx, id);
    if (!EDITABLE.has(application.state)) return res.redirect(303, `/wnioski/${id}/status`);
    const problems = req.session.formProblems?.[id] ?? [];
    const statuses = SECTIONS.map((section) => ({
      section,
      status: sectionStatus(
        section,
        application.form,
        problems.map((p) => p.path),
      ),
    }));
    res.render('application-form/task-list', {
      pageTitle: ctx.t('form.taskList.title'),
      application,
      call,
      amount: amountOf(application, call, ctx.now),
      done: statuses.filter((s) => s.status === 'completed').length,
      tasks: statuses.map(({ section, status }) => ({
        title: { text: ctx.t(`form.section.${section.slug}`) },
        href: `/wnioski/${id}/${section.slug}`,
        status:
          status === 'completed'
            ? { text: ctx.t('form.status.completed') }
            : {
                tag: {
                  text: ctx.t(`form.status.${status}`),
                  classes: status === 'in-progress' ? 'govuk-tag--light-blue' : 'govuk-tag--blue',
                },
              },
      })),
    });
  }

  @Get(SECTION_PATHS)
  async section(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const section = this.sectionOf(req);
    const { application, call } = await this.load(ctx, id);
    if (!EDITABLE.has(application.state)) return res.redirect(303, `/wnioski/${id}/status`);
    // A form posted while the session had ended (kept by the platform's filter): saved now.
    const pending = req.session.pending;
    if (pending && pending.path.split('?')[0] === req.path) {
      delete req.session.pending;
      return this.save(ctx, req, res, section, application, call, pending.body, true);
    }
    const { values, rows } = valuesFromForm(section, application.form);
    // Problems the last submit found in this section: shown on the fields they concern.
    const submitProblems = (req.session.formProblems?.[id] ?? []).filter(
      (p) => sectionOfPath(p.path)?.slug === section.slug,
    );
    this.renderSection(ctx, res, 200, section, application, call, values, rows, submitProblems, []);
  }

  @Post(SECTION_PATHS)
  async saveSection(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const section = this.sectionOf(req);
    const { application, call } = await this.load(ctx, id);
    if (!EDITABLE.has(application.state)) {
      if (wantsJson(req)) {
        res.status(409).json({ saved: false });
        return;
      }
      return res.redirect(303, `/wnioski/${id}/status`);
    }
    const { _csrf: _ignored, ...fields } = body ?? {};
    return this.save(ctx, req, res, section, application, call, fields, false);
  }

  @Get(`wnioski/:id/sprawdz`)
  async check(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const { application, call } = await this.load(ctx, id);
    if (!EDITABLE.has(application.state)) return res.redirect(303, `/wnioski/${id}/status`);
    this.renderCheck(ctx, res, 200, application, call, []);
  }

  @Post(`wnioski/:id/sprawdz`)
  async submit(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { application, call } = await this.load(ctx, id);
    if (!EDITABLE.has(application.state)) return res.redirect(303, `/wnioski/${id}/status`);
    const result = await ctx.api.applications.post<
      ApplicationView & { message?: string; errors?: ApiProblem[] }
    >(`/api/applications/${id}/submit`, {});
    if (result.ok) {
      if (req.session.formProblems) delete req.session.formProblems[id];
      req.session.save(() => res.redirect(303, `/wnioski/${id}/potwierdzenie`));
      return;
    }
    const problems = result.body.errors ?? [];
    req.session.formProblems = { ...(req.session.formProblems ?? {}), [id]: problems };
    const summary: ErrorItem[] = problems.map((p) => this.checkProblem(ctx, id, p));
    if (summary.length === 0) {
      summary.push({ text: result.body.message ?? ctx.t('form.saveFailed'), href: '#submit' });
    }
    this.renderCheck(ctx, res, result.status, application, call, summary);
  }

  @Get(`wnioski/:id/potwierdzenie`)
  async confirmation(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const { application } = await this.load(ctx, id);
    if (!application.reference || EDITABLE.has(application.state)) {
      return res.redirect(303, `/wnioski/${id}`);
    }
    res.render('application-form/confirmation', {
      pageTitle: ctx.t('form.confirmation.title'),
      application,
    });
  }

  // ---------------------------------------------------------------------------------------------

  private sectionOf(req: Request): SectionDef {
    const slug = req.path.split('/').pop() ?? '';
    const section = sectionBySlug(slug);
    if (!section) throw new NotFoundException();
    return section;
  }

  private async load(
    ctx: PortalContext,
    id: string,
  ): Promise<{ application: ApplicationView; call?: CallView }> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.applications.get<ApplicationView>(`/api/applications/${id}`);
    if (!found.ok) throw new NotFoundException();
    const application = found.body;
    const call = await ctx.api.applications.get<CallView>(`/api/calls/${application.callId}`);
    return { application, call: call.ok ? call.body : undefined };
  }

  /**
   * Saves a posted section (a POST, or a form kept while the session had ended): merged into the
   * whole form and PATCHed. A field the portal cannot turn into the API's type (a date, a number,
   * an amount) is left out of the save and shown with its message, what was typed kept on the page.
   */
  private async save(
    ctx: PortalContext,
    req: Request,
    res: Response,
    section: SectionDef,
    application: ApplicationView,
    call: CallView | undefined,
    body: Record<string, unknown>,
    restored: boolean,
  ): Promise<void> {
    const action = typeof body.action === 'string' ? body.action : 'save';
    const remove = /^remove-(\d+)$/.exec(action);
    const change = { remove: remove ? Number(remove[1]) : undefined, add: action === 'add' };
    const parsed = parseSection(section, body, change);
    const form = mergeSection(application.form, section, parsed.part);
    const saved = await ctx.api.applications.patch<
      ApplicationView & { message?: string; errors?: ApiProblem[] }
    >(`/api/applications/${application.id}`, { form });
    const id = application.id;
    // This section's problems of the last submit may be fixed now: the next submit tells again.
    if (saved.ok && req.session.formProblems?.[id]) {
      req.session.formProblems[id] = req.session.formProblems[id].filter(
        (p) => sectionOfPath(p.path)?.slug !== section.slug,
      );
    }
    const current = saved.ok ? saved.body : application;
    const apiProblems = saved.ok ? [] : (saved.body.errors ?? []);
    if (wantsJson(req)) {
      const amount = amountOf(current, call, ctx.now);
      res.status(saved.ok ? 200 : saved.status).json({
        saved: saved.ok && parsed.problems.length === 0,
        amount: amount === undefined ? null : formatMoney(amount, ctx.lang),
        savedAt: new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'pl-PL', {
          timeZone: 'Europe/Warsaw',
          hour: '2-digit',
          minute: '2-digit',
        }).format(ctx.now),
        errors: [
          ...parsed.problems.map((p) => ({ id: p.id, message: ctx.t(p.key) })),
          ...apiProblems.map((p) => ({ path: p.path, message: p.message })),
        ],
      });
      return;
    }
    const clean = saved.ok && parsed.problems.length === 0;
    if (clean && !restored && (action === 'save-return' || action === 'save')) {
      req.session.flash = { kind: 'success', text: ctx.t('form.savedFlash') };
      const target = action === 'save-return' ? `/wnioski/${id}` : `/wnioski/${id}/${section.slug}`;
      req.session.save(() => res.redirect(303, target));
      return;
    }
    // Re-rendered: rows added or removed, a restored form, or problems to show. What was typed
    // is shown as posted (renumbered rows come from the saved form).
    let { values, rows } = valuesFromForm(section, current.form);
    if (parsed.problems.length > 0 || !saved.ok) {
      const fromBody = valuesFromForm(section, form);
      values = { ...fromBody.values };
      rows = fromBody.rows;
      for (const [name, value] of Object.entries(body)) {
        const renamed = renumber(name, parsed.rowMap);
        if (renamed && typeof value === 'string') values[renamed] = value;
      }
    }
    const status = clean ? 200 : saved.ok ? 400 : saved.status;
    this.renderSection(
      ctx,
      res,
      status,
      section,
      current,
      call,
      values,
      rows,
      apiProblems,
      parsed.problems,
      restored ? ctx.t('form.restored') : undefined,
      action === 'add' ? rows[rows.length - 1] : undefined,
    );
  }

  private renderSection(
    ctx: PortalContext,
    res: Response,
    status: number,
    section: SectionDef,
    application: ApplicationView,
    call: CallView | undefined,
    values: Record<string, string>,
    rows: number[],
    apiProblems: ApiProblem[],
    localProblems: LocalProblem[],
    notice?: string,
    focusRow?: number,
  ): void {
    const known = fieldIds(section, rows);
    const errors: Record<string, { text: string }> = {};
    const summary: ErrorItem[] = [];
    for (const p of localProblems) {
      const text = ctx.t(p.key);
      errors[p.id] = { text };
      summary.push({ text, href: `#${p.id}` });
    }
    for (const p of apiProblems) {
      const target = problemTarget(p.path, known);
      if (target && !errors[target]) errors[target] = { text: p.message };
      // A problem of no single field (`form.jobs`: at least one job) links to the section.
      summary.push({ text: p.message, href: `#${target ?? 'section-fields'}` });
    }
    const amount = amountOf(application, call, ctx.now);
    res.status(status).render(`application-form/${section.slug}`, {
      pageTitle: ctx.t(`form.section.${section.slug}`),
      section,
      application,
      values,
      rows,
      errors,
      errorSummary: summary,
      notice,
      focusRow,
      amount,
      amountText:
        amount === undefined ? ctx.t('form.taskList.amountUnknown') : formatMoney(amount, ctx.lang),
      choices: CHOICES,
      planMin: BUSINESS_PLAN_MIN,
      planMax: BUSINESS_PLAN_MAX,
      action: `/wnioski/${application.id}/${section.slug}`,
    });
  }

  private renderCheck(
    ctx: PortalContext,
    res: Response,
    status: number,
    application: ApplicationView,
    call: CallView | undefined,
    errorSummary: ErrorItem[],
  ): void {
    res.status(status).render('application-form/check', {
      pageTitle: ctx.t('form.check.title'),
      application,
      call,
      amount: amountOf(application, call, ctx.now),
      sections: checkAnswers(ctx, application),
      errorSummary,
    });
  }

  /** A problem of the full validation as a link to its field on its section's page. */
  private checkProblem(ctx: PortalContext, id: string, p: ApiProblem): ErrorItem {
    const section = sectionOfPath(p.path);
    if (!section) return { text: p.message, href: `/wnioski/${id}` };
    const rows = valuesFromForm(section, {}).rows;
    const indices = [...p.path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const known = fieldIds(section, [...new Set([...rows, ...indices])]);
    const target = problemTarget(p.path, known);
    return {
      text: target
        ? p.message
        : ctx.t('form.check.unknownProblem', {
            message: p.message,
            section: ctx.t(`form.section.${section.slug}`),
          }),
      href: `/wnioski/${id}/${section.slug}#${target ?? 'section-fields'}`,
    };
  }
}

function wantsJson(req: Request): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

/** A posted field name with its row renumbered as saved (`jobs-3-position` → `jobs-1-position`). */
function renumber(name: string, rowMap: Map<number, number>): string | undefined {
  if (name === 'action') return undefined;
  const m = /^([A-Za-z]+(?:-items)?)-(\d+)-(.+)$/.exec(name);
  if (!m) return name;
  const to = rowMap.get(Number(m[2]));
  return to === undefined ? undefined : `${m[1]}-${to}-${m[3]}`;
}
