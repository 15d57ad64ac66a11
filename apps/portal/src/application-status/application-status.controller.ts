import {
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
import { formatMoment } from '../platform/views.js';
import { changeRow, formSections } from './form-fields.js';
import {
  appealOpen,
  buildTimeline,
  isDayOnly,
  nextAction,
  stageOf,
  stageTag,
  type ApplicationBody,
} from './status-model.js';
import {
  callTitles,
  getApplication,
  getVersions,
  outcomeOf,
  outcomesOf,
  problemsOf,
} from './status-api.js';

/**
 * "My applications" and what follows submission (docs/portal.md): the list, each application's
 * timeline with the actions its state allows, the changes of the latest version, withdrawal and
 * the printable view. The form itself (drafts, corrections) lives in application-form/.
 */
@Controller()
@UseGuards(SignedInGuard)
export class ApplicationStatusController {
  @Get('wnioski')
  async list(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const page = await ctx.api.applications.get<{ items: ApplicationBody[] }>(
      '/api/applications?pageSize=200',
    );
    const items = page.ok ? page.body.items : [];
    const [titles, outcomes] = await Promise.all([
      callTitles(
        ctx,
        items.map((a) => a.callId),
      ),
      items.some((a) => a.state === 'formally-accepted')
        ? outcomesOf(ctx)
        : Promise.resolve({ decisions: new Map(), awards: new Map() }),
    ]);
    const rows = items
      .slice()
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((a) => {
        const decision = outcomes.decisions.get(a.id);
        const award = outcomes.awards.get(a.id);
        const stage = stageOf(a, decision, award);
        return {
          id: a.id,
          call: titles.get(a.callId) ?? ctx.t('status.list.unknownCall'),
          reference: a.reference,
          name: a.reference ?? a.entityName ?? ctx.t('status.list.draft'),
          tag: stageTag(stage, ctx.t),
          updatedAt: a.updatedAt,
          next: nextAction(a, decision, award, ctx.now, ctx.t, ctx.lang),
          href: stage === 'draft' ? `/wnioski/${a.id}` : `/wnioski/${a.id}/status`,
          linkText: ctx.t(stage === 'draft' ? 'status.list.continue' : 'status.list.open'),
        };
      });
    res.render('application-status/list', { pageTitle: ctx.t('status.list.title'), rows });
  }

  @Get('wnioski/:id/status')
  async status(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await getApplication(ctx, id);
    const submitted = app.state !== 'draft' || app.version > 0;
    const [versions, outcome, titles] = await Promise.all([
      submitted ? getVersions(ctx, app.id) : Promise.resolve([]),
      app.state === 'formally-accepted' ? outcomeOf(ctx, app.id) : Promise.resolve({}),
      callTitles(ctx, [app.callId]),
    ]);
    const { decision, award } = outcome as Awaited<ReturnType<typeof outcomeOf>>;
    const stage = stageOf(app, decision, award);
    const steps = buildTimeline({
      app,
      versions,
      decision,
      award,
      now: ctx.now,
      t: ctx.t,
      lang: ctx.lang,
    }).map((s) => ({ ...s, dayOnly: isDayOnly(s) }));
    res.render('application-status/status', {
      pageTitle: app.reference
        ? ctx.t('status.page.titleWith', { reference: app.reference })
        : ctx.t('status.page.title'),
      app,
      call: titles.get(app.callId) ?? '',
      tag: stageTag(stage, ctx.t),
      steps,
      actions: {
        continueDraft: app.state === 'draft',
        corrections: app.state === 'corrections-requested',
        withdraw: ['draft', 'submitted', 'corrections-requested'].includes(app.state),
        appeal: appealOpen(decision, ctx.now) ? decision!.id : null,
        reports: award?.jobs?.length ? award.id : null,
        print: versions.length > 0,
        changes: versions.length > 1,
      },
    });
  }

  @Get('wnioski/:id/zmiany')
  async changes(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await getApplication(ctx, id);
    const versions = app.version > 0 ? await getVersions(ctx, app.id) : [];
    const latest = versions[versions.length - 1];
    const previous = versions[versions.length - 2];
    res.render('application-status/changes', {
      pageTitle: ctx.t('status.changes.title'),
      app,
      latest,
      previous,
      rows:
        latest && previous ? (latest.changes ?? []).map((c) => changeRow(c, ctx.t, ctx.lang)) : [],
    });
  }

  @Get('wnioski/:id/wycofaj')
  async withdrawForm(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await getApplication(ctx, id);
    await this.renderWithdraw(ctx, res, app);
  }

  @Post('wnioski/:id/wycofaj')
  async withdraw(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const app = await getApplication(ctx, id);
    const result = await ctx.api.applications.post<ApplicationBody>(
      `/api/applications/${app.id}/withdraw`,
    );
    if (result.status === 404) throw new NotFoundException();
    if (!result.ok) {
      const problems = problemsOf(result);
      return this.renderWithdraw(ctx, res.status(result.status), app, problems[0]!.message);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('status.withdraw.done', {
        reference: app.reference ?? ctx.t('status.withdraw.draftName'),
      }),
    };
    req.session.save(() => res.redirect(303, `/wnioski/${app.id}/status`));
  }

  private async renderWithdraw(
    ctx: PortalContext,
    res: Response,
    app: ApplicationBody,
    error?: string,
  ): Promise<void> {
    const titles = await callTitles(ctx, [app.callId]);
    const possible = ['draft', 'submitted', 'corrections-requested'].includes(app.state);
    res.render('application-status/withdraw', {
      pageTitle: ctx.t('status.withdraw.title'),
      app,
      call: titles.get(app.callId) ?? '',
      possible,
      errorSummary: error ? [{ text: error, href: '#confirm' }] : undefined,
    });
  }

  @Get('wnioski/:id/wydruk')
  async print(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const app = await getApplication(ctx, id);
    const versions = app.version > 0 ? await getVersions(ctx, app.id) : [];
    const latest = versions[versions.length - 1];
    const titles = await callTitles(ctx, [app.callId]);
    res.render('application-status/print', {
      pageTitle: ctx.t('status.print.title', { reference: app.reference ?? '' }),
      app,
      call: titles.get(app.callId) ?? '',
      version: latest,
      submittedAt: latest ? formatMoment(latest.submittedAt, ctx.lang) : '',
      firstSubmittedAt: app.submittedAt ? formatMoment(app.submittedAt, ctx.lang) : '',
      sections: latest ? formSections(latest.form, ctx.t, ctx.lang) : [],
    });
  }
}
