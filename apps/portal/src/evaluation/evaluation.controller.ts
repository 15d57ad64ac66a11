import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoment, formatMoney } from '../platform/views.js';
import type { ApiProblem } from '../platform/api.js';
import { countyName } from '../calls/counties.js';
import { EvaluationDrafts } from './evaluation-drafts.js';
import {
  cardProblems,
  cardTotal,
  fieldsFromBody,
  fieldsFromDraft,
  justificationId,
  maxTotal,
  pointsId,
  scoresBody,
  serviceProblemTarget,
  type CardFields,
  type CardProblem,
  type Criterion,
} from './scoring.js';
import {
  orderAssignments,
  warsawToday,
  type Assignment,
  type EvaluationDetail,
} from './assignments.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_MAX = 2000;

interface ErrorItem {
  text: string;
  href: string;
}

/**
 * The evaluator's pages (issue #14): the assigned evaluations (`/ocena`), the impartiality and
 * confidentiality declaration or a conflict of interest (`/ocena/{id}`), the application without
 * personal data (`/ocena/{id}/wniosek`), the scoring card kept as typed (`/ocena/{id}/karta`,
 * autosaved with JavaScript), check and submit (`/ocena/{id}/sprawdz`), and after that the
 * submitted card, read-only. The grants service decides who sees what; these pages only show it.
 */
@Controller('ocena')
@PortalRoles('evaluator')
export class EvaluationController {
  constructor(private readonly drafts: EvaluationDrafts) {}

  @Get()
  async list(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const items = await this.assignments(ctx);
    const today = warsawToday(ctx.now);
    const { open, done, conflicts } = orderAssignments(items, today);
    const row = (a: Assignment) => ({
      ...a,
      overdue: (a.status === 'assigned' || a.status === 'declared') && a.dueDate < today,
      href:
        a.status === 'assigned'
          ? `/ocena/${a.id}`
          : a.status === 'declared'
            ? `/ocena/${a.id}/wniosek`
            : `/ocena/${a.id}/karta`,
      actionKey:
        a.status === 'assigned'
          ? 'evaluation.action.declare'
          : a.status === 'declared'
            ? 'evaluation.action.score'
            : 'evaluation.action.view',
    });
    res.render('evaluation/list', {
      pageTitle: ctx.t('evaluation.list.title'),
      rows: [...open, ...done].map(row),
      conflicts,
    });
  }

  @Get(':id')
  async declaration(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const assignment = await this.assignment(ctx, id);
    if (assignment.status !== 'assigned') return res.redirect(303, this.nextPath(assignment));
    this.renderDeclaration(ctx, res, 200, assignment, {}, {});
  }

  @Post(':id')
  async declare(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const assignment = await this.assignment(ctx, id);
    if (assignment.status !== 'assigned') return res.redirect(303, this.nextPath(assignment));
    const choice = typeof body.declaration === 'string' ? body.declaration : '';
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, REASON_MAX * 2) : '';
    const values = { declaration: choice, reason };
    const errors: Record<string, string> = {};
    if (choice !== 'impartial' && choice !== 'conflict') {
      errors.declaration = ctx.t('evaluation.declaration.error.choice');
    } else if (choice === 'conflict' && reason.trim().length < 3) {
      errors.reason = ctx.t('evaluation.declaration.error.reason');
    }
    if (Object.keys(errors).length > 0) {
      return this.renderDeclaration(ctx, res, 400, assignment, values, errors);
    }
    const result = await ctx.api.grants.post<{ message?: string; errors?: ApiProblem[] }>(
      `/api/evaluations/${id}/declaration`,
      choice === 'conflict'
        ? { conflictOfInterest: true, reason: reason.trim() }
        : { conflictOfInterest: false, confidentiality: true },
    );
    if (result.status === 409) {
      req.session.flash = { kind: 'info', text: ctx.t('evaluation.declaration.already') };
      req.session.save(() => res.redirect(303, `/ocena`));
      return;
    }
    if (result.status === 404) throw new NotFoundException();
    if (!result.ok) {
      for (const p of result.body.errors ?? []) {
        const field = p.path === 'reason' ? 'reason' : 'declaration';
        errors[field] ??= p.message;
      }
      if (Object.keys(errors).length === 0) {
        errors.declaration = result.body.message ?? ctx.t('evaluation.declaration.error.choice');
      }
      return this.renderDeclaration(ctx, res, result.status, assignment, values, errors);
    }
    const reference = assignment.reference;
    if (choice === 'conflict') {
      req.session.flash = {
        kind: 'success',
        text: ctx.t('evaluation.declaration.conflictFlash', { reference }),
      };
      req.session.save(() => res.redirect(303, '/ocena'));
      return;
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('evaluation.declaration.signedFlash', { reference }),
    };
    req.session.save(() => res.redirect(303, `/ocena/${id}/wniosek`));
  }

  @Get(':id/wniosek')
  async application(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.detail(ctx, req, res, id);
    if (!detail) return;
    const a = detail.application;
    const plan = Object.entries(a.businessPlan ?? {}).filter(([, text]) => text);
    const criteria = new Map(detail.criteria.map((c) => [c.id, c.name]));
    res.render('evaluation/application', {
      pageTitle: ctx.t('evaluation.application.title', { reference: a.reference }),
      detail,
      applicantRows: [
        [
          'evaluation.application.kind',
          a.applicantKind ? ctx.t(`form.applicant.kind.${a.applicantKind}`) : '',
        ],
        ['evaluation.application.entityName', a.entityName ?? ''],
        ['evaluation.application.county', a.county ? countyName(a.county, ctx.lang) : ''],
        ['evaluation.application.amount', formatMoney(a.amount, ctx.lang)],
      ].map(([key, value]) => ({
        key: { text: ctx.t(key!) },
        value: { text: value || ctx.t('evaluation.application.none') },
      })),
      jobs: a.jobs.map((j) => [
        { text: j.position },
        { text: ctx.t(`form.jobs.workingTime.${j.workingTime}`) },
        {
          text: ctx.t(
            j.eligiblePerson ? 'evaluation.application.yes' : 'evaluation.application.no',
          ),
        },
        { text: formatDay(j.plannedStart, ctx.lang) },
      ]),
      plan: plan.map(([part, text]) => ({ title: ctx.t(`form.plan.${part}`), text })),
      appealCriteria: (detail.appeal?.criteria ?? [])
        .map((c) => (criteria.has(c) ? `${criteria.get(c)} (${c})` : c))
        .join(', '),
    });
  }

  @Get(':id/karta')
  async card(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.detail(ctx, req, res, id);
    if (!detail) return;
    if (detail.status === 'submitted') return this.renderSubmitted(ctx, res, detail);
    const user = ctx.user!.id;
    // A card posted while the session had ended (kept by the platform's filter): saved now.
    const pending = req.session.pending;
    if (pending && pending.path.split('?')[0] === req.path) {
      delete req.session.pending;
      const fields = fieldsFromBody(detail.criteria, pending.body);
      await this.drafts.save(user, id, fields);
      return this.renderCard(ctx, res, 200, detail, fields, [], ctx.t('evaluation.card.restored'));
    }
    const fields = fieldsFromDraft(detail.criteria, await this.drafts.get(user, id));
    this.renderCard(ctx, res, 200, detail, fields, []);
  }

  @Post(':id/karta')
  async saveCard(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const json = wantsJson(req);
    const detail = await this.detail(ctx, req, res, id, json);
    if (!detail) return;
    if (detail.status === 'submitted') {
      if (json) {
        res.status(409).json({ saved: false });
        return;
      }
      return res.redirect(303, `/ocena/${id}/karta`);
    }
    const fields = fieldsFromBody(detail.criteria, body ?? {});
    await this.drafts.save(ctx.user!.id, id, fields);
    if (json) {
      res.status(200).json({
        saved: true,
        amount: String(cardTotal(detail.criteria, fields)),
        savedAt: new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'pl-PL', {
          timeZone: 'Europe/Warsaw',
          hour: '2-digit',
          minute: '2-digit',
        }).format(ctx.now),
      });
      return;
    }
    if (body?.action === 'check') {
      const problems = cardProblems(detail.criteria, fields);
      if (problems.length > 0) return this.renderCard(ctx, res, 400, detail, fields, problems);
      return res.redirect(303, `/ocena/${id}/sprawdz`);
    }
    req.session.flash = { kind: 'success', text: ctx.t('evaluation.card.savedFlash') };
    req.session.save(() => res.redirect(303, `/ocena/${id}/karta`));
  }

  @Get(':id/sprawdz')
  async check(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.detail(ctx, req, res, id);
    if (!detail) return;
    if (detail.status === 'submitted') return res.redirect(303, `/ocena/${id}/karta`);
    const fields = fieldsFromDraft(detail.criteria, await this.drafts.get(ctx.user!.id, id));
    const problems = cardProblems(detail.criteria, fields);
    if (problems.length > 0) return this.renderCard(ctx, res, 400, detail, fields, problems);
    this.renderCheck(ctx, res, detail, fields, id);
  }

  @Post(':id/sprawdz')
  async submit(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.detail(ctx, req, res, id);
    if (!detail) return;
    if (detail.status === 'submitted') return res.redirect(303, `/ocena/${id}/karta`);
    const user = ctx.user!.id;
    const fields = fieldsFromDraft(detail.criteria, await this.drafts.get(user, id));
    const problems = cardProblems(detail.criteria, fields);
    if (problems.length > 0) return this.renderCard(ctx, res, 400, detail, fields, problems);
    const result = await ctx.api.grants.post<{ message?: string; errors?: ApiProblem[] }>(
      `/api/evaluations/${id}/scores`,
      scoresBody(detail.criteria, fields),
    );
    if (result.ok || result.status === 409) {
      // Submitted (now, or already from another tab): the service holds the scores.
      await this.drafts.drop(user, id);
      req.session.flash = {
        kind: 'success',
        text: ctx.t('evaluation.check.submittedFlash', { reference: detail.application.reference }),
      };
      req.session.save(() => res.redirect(303, `/ocena/${id}/karta`));
      return;
    }
    // The service's problems, each on its field of the card (what was typed stays in the draft).
    const serviceProblems = result.body.errors ?? [];
    const summary: ErrorItem[] = [];
    const errors: Record<string, { text: string }> = {};
    for (const p of serviceProblems) {
      const target = serviceProblemTarget(p.path, detail.criteria);
      if (target && !errors[target]) errors[target] = { text: p.message };
      summary.push({ text: p.message, href: `#${target ?? pointsId(0)}` });
    }
    if (summary.length === 0) {
      summary.push({
        text: ctx.t('evaluation.card.error.submit', { message: result.body.message ?? '' }),
        href: `#${pointsId(0)}`,
      });
    }
    this.renderCard(ctx, res, result.status, detail, fields, [], undefined, { summary, errors });
  }

  // ---------------------------------------------------------------------------------------------

  /** The person's evaluations as the grants service lists them (cancelled ones left out). */
  private async assignments(ctx: PortalContext): Promise<Assignment[]> {
    const found = await ctx.api.grants.get<{ items: Assignment[] }>('/api/evaluations');
    if (!found.ok) throw new NotFoundException();
    return found.body.items ?? [];
  }

  private async assignment(ctx: PortalContext, id: string): Promise<Assignment> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = (await this.assignments(ctx)).find((a) => a.id === id);
    if (!found) throw new NotFoundException();
    return found;
  }

  /** Where an evaluation past its declaration continues. */
  private nextPath(a: Assignment): string {
    if (a.status === 'declared') return `/ocena/${a.id}/wniosek`;
    if (a.status === 'submitted') return `/ocena/${a.id}/karta`;
    return '/ocena';
  }

  /**
   * The evaluation with its application, criteria and appeal — given by the service only after
   * the declaration: before it the person is sent to sign it, after a conflict back to the list.
   */
  private async detail(
    ctx: PortalContext,
    req: Request,
    res: Response,
    id: string,
    json = false,
  ): Promise<EvaluationDetail | undefined> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.grants.get<EvaluationDetail & { code?: string }>(
      `/api/evaluations/${id}`,
    );
    if (found.ok) return found.body;
    if (found.status === 403) {
      if (json) {
        res.status(403).json({ saved: false });
        return undefined;
      }
      if (found.body.code === 'DECLARATION_REQUIRED') {
        res.redirect(303, `/ocena/${id}`);
        return undefined;
      }
      req.session.flash = { kind: 'info', text: ctx.t('evaluation.declaration.conflictDone') };
      req.session.save(() => res.redirect(303, '/ocena'));
      return undefined;
    }
    throw new NotFoundException();
  }

  private facts(
    ctx: PortalContext,
    a: { reference: string; callNumber: string; dueDate: string; round: string },
  ) {
    return [
      ['evaluation.fact.reference', a.reference],
      ['evaluation.fact.call', a.callNumber],
      [
        'evaluation.fact.due',
        ctx.t('evaluation.fact.dueValue', { date: formatDay(a.dueDate, ctx.lang) }),
      ],
      [
        'evaluation.fact.round',
        a.round === 'first'
          ? ctx.t('evaluation.fact.roundFirst')
          : ctx.t(`evaluation.round.${a.round}`),
      ],
    ].map(([key, value]) => ({ key: { text: ctx.t(key!) }, value: { text: value } }));
  }

  private renderDeclaration(
    ctx: PortalContext,
    res: Response,
    status: number,
    assignment: Assignment,
    values: Record<string, string>,
    errors: Record<string, string>,
  ): void {
    const summary: ErrorItem[] = [];
    if (errors.declaration) summary.push({ text: errors.declaration, href: '#declaration' });
    if (errors.reason) summary.push({ text: errors.reason, href: '#reason' });
    res.status(status).render('evaluation/declaration', {
      pageTitle: ctx.t('evaluation.declaration.title'),
      assignment,
      facts: this.facts(ctx, assignment),
      values,
      errors,
      errorSummary: summary,
      reasonMax: REASON_MAX,
    });
  }

  private cardCriteria(ctx: PortalContext, detail: EvaluationDetail, fields: CardFields) {
    return detail.criteria.map((c: Criterion, i) => ({
      index: i,
      id: c.id,
      legend: ctx.t('evaluation.card.criterion', { name: c.name, id: c.id }),
      max: c.maxPoints,
      pointsId: pointsId(i),
      justificationId: justificationId(i),
      points: fields[c.id]?.points ?? '',
      justification: fields[c.id]?.justification ?? '',
    }));
  }

  private renderCard(
    ctx: PortalContext,
    res: Response,
    status: number,
    detail: EvaluationDetail,
    fields: CardFields,
    problems: CardProblem[],
    notice?: string,
    service?: { summary: ErrorItem[]; errors: Record<string, { text: string }> },
  ): void {
    const errors: Record<string, { text: string }> = { ...(service?.errors ?? {}) };
    const summary: ErrorItem[] = [...(service?.summary ?? [])];
    for (const p of problems) {
      const text = ctx.t(p.key, p.params);
      errors[p.id] ??= { text };
      summary.push({ text, href: `#${p.id}` });
    }
    res.status(status).render('evaluation/card', {
      pageTitle: ctx.t('evaluation.card.title', { reference: detail.application.reference }),
      detail,
      criteria: this.cardCriteria(ctx, detail, fields),
      total: cardTotal(detail.criteria, fields),
      max: maxTotal(detail.criteria),
      errors,
      errorSummary: summary,
      notice,
    });
  }

  private renderCheck(
    ctx: PortalContext,
    res: Response,
    detail: EvaluationDetail,
    fields: CardFields,
    id: string,
  ): void {
    res.render('evaluation/check', {
      pageTitle: ctx.t('evaluation.check.title'),
      detail,
      rows: this.cardCriteria(ctx, detail, fields).map((c) => ({
        key: { text: c.legend },
        value: {
          html: `<p class="govuk-body govuk-!-font-weight-bold">${escapeHtml(
            ctx.t('evaluation.check.pointsOf', { points: c.points.trim(), max: c.max }),
          )}</p><p class="govuk-body">${lines(c.justification)}</p>`,
        },
        actions: {
          items: [
            {
              href: `/ocena/${id}/karta#${c.pointsId}`,
              text: ctx.t('evaluation.check.change'),
              visuallyHiddenText: c.legend,
            },
          ],
        },
      })),
      total: cardTotal(detail.criteria, fields),
      max: maxTotal(detail.criteria),
    });
  }

  private renderSubmitted(ctx: PortalContext, res: Response, detail: EvaluationDetail): void {
    const byId = new Map((detail.scores ?? []).map((s) => [s.criterionId, s]));
    res.render('evaluation/submitted', {
      pageTitle: ctx.t('evaluation.view.title', { reference: detail.application.reference }),
      detail,
      submittedAt: formatMoment(detail.submittedAt, ctx.lang),
      rows: detail.criteria.map((c) => {
        const score = byId.get(c.id);
        return {
          key: { text: ctx.t('evaluation.card.criterion', { name: c.name, id: c.id }) },
          value: {
            html: `<p class="govuk-body govuk-!-font-weight-bold">${escapeHtml(
              ctx.t('evaluation.check.pointsOf', { points: score?.points ?? 0, max: c.maxPoints }),
            )}</p><p class="govuk-body">${lines(score?.justification ?? '')}</p>`,
          },
        };
      }),
      total: detail.total ?? 0,
      max: maxTotal(detail.criteria),
    });
  }
}

function wantsJson(req: Request): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

/** A text as HTML, its line breaks kept. */
function lines(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br>');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
