import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoment, formatMoney } from '../platform/views.js';
import { FormErrors, saveAndRedirect } from '../account/form-errors.js';
import { checkId } from '../application-status/status-api.js';
import { formatPeriod } from '../application-status/status-model.js';
import {
  awardsWithDetails,
  dateParts,
  field,
  getAward,
  isoOf,
  jobUrgency,
  partsOf,
  reportState,
  warsawDay,
  type DateParts,
  type StaffAward,
  type StaffJob,
} from './award-model.js';

type Body = Record<string, unknown>;
type JobForm = 'vacancy' | 'refill';

interface Posted {
  form: JobForm;
  values: Record<string, unknown>;
  errors: FormErrors;
}

const JOB_TAG: Record<string, string> = {
  active: 'govuk-tag--green',
  vacant: 'govuk-tag--orange',
  kept: 'govuk-tag--purple',
  'refund-claimed': 'govuk-tag--red',
};

const REPORT_TAG: Record<string, string> = {
  submitted: 'govuk-tag--green',
  overdue: 'govuk-tag--red',
  due: 'govuk-tag--yellow',
  upcoming: 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};

/**
 * Job monitoring (/biuro/miejsca-pracy): every funded job of the centre, those with overdue
 * monthly reports first, then vacancies by their refill deadline; a job's page with its reports,
 * and the vacancy and the refill recorded by the centre. Refund claims come from the grants
 * service's scheduled checks, which the page can also run now.
 */
@Controller('biuro/miejsca-pracy')
@PortalRoles(...CENTRE_STAFF)
export class StaffJobsController {
  @Get()
  async list(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const awards = await awardsWithDetails(ctx);
    const today = warsawDay(ctx.now);
    const rows = awards
      .flatMap((award) => (award.jobs ?? []).map((job) => ({ award, job })))
      .map(({ award, job }) => {
        const open = job.status === 'active' || job.status === 'vacant';
        const urgency = open ? jobUrgency(job, today) : { overdue: 0, due: 0 };
        return { award, job, open, ...urgency };
      })
      .sort(
        (a, b) =>
          Number(b.open) - Number(a.open) ||
          b.overdue - a.overdue ||
          Number(b.job.status === 'vacant') - Number(a.job.status === 'vacant') ||
          (a.job.refillDeadline ?? '9').localeCompare(b.job.refillDeadline ?? '9') ||
          b.due - a.due ||
          a.award.reference.localeCompare(b.award.reference) ||
          a.job.position.localeCompare(b.job.position),
      )
      .map(({ award, job, overdue, due }) => ({
        href: `/biuro/miejsca-pracy/${award.id}/${job.id}`,
        awardHref: `/biuro/umowy/${award.id}`,
        reference: award.reference,
        position: job.position,
        status: { text: ctx.t(`awards.job.status.${job.status}`), classes: JOB_TAG[job.status] },
        overdue,
        due,
        term: job.startDate
          ? `${formatDay(job.startDate, ctx.lang)} – ${formatDay(job.endDate, ctx.lang)}`
          : '',
        refillDeadline: job.status === 'vacant' ? formatDay(job.refillDeadline, ctx.lang) : '',
      }));
    res.render('staff-awards/jobs', {
      pageTitle: ctx.t('awards.jobs.title'),
      rows,
      overdueTotal: rows.reduce((sum, r) => sum + r.overdue, 0),
    });
  }

  @Post('kontrola')
  async runChecks(@Portal() ctx: PortalContext, @Req() req: Request, @Res() res: Response) {
    const result = await ctx.api.grants.post<Record<string, number>>('/api/monitoring/run');
    const done = result.ok ? Object.values(result.body ?? {}).reduce((s, n) => s + n, 0) : 0;
    req.session.flash = {
      kind: result.ok ? 'success' : 'info',
      text: result.ok
        ? ctx.t('awards.jobs.checked', { count: done })
        : ctx.t('awards.jobs.checkFailed'),
    };
    saveAndRedirect(req, res, '/biuro/miejsca-pracy');
  }

  @Get(':awardId/:jobId')
  async page(
    @Param('awardId') awardId: string,
    @Param('jobId') jobId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ) {
    const { award, job } = await this.jobOf(ctx, awardId, jobId);
    this.render(ctx, res, award, job);
  }

  @Post(':awardId/:jobId/wakat')
  async vacancy(
    @Param('awardId') awardId: string,
    @Param('jobId') jobId: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { award, job } = await this.jobOf(ctx, awardId, jobId);
    const values = { vacancyDate: dateParts(body, 'vacancyDate') };
    const errors = new FormErrors();
    const vacancyDate = isoOf(values.vacancyDate);
    if (!vacancyDate) errors.add('vacancyDate', ctx.t('awards.error.date'));
    if (errors.empty) {
      const result = await ctx.api.grants.post(`/api/awards/${award.id}/jobs/${job.id}/vacancy`, {
        vacancyDate,
      });
      if (result.ok) {
        const after = result.body as StaffJob;
        req.session.flash = {
          kind: 'success',
          text: ctx.t('awards.vacancy.done', {
            deadline: formatDay(after.refillDeadline, ctx.lang),
          }),
        };
        return saveAndRedirect(req, res, `/biuro/miejsca-pracy/${award.id}/${job.id}`);
      }
      errors.addApi(result, { vacancyDate: 'vacancyDate' }, 'vacancyDate');
      res.status(result.status);
    } else res.status(400);
    this.render(ctx, res, award, job, { form: 'vacancy', values, errors });
  }

  @Post(':awardId/:jobId/obsadzenie')
  async refill(
    @Param('awardId') awardId: string,
    @Param('jobId') jobId: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { award, job } = await this.jobOf(ctx, awardId, jobId);
    const values = {
      refilledOn: dateParts(body, 'refilledOn'),
      eligible: field(body, 'eligible') === 'yes',
      evidence: field(body, 'evidence'),
    };
    const errors = new FormErrors();
    const refilledOn = isoOf(values.refilledOn);
    if (!refilledOn) errors.add('refilledOn', ctx.t('awards.error.date'));
    if (!values.eligible) errors.add('eligible', ctx.t('awards.refill.error.eligible'));
    if (values.evidence.length < 3) errors.add('evidence', ctx.t('awards.refill.error.evidence'));
    if (errors.empty) {
      const result = await ctx.api.grants.post(`/api/awards/${award.id}/jobs/${job.id}/refill`, {
        refilledOn,
        eligiblePerson: true,
        evidenceReference: values.evidence,
      });
      if (result.ok) {
        req.session.flash = { kind: 'success', text: ctx.t('awards.refill.done') };
        return saveAndRedirect(req, res, `/biuro/miejsca-pracy/${award.id}/${job.id}`);
      }
      errors.addApi(
        result,
        { refilledOn: 'refilledOn', eligiblePerson: 'eligible', evidenceReference: 'evidence' },
        'refilledOn',
      );
      res.status(result.status);
    } else res.status(400);
    this.render(ctx, res, award, job, { form: 'refill', values, errors });
  }

  private async jobOf(ctx: PortalContext, awardId: string, jobId: string) {
    checkId(jobId);
    const award = await getAward(ctx, awardId);
    const job = (award.jobs ?? []).find((j) => j.id === jobId);
    if (!job) throw new NotFoundException();
    return { award, job };
  }

  private render(
    ctx: PortalContext,
    res: Response,
    award: StaffAward,
    job: StaffJob,
    posted?: Posted,
  ): void {
    const today = warsawDay(ctx.now);
    const day = (d: string | null | undefined) => formatDay(d, ctx.lang);
    const money = (g: number) => formatMoney(g, ctx.lang);
    const form = (name: JobForm) => (posted?.form === name ? posted : undefined);
    const refund = (award.refunds ?? []).find((r) => r.jobId === job.id);
    const reports = job.reports
      .slice()
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((r) => {
        const state = reportState(r, today);
        return {
          period: formatPeriod(r.period, ctx.lang),
          due: day(r.dueDate),
          tag: { text: ctx.t(`awards.report.state.${state}`), classes: REPORT_TAG[state] },
          detail:
            r.status === 'submitted'
              ? [
                  r.jobExists === false
                    ? ctx.t('awards.report.notExists')
                    : (r.evidenceReference ?? ''),
                  r.submittedAt ? formatMoment(r.submittedAt, ctx.lang) : '',
                ]
                  .filter(Boolean)
                  .join(' — ')
              : '',
        };
      });
    const empty: DateParts = { day: '', month: '', year: '' };
    res.render('staff-awards/job', {
      pageTitle: ctx.t('awards.jobPage.title', { position: job.position }),
      award,
      job: {
        ...job,
        statusTag: { text: ctx.t(`awards.job.status.${job.status}`), classes: JOB_TAG[job.status] },
        workingTime: ctx.t(`awards.workingTime.${job.workingTime}`),
        start: day(job.startDate),
        fundedEnd: day(job.fundedEndDate),
        end: day(job.endDate),
        vacancy: day(job.vacancyDate),
        refillBy: day(job.refillDeadline),
        refilled: day(job.refilledOn),
      },
      reports,
      overdue: job.reports.filter((r) => reportState(r, today) === 'overdue').length,
      refund: refund
        ? {
            principal: money(refund.principal),
            interest: money(refund.interest),
            total: money(refund.total),
            demandDate: day(refund.demandDate),
            dueDate: day(refund.dueDate),
          }
        : null,
      values: {
        vacancy: form('vacancy')?.values ?? { vacancyDate: empty },
        refill: form('refill')?.values ?? {
          refilledOn: partsOf(today),
          eligible: false,
          evidence: '',
        },
      },
      errors: {
        vacancy: form('vacancy')?.errors.fields ?? {},
        refill: form('refill')?.errors.fields ?? {},
      },
      errorSummary: posted
        ? posted.errors.summary({
            vacancyDate: 'vacancyDate-day',
            refilledOn: 'refilledOn-day',
            eligible: 'refill-eligible',
            evidence: 'refill-evidence',
          })
        : undefined,
    });
  }
}
