import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { SignedInGuard } from '../platform/signed-in.guard.js';
import { formatDay, formatMoment } from '../platform/views.js';
import type { ApiProblem } from '../platform/api.js';
import { appealOpen, type AppealBody, type DecisionBody } from './status-model.js';
import { bodyOf, checkId, problemsOf } from './status-api.js';

/** The longest justification the service takes (AppealDto). */
export const JUSTIFICATION_MAX = 10_000;

interface AppealForm {
  criteria?: string | string[];
  justification?: string;
}

type FieldErrors = Partial<Record<'criteria' | 'justification', { text: string }>>;

/**
 * An appeal against the evaluation (odwołanie): the contested criteria with the points given and
 * a justification, within the appeal term only; otherwise the page says why not.
 */
@Controller()
@UseGuards(SignedInGuard)
export class AppealController {
  @Get('decyzje/:id/odwolanie')
  async form(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const decision = await this.decision(ctx, id);
    this.render(ctx, res, decision, { criteria: [], justification: '' });
  }

  @Post('decyzje/:id/odwolanie')
  async appeal(
    @Param('id') id: string,
    @Body() body: AppealForm,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const decision = await this.decision(ctx, id);
    const criteria = ([] as string[]).concat(body.criteria ?? []).filter(Boolean);
    const justification = (body.justification ?? '').trim();
    const values = { criteria, justification: body.justification ?? '' };
    if (!appealOpen(decision, ctx.now)) return this.render(ctx, res.status(422), decision, values);
    const errors: FieldErrors = {};
    if (criteria.length === 0) errors.criteria = { text: ctx.t('status.appeal.error.criteria') };
    if (!justification) {
      errors.justification = { text: ctx.t('status.appeal.error.justification') };
    } else if (justification.length < 10) {
      errors.justification = { text: ctx.t('status.appeal.error.justificationShort') };
    }
    if (Object.keys(errors).length > 0) {
      return this.render(ctx, res.status(400), decision, values, errors);
    }
    const result = await ctx.api.grants.post<AppealBody>(`/api/decisions/${decision.id}/appeal`, {
      criteria,
      justification,
    });
    if (!result.ok) {
      // The term may have ended, or an appeal been filed, meanwhile: the page says which.
      const fresh = await this.decision(ctx, id);
      return this.render(
        ctx,
        res.status(result.status),
        fresh,
        values,
        fieldErrors(problemsOf(result)),
        problemsOf(result),
      );
    }
    req.session.flash = { kind: 'success', text: ctx.t('status.appeal.done') };
    req.session.save(() => res.redirect(303, `/wnioski/${decision.applicationId}/status`));
  }

  private async decision(ctx: PortalContext, id: string): Promise<DecisionBody> {
    return bodyOf(await ctx.api.grants.get<DecisionBody>(`/api/decisions/${checkId(id)}`));
  }

  private render(
    ctx: PortalContext,
    res: Response,
    decision: DecisionBody,
    values: { criteria: string[]; justification: string },
    errors: FieldErrors = {},
    problems?: ApiProblem[],
  ): void {
    const open = appealOpen(decision, ctx.now);
    const reason =
      decision.outcome === 'funded'
        ? ctx.t('status.appeal.funded')
        : decision.appeal
          ? ctx.t('status.appeal.alreadyFiled', {
              at: formatMoment(decision.appeal.filedAt, ctx.lang),
            })
          : ctx.t('status.appeal.termOver', { day: formatDay(decision.appealLastDay, ctx.lang) });
    const items = (decision.criteria ?? []).map((c) => ({
      value: c.id,
      text: ctx.t('status.appeal.criterion', { name: c.name, id: c.id }),
      hint: {
        text:
          c.points === null
            ? ctx.t('status.appeal.pointsUnknown', { max: c.maxPoints })
            : ctx.t('status.appeal.points', {
                points: c.points.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'pl-PL'),
                max: c.maxPoints,
              }),
      },
      checked: values.criteria.includes(c.id),
    }));
    const summary: { text: string; href: string }[] = [];
    if (errors.criteria) summary.push({ text: errors.criteria.text, href: '#criteria' });
    if (errors.justification) {
      summary.push({ text: errors.justification.text, href: '#justification' });
    }
    for (const p of problems ?? []) {
      if (!fieldOf(p.path))
        summary.push({ text: p.message, href: open ? '#criteria' : '#main-content' });
    }
    res.render('application-status/appeal', {
      pageTitle: ctx.t('status.appeal.title'),
      decision,
      open,
      reason,
      lead: ctx.t('status.appeal.lead', {
        reference: decision.reference,
        score: decision.score,
        deadline: formatMoment(decision.appealDeadline, ctx.lang),
      }),
      items,
      values,
      errors,
      maxLength: JUSTIFICATION_MAX,
      errorSummary: summary.length ? summary : undefined,
    });
  }
}

function fieldOf(path: string): 'criteria' | 'justification' | undefined {
  if (path.startsWith('criteria')) return 'criteria';
  if (path.startsWith('justification')) return 'justification';
  return undefined;
}

/** The service's problems on the page's fields (the first message of each field). */
function fieldErrors(problems: ApiProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = fieldOf(p.path);
    if (field && !errors[field]) errors[field] = { text: p.message };
  }
  return errors;
}
