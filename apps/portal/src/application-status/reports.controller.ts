import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { SignedInGuard } from '../platform/signed-in.guard.js';
import { formatDay, formatMoment } from '../platform/views.js';
import type { ApiProblem } from '../platform/api.js';
import {
  formatPeriod,
  reportState,
  warsawDay,
  type AwardBody,
  type ReportState,
} from './status-model.js';
import { bodyOf, checkId, problemsOf } from './status-api.js';

interface ReportForm {
  jobId?: string;
  period?: string;
  jobExists?: string;
  evidenceReference?: string;
  'vacancyDate-day'?: string;
  'vacancyDate-month'?: string;
  'vacancyDate-year'?: string;
}

type Field = 'period' | 'jobExists' | 'evidenceReference' | 'vacancyDate';
type FieldErrors = Partial<Record<Field, { text: string }>>;

const STATE_TAG: Record<ReportState, string> = {
  submitted: 'govuk-tag--green',
  overdue: 'govuk-tag--red',
  due: 'govuk-tag--yellow',
  upcoming: 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};

/**
 * The monthly confirmations that each funded job still exists: every job's months with their
 * due dates and states, and a form per job for a month that has ended.
 */
@Controller()
@UseGuards(SignedInGuard)
export class ReportsController {
  @Get('umowy/:awardId/raporty')
  async page(
    @Param('awardId') awardId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const award = await this.award(ctx, awardId);
    this.render(ctx, res, award);
  }

  @Post('umowy/:awardId/raporty')
  async submit(
    @Param('awardId') awardId: string,
    @Body() body: ReportForm,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const award = await this.award(ctx, awardId);
    const job = (award.jobs ?? []).find((j) => j.id === body.jobId);
    if (!job) return this.render(ctx, res.status(404), award);
    const values = {
      period: body.period ?? '',
      jobExists: body.jobExists ?? '',
      evidenceReference: (body.evidenceReference ?? '').trim(),
      day: (body['vacancyDate-day'] ?? '').trim(),
      month: (body['vacancyDate-month'] ?? '').trim(),
      year: (body['vacancyDate-year'] ?? '').trim(),
    };
    const errors: FieldErrors = {};
    if (!values.period) errors.period = { text: ctx.t('status.reports.error.period') };
    if (values.jobExists !== 'yes' && values.jobExists !== 'no') {
      errors.jobExists = { text: ctx.t('status.reports.error.jobExists') };
    }
    if (values.jobExists === 'yes' && !values.evidenceReference) {
      errors.evidenceReference = { text: ctx.t('status.reports.error.evidence') };
    }
    let vacancyDate: string | undefined;
    if (values.jobExists === 'no') {
      const [d, m, y] = [values.day, values.month, values.year].map(Number);
      const date = new Date(Date.UTC(y!, m! - 1, d!));
      if (
        !values.day ||
        !values.month ||
        !/^\d{4}$/.test(values.year) ||
        date.getUTCDate() !== d ||
        date.getUTCMonth() !== m! - 1
      ) {
        errors.vacancyDate = { text: ctx.t('status.reports.error.vacancyDate') };
      } else {
        vacancyDate = date.toISOString().slice(0, 10);
      }
    }
    if (Object.keys(errors).length > 0) {
      return this.render(ctx, res.status(400), award, { jobId: job.id, values, errors });
    }
    const result = await ctx.api.grants.post(`/api/awards/${award.id}/jobs/${job.id}/reports`, {
      period: values.period,
      jobExists: values.jobExists === 'yes',
      ...(values.jobExists === 'yes'
        ? { evidenceReference: values.evidenceReference }
        : { vacancyDate }),
    });
    if (!result.ok) {
      const problems = problemsOf(result);
      return this.render(ctx, res.status(result.status), award, {
        jobId: job.id,
        values,
        errors: fieldErrors(problems),
        problems,
      });
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('status.reports.done', { period: formatPeriod(values.period, ctx.lang) }),
    };
    req.session.save(() => res.redirect(303, `/umowy/${award.id}/raporty`));
  }

  private async award(ctx: PortalContext, id: string): Promise<AwardBody> {
    return bodyOf(await ctx.api.grants.get<AwardBody>(`/api/awards/${checkId(id)}`));
  }

  private render(
    ctx: PortalContext,
    res: Response,
    award: AwardBody,
    posted?: {
      jobId: string;
      values: Record<string, string>;
      errors: FieldErrors;
      problems?: ApiProblem[];
    },
  ): void {
    const today = warsawDay(ctx.now);
    const summary: { text: string; href: string }[] = [];
    const jobs = (award.jobs ?? []).map((job, i) => {
      const prefix = `job-${i + 1}`;
      const mine = posted?.jobId === job.id ? posted : undefined;
      const rows = job.reports
        .slice()
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((r) => {
          const state = reportState(r, today);
          return {
            period: formatPeriod(r.period, ctx.lang),
            due: formatDay(r.dueDate, ctx.lang),
            state,
            tag: {
              text: ctx.t(`status.reports.state.${state}`),
              classes: STATE_TAG[state],
            },
            submittedAt: r.submittedAt
              ? ctx.t('status.reports.submittedAt', { at: formatMoment(r.submittedAt, ctx.lang) })
              : '',
          };
        });
      const open = job.reports
        .filter((r) => ['due', 'overdue'].includes(reportState(r, today)))
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((r) => ({
          value: r.period,
          text: formatPeriod(r.period, ctx.lang),
          hint: {
            text: `${ctx.t('status.reports.due')}: ${formatDay(r.dueDate, ctx.lang)} — ${ctx.t(
              `status.reports.state.${reportState(r, today)}`,
            )}`,
          },
          checked: mine?.values.period === r.period,
        }));
      if (mine) {
        const ids: Record<Field, string> = {
          period: `${prefix}-period`,
          jobExists: `${prefix}-jobExists`,
          evidenceReference: `${prefix}-evidence`,
          vacancyDate: `${prefix}-vacancyDate`,
        };
        for (const [field, error] of Object.entries(mine.errors) as [Field, { text: string }][]) {
          summary.push({ text: error.text, href: `#${ids[field]}` });
        }
        for (const p of mine.problems ?? []) {
          if (!fieldOf(p.path)) summary.push({ text: p.message, href: `#${prefix}-period` });
        }
      }
      return {
        id: job.id,
        prefix,
        position: job.position,
        keptFrom: job.startDate ? formatDay(job.startDate, ctx.lang) : '',
        keptTo: job.endDate ? formatDay(job.endDate, ctx.lang) : '',
        rows,
        open,
        values: mine?.values ?? {},
        errors: mine?.errors ?? {},
      };
    });
    res.render('application-status/reports', {
      pageTitle: ctx.t('status.reports.title'),
      award,
      jobs,
      errorSummary: summary.length ? summary : undefined,
    });
  }
}

function fieldOf(path: string): Field | undefined {
  for (const field of ['period', 'jobExists', 'evidenceReference', 'vacancyDate'] as Field[]) {
    if (path.startsWith(field)) return field;
  }
  return undefined;
}

function fieldErrors(problems: ApiProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = fieldOf(p.path);
    if (field && !errors[field]) errors[field] = { text: p.message };
  }
  return errors;
}
