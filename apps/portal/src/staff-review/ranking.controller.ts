import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { bodyOf, checkId } from '../application-status/status-api.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoment, formatMoney } from '../platform/views.js';
import {
  rankingLines,
  standingTag,
  type RankingBody,
  type RankingRowBody,
  type StaffCallBody,
} from './review-model.js';

/** What the staff's decisions list says of a call's decisions (GET /api/decisions?callId=). */
interface DecisionSummary {
  id: string;
  outcome: string;
  standing: string;
  appealLastDay: string;
  appealDeadline: string;
}

/**
 * A call's ranking list (issue #14): the budget line where the money ends, what is left, the
 * reserve list, scores and ties; its approval with a confirmation step (operators, and the
 * call's committee chair — an evaluator the service lets in); the republication after appeals;
 * the CSV of the list.
 */
@Controller('biuro/nabory/:callId/ranking')
@PortalRoles(...CENTRE_STAFF, 'evaluator')
export class RankingController {
  @Get()
  async ranking(
    @Param('callId') callId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const { ranking, call } = await this.load(ctx, callId);
    const decisions = ranking.approved ? await this.decisions(ctx, callId) : [];
    const lastAppealDay = decisions
      .map((d) => d.appealLastDay)
      .sort()
      .pop();
    const lines = rankingLines(ranking.rows.map((r) => this.row(ctx, r)));
    const reserve = lines.ranked.filter((l) => l.row.status === 'reserve').map((l) => l.row);
    res.render('staff-review/ranking', {
      pageTitle: ctx.t('review.ranking.title', { number: ranking.callNumber }),
      ranking,
      call,
      lines,
      reserve,
      money: {
        budget: formatMoney(ranking.budget, ctx.lang),
        funded: formatMoney(ranking.fundedTotal, ctx.lang),
        remaining: formatMoney(ranking.remainingBudget, ctx.lang),
      },
      approvedAt: ranking.approvedAt ? formatMoment(ranking.approvedAt, ctx.lang) : '',
      lastAppealDay: lastAppealDay ? formatDay(lastAppealDay, ctx.lang) : '',
      pendingEvaluation: lines.unranked.some((r) => r.status === 'pending-evaluation'),
      fundedCount: ranking.rows.filter((r) => r.status === 'funded').length,
      canApprove: !ranking.approved,
      isStaff: ctx.user!.roles.some((r) => (CENTRE_STAFF as readonly string[]).includes(r)),
    });
  }

  @Get('zatwierdz')
  async confirm(
    @Param('callId') callId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const { ranking, call } = await this.load(ctx, callId);
    this.renderConfirm(ctx, res, ranking, call);
  }

  @Post('zatwierdz')
  async approve(
    @Param('callId') callId: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const id = checkId(callId);
    const result = await ctx.api.grants.post<RankingBody>(`/api/calls/${id}/ranking/approve`);
    if (result.status === 404) throw new NotFoundException();
    if (!result.ok) {
      const body = result.body as { code?: string; message?: string } | undefined;
      const { ranking, call } = await this.load(ctx, callId);
      const message =
        body?.code === 'RANKING_ALREADY_APPROVED'
          ? ctx.t('review.approve.already', {
              at: ranking.approvedAt ? formatMoment(ranking.approvedAt, ctx.lang) : '',
            })
          : (body?.message ?? String(result.status));
      return this.renderConfirm(ctx, res.status(result.status), ranking, call, message);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('review.approve.done', {
        number: result.body.callNumber,
        funded: result.body.rows.filter((r) => r.status === 'funded').length,
      }),
    };
    req.session.save(() => res.redirect(303, `/biuro/nabory/${id}/ranking`));
  }

  /** The ranking list as CSV (the grants service's export, with the person's token). */
  @Get('eksport.csv')
  async csv(
    @Param('callId') callId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const id = checkId(callId);
    const text = bodyOf(await ctx.api.grants.get<string>(`/api/calls/${id}/ranking?format=csv`));
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="ranking.csv"`);
    res.setHeader('cache-control', 'no-store');
    // fetch's text() drops the byte order mark that tells Excel the file is UTF-8: put it back.
    res.send(text.startsWith('\uFEFF') ? text : `\uFEFF${text}`);
  }

  private renderConfirm(
    ctx: PortalContext,
    res: Response,
    ranking: RankingBody,
    call: StaffCallBody | undefined,
    error?: string,
  ): void {
    res.render('staff-review/ranking-approve', {
      pageTitle: ctx.t('review.approve.title'),
      ranking,
      call,
      money: {
        budget: formatMoney(ranking.budget, ctx.lang),
        funded: formatMoney(ranking.fundedTotal, ctx.lang),
        remaining: formatMoney(ranking.remainingBudget, ctx.lang),
      },
      counts: {
        funded: ranking.rows.filter((r) => r.status === 'funded').length,
        reserve: ranking.rows.filter((r) => r.status === 'reserve').length,
        below: ranking.rows.filter((r) => r.status === 'below-threshold').length,
      },
      approvedAt: ranking.approvedAt ? formatMoment(ranking.approvedAt, ctx.lang) : '',
      error,
      errorSummary: error ? [{ text: error, href: '#confirm' }] : undefined,
    });
  }

  private async load(
    ctx: PortalContext,
    callId: string,
  ): Promise<{ ranking: RankingBody; call: StaffCallBody | undefined }> {
    const id = checkId(callId);
    const [ranking, call] = await Promise.all([
      ctx.api.grants.get<RankingBody>(`/api/calls/${id}/ranking`),
      ctx.api.grants.get<StaffCallBody>(`/api/calls/${id}`),
    ]);
    return { ranking: bodyOf(ranking), call: call.ok ? call.body : undefined };
  }

  /** The call's decisions (staff only; the chair, an evaluator, is not let in: none then). */
  private async decisions(ctx: PortalContext, callId: string): Promise<DecisionSummary[]> {
    const result = await ctx.api.grants.get<{ items: DecisionSummary[] }>(
      `/api/decisions?callId=${checkId(callId)}`,
    );
    return result.ok ? result.body.items : [];
  }

  private row(ctx: PortalContext, r: RankingRowBody) {
    const number = (n: number) => n.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'pl-PL');
    return {
      ...r,
      scoreText: r.score === null ? '–' : number(r.score),
      amountText: formatMoney(r.amount, ctx.lang),
      remainingText: r.remainingBudget === null ? '' : formatMoney(r.remainingBudget, ctx.lang),
      // short (5.01.2027, 10:02): the moment breaks ties, and the table is wide
      submittedText: new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'pl-PL', {
        timeZone: 'Europe/Warsaw',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(r.submittedAt)),
      tag: standingTag(r.status, ctx.t),
    };
  }
}
