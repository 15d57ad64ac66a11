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
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoment, formatMoney } from '../platform/views.js';
import { FormErrors, saveAndRedirect } from '../account/form-errors.js';
import { checkId } from '../application-status/status-api.js';
import { formatPeriod } from '../application-status/status-model.js';
import {
  NEXT_STEPS,
  NEXT_TAG,
  awardsWithDetails,
  callsById,
  dateParts,
  field,
  getAward,
  getExtensions,
  isoOf,
  moneyField,
  nextStepOf,
  parseMoney,
  partsOf,
  warsawDay,
  type CallSummary,
  type DateParts,
  type ExtensionRequest,
  type NextStep,
  type StaffAward,
} from './award-model.js';

type Body = Record<string, unknown>;

/** The forms of the award's page; each keeps what was typed when it comes back with errors. */
type AwardForm = 'prepare' | 'sign' | 'payment';

interface Posted {
  form: AwardForm;
  values: Record<string, unknown>;
  errors: FormErrors;
}

/** Error summary links: each field's first input. */
const IDS: Record<AwardForm, Record<string, string>> = {
  prepare: {
    signingOn: 'prepare-signingOn-day',
    place: 'prepare-place',
    notes: 'prepare-notes',
  },
  sign: {
    signedOn: 'sign-signedOn-day',
    security: 'sign-security',
    declaration: 'sign-declaration',
    avalist: 'sign-avalist',
    guarantors: 'sign-guarantors',
    certificate: 'sign-certificate',
  },
  payment: {
    kind: 'payment-kind',
    amount: 'payment-amount',
    paidOn: 'payment-paidOn-day',
    jobId: 'payment-jobId',
    month: 'payment-month',
  },
};

/** Where an API problem's path belongs on each form. */
const API_FIELDS: Record<AwardForm, Record<string, string>> = {
  prepare: { signingOn: 'signingOn', place: 'place', notes: 'notes' },
  sign: {
    signedOn: 'signedOn',
    security: 'security',
    'security.kind': 'security',
    'security.declarationSigned': 'declaration',
    'security.avalist': 'avalist',
    'security.guarantors': 'guarantors',
    deMinimisCertificateNumber: 'certificate',
  },
  payment: { kind: 'kind', amount: 'amount', paidOn: 'paidOn', jobId: 'jobId', month: 'month' },
};

/**
 * The centre's awards (/biuro/umowy) and one award's page: the agreement prepared and signed
 * (security, the de minimis certificate), payments within the award, bridging-support
 * extension requests decided after a confirmation, giving up, refunds and settlement.
 */
@Controller('biuro/umowy')
@PortalRoles(...CENTRE_STAFF)
export class StaffAwardsController {
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const [awards, calls] = await Promise.all([awardsWithDetails(ctx), callsById(ctx)]);
    const step = NEXT_STEPS.includes(field(query, 'etap') as NextStep)
      ? (field(query, 'etap') as NextStep)
      : '';
    const callId = calls.has(field(query, 'nabor')) ? field(query, 'nabor') : '';
    const search = field(query, 'szukaj').slice(0, 100);
    const counts = Object.fromEntries(NEXT_STEPS.map((s) => [s, 0])) as Record<NextStep, number>;
    const rows = awards
      .map((award) => ({ award, step: nextStepOf(award) }))
      .filter(({ award, step: s }) => {
        if (callId && award.callId !== callId) return false;
        if (search && !award.reference.toLowerCase().includes(search.toLowerCase())) return false;
        counts[s] += 1;
        return !step || s === step;
      })
      .sort((a, b) => NEXT_STEPS.indexOf(a.step) - NEXT_STEPS.indexOf(b.step))
      .map(({ award, step: s }) => ({
        id: award.id,
        reference: award.reference,
        call: callLabel(calls.get(award.callId)),
        amount: formatMoney(award.amount, ctx.lang),
        paid: formatMoney(award.paidTotal, ctx.lang),
        tag: { text: ctx.t(`awards.next.${s}`), classes: NEXT_TAG[s] },
        detail: nextDetail(award, s, ctx),
      }));
    res.render('staff-awards/list', {
      pageTitle: ctx.t('awards.list.title'),
      rows,
      total: awards.length,
      filters: {
        step,
        callId,
        search,
        steps: [
          { value: '', text: ctx.t('awards.filter.anyStep'), selected: !step },
          ...NEXT_STEPS.map((s) => ({
            value: s,
            text: `${ctx.t(`awards.next.${s}`)} (${counts[s]})`,
            selected: s === step,
          })),
        ],
        calls: [
          { value: '', text: ctx.t('awards.filter.anyCall'), selected: !callId },
          ...[...calls.values()].map((c) => ({
            value: c.id,
            text: callLabel(c),
            selected: c.id === callId,
          })),
        ],
      },
    });
  }

  @Get(':id')
  async page(@Param('id') id: string, @Portal() ctx: PortalContext, @Res() res: Response) {
    await this.render(ctx, res, await getAward(ctx, id));
  }

  @Post(':id/przygotowanie')
  async prepare(
    @Param('id') id: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const award = await getAward(ctx, id);
    const values = {
      signingOn: dateParts(body, 'signingOn'),
      place: field(body, 'place'),
      notes: field(body, 'notes'),
    };
    const errors = new FormErrors();
    const signingOn = isoOf(values.signingOn);
    if (!signingOn) errors.add('signingOn', ctx.t('awards.error.date'));
    if (values.place.length === 1) errors.add('place', ctx.t('awards.error.place'));
    if (errors.empty) {
      const result = await ctx.api.grants.post(`/api/awards/${award.id}/agreement/prepare`, {
        signingOn,
        ...(values.place ? { place: values.place } : {}),
        ...(values.notes ? { notes: values.notes } : {}),
      });
      if (result.ok) {
        req.session.flash = { kind: 'success', text: ctx.t('awards.prepare.done') };
        return saveAndRedirect(req, res, `/biuro/umowy/${award.id}#umowa`);
      }
      errors.addApi(result, API_FIELDS.prepare, 'signingOn');
      res.status(result.status);
    } else res.status(400);
    await this.render(ctx, res, award, { form: 'prepare', values, errors });
  }

  @Post(':id/umowa')
  async sign(
    @Param('id') id: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const award = await getAward(ctx, id);
    const values = {
      signedOn: dateParts(body, 'signedOn'),
      security: field(body, 'security'),
      declaration: field(body, 'declaration') === 'yes',
      avalist: field(body, 'avalist'),
      guarantors: field(body, 'guarantors'),
      certificate: field(body, 'certificate'),
    };
    const errors = new FormErrors();
    const signedOn = isoOf(values.signedOn);
    if (!signedOn) errors.add('signedOn', ctx.t('awards.error.date'));
    const guarantors = values.guarantors
      .split(/\r?\n/)
      .map((g) => g.trim())
      .filter(Boolean);
    switch (values.security) {
      case 'blank-promissory-note':
        if (!values.declaration) errors.add('declaration', ctx.t('awards.error.declaration'));
        break;
      case 'aval':
        if (values.avalist.length < 2) errors.add('avalist', ctx.t('awards.error.avalist'));
        break;
      case 'guarantors':
        if (guarantors.length === 0 || guarantors.some((g) => g.length < 2))
          errors.add('guarantors', ctx.t('awards.error.guarantors'));
        break;
      default:
        errors.add('security', ctx.t('awards.error.security'));
    }
    if (!values.certificate) errors.add('certificate', ctx.t('awards.error.certificate'));
    if (errors.empty) {
      const security =
        values.security === 'aval'
          ? { kind: 'aval', avalist: values.avalist }
          : values.security === 'guarantors'
            ? { kind: 'guarantors', guarantors }
            : { kind: 'blank-promissory-note', declarationSigned: true };
      const result = await ctx.api.grants.post(`/api/awards/${award.id}/agreement`, {
        signedOn,
        security,
        deMinimisCertificateNumber: values.certificate,
      });
      if (result.ok) {
        req.session.flash = { kind: 'success', text: ctx.t('awards.sign.done') };
        return saveAndRedirect(req, res, `/biuro/umowy/${award.id}#umowa`);
      }
      errors.addApi(result, API_FIELDS.sign, 'signedOn');
      res.status(result.status);
    } else res.status(400);
    await this.render(ctx, res, award, { form: 'sign', values, errors });
  }

  @Post(':id/wyplaty')
  async pay(
    @Param('id') id: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const award = await getAward(ctx, id);
    const values = {
      kind: field(body, 'kind') || 'tranche',
      amount: field(body, 'amount'),
      paidOn: dateParts(body, 'paidOn'),
      jobId: field(body, 'jobId'),
      month: field(body, 'month'),
    };
    const errors = new FormErrors();
    if (values.kind !== 'tranche' && values.kind !== 'bridging')
      errors.add('kind', ctx.t('awards.error.kind'));
    const amount = parseMoney(values.amount);
    if (!values.amount) errors.add('amount', ctx.t('awards.error.amountMissing'));
    else if (!amount) errors.add('amount', ctx.t('awards.error.amount'));
    const paidOn = isoOf(values.paidOn);
    if (!paidOn) errors.add('paidOn', ctx.t('awards.error.date'));
    if (values.kind === 'bridging') {
      if (!(award.jobs ?? []).some((j) => j.id === values.jobId))
        errors.add('jobId', ctx.t('awards.error.job'));
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
        errors.add('month', ctx.t('awards.error.month'));
    }
    if (errors.empty) {
      const result = await ctx.api.grants.post(`/api/awards/${award.id}/payments`, {
        kind: values.kind,
        amount,
        paidOn,
        ...(values.kind === 'bridging' ? { jobId: values.jobId, month: values.month } : {}),
      });
      if (result.ok) {
        req.session.flash = {
          kind: 'success',
          text: ctx.t('awards.payment.done', { amount: formatMoney(amount, ctx.lang) }),
        };
        return saveAndRedirect(req, res, `/biuro/umowy/${award.id}#wyplaty`);
      }
      errors.addApi(result, API_FIELDS.payment, 'amount');
      res.status(result.status);
    } else res.status(400);
    await this.render(ctx, res, award, { form: 'payment', values, errors });
  }

  @Get(':id/przedluzenie/:requestId')
  async extension(
    @Param('id') id: string,
    @Param('requestId') requestId: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ) {
    const { award, request } = await this.extensionOf(ctx, id, requestId);
    this.renderExtension(ctx, res, award, request, { decision: '', reason: '' }, new FormErrors());
  }

  @Post(':id/przedluzenie/:requestId')
  async decide(
    @Param('id') id: string,
    @Param('requestId') requestId: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { award, request } = await this.extensionOf(ctx, id, requestId);
    const values = { decision: field(body, 'decision'), reason: field(body, 'reason') };
    const errors = new FormErrors();
    if (request.status !== 'pending') {
      return this.renderExtension(ctx, res.status(409), award, request, values, errors);
    }
    if (values.decision !== 'approved' && values.decision !== 'rejected')
      errors.add('decision', ctx.t('awards.extension.error.decision'));
    else if (values.decision === 'rejected' && values.reason.length < 3)
      errors.add('reason', ctx.t('awards.extension.error.reason'));
    if (!errors.empty) {
      return this.renderExtension(ctx, res.status(400), award, request, values, errors);
    }
    if (field(body, 'confirm') === 'change') {
      return this.renderExtension(ctx, res, award, request, values, errors);
    }
    if (field(body, 'confirm') !== 'yes') {
      return this.renderExtension(ctx, res, award, request, values, errors, true);
    }
    const result = await ctx.api.grants.post(
      `/api/awards/${award.id}/bridging-extension/${request.id}/decision`,
      {
        decision: values.decision,
        ...(values.reason ? { reason: values.reason } : {}),
      },
    );
    if (!result.ok) {
      errors.addApi(result, { decision: 'decision', reason: 'reason' }, 'decision');
      return this.renderExtension(ctx, res.status(result.status), award, request, values, errors);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t(`awards.extension.done.${values.decision}`),
    };
    saveAndRedirect(req, res, `/biuro/umowy/${award.id}#wsparcie-pomostowe`);
  }

  @Get(':id/rezygnacja')
  async giveUpPage(@Param('id') id: string, @Portal() ctx: PortalContext, @Res() res: Response) {
    const award = await getAward(ctx, id);
    this.renderGiveUp(ctx, res, award, '', new FormErrors());
  }

  @Post(':id/rezygnacja')
  async giveUp(
    @Param('id') id: string,
    @Body() body: Body,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const award = await getAward(ctx, id);
    const reason = field(body, 'reason');
    const errors = new FormErrors();
    if (award.status !== 'granted')
      return this.renderGiveUp(ctx, res.status(409), award, reason, errors);
    if (reason.length < 3) errors.add('reason', ctx.t('awards.giveUp.error.reason'));
    if (!errors.empty) return this.renderGiveUp(ctx, res.status(400), award, reason, errors);
    const result = await ctx.api.grants.post(`/api/awards/${award.id}/give-up`, { reason });
    if (!result.ok) {
      errors.addApi(result, { reason: 'reason' }, 'reason');
      return this.renderGiveUp(ctx, res.status(result.status), award, reason, errors);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('awards.giveUp.done', { reference: award.reference }),
    };
    saveAndRedirect(req, res, `/biuro/umowy/${award.id}`);
  }

  private async extensionOf(ctx: PortalContext, id: string, requestId: string) {
    checkId(requestId);
    const award = await getAward(ctx, id);
    const request = (await getExtensions(ctx, award.id)).find((r) => r.id === requestId);
    if (!request) throw new NotFoundException();
    return { award, request };
  }

  private renderExtension(
    ctx: PortalContext,
    res: Response,
    award: StaffAward,
    request: ExtensionRequest,
    values: { decision: string; reason: string },
    errors: FormErrors,
    confirming = false,
  ): void {
    const positions = new Map((award.jobs ?? []).map((j) => [j.id, j.position]));
    res.render('staff-awards/extension', {
      pageTitle: confirming
        ? ctx.t(`awards.extension.confirm.${values.decision}`)
        : ctx.t('awards.extension.title'),
      award,
      request: extensionRow(request, ctx),
      jobs: request.jobIds.map((id) => positions.get(id) ?? id).join(', '),
      values,
      errors: errors.fields,
      errorSummary: errors.empty
        ? undefined
        : errors.summary({ decision: 'decision', reason: 'reason' }),
      confirming,
      decided: request.status !== 'pending',
    });
  }

  private renderGiveUp(
    ctx: PortalContext,
    res: Response,
    award: StaffAward,
    reason: string,
    errors: FormErrors,
  ): void {
    res.render('staff-awards/give-up', {
      pageTitle: ctx.t('awards.giveUp.title'),
      award,
      reason,
      allowed: award.status === 'granted',
      errors: errors.fields,
      errorSummary: errors.empty ? undefined : errors.summary({ reason: 'reason' }),
    });
  }

  private async render(
    ctx: PortalContext,
    res: Response,
    award: StaffAward,
    posted?: Posted,
  ): Promise<void> {
    const [calls, extensions] = await Promise.all([callsById(ctx), getExtensions(ctx, award.id)]);
    const call = calls.get(award.callId);
    const bridging = call?.fundingModel?.kind === 'grant-bridging';
    const today = warsawDay(ctx.now);
    const jobs = award.jobs ?? [];
    const positions = new Map(jobs.map((j) => [j.id, j.position]));
    const money = (g: number) => formatMoney(g, ctx.lang);
    const day = (d: string | null | undefined) => formatDay(d, ctx.lang);
    const step = nextStepOf(award);
    const form = (name: AwardForm) => (posted?.form === name ? posted : undefined);
    const prep = award.agreementPreparation;

    const prepare = form('prepare')?.values ?? {
      signingOn: prep ? partsOf(prep.signingOn) : ({ day: '', month: '', year: '' } as DateParts),
      place: prep?.place ?? '',
      notes: '',
    };
    const sign = form('sign')?.values ?? {
      signedOn: prep ? partsOf(prep.signingOn) : partsOf(today),
      security: '',
      declaration: false,
      avalist: '',
      guarantors: '',
      certificate: '',
    };
    const payment = form('payment')?.values ?? {
      kind: 'tranche',
      amount: '',
      paidOn: partsOf(today),
      jobId: '',
      month: '',
    };
    res.render('staff-awards/award', {
      pageTitle: ctx.t('awards.award.title', { reference: award.reference }),
      award,
      call: callLabel(call),
      bridging,
      step,
      stepTag: { text: ctx.t(`awards.next.${step}`), classes: NEXT_TAG[step] },
      stepDetail: nextDetail(award, step, ctx),
      figures: {
        amount: money(award.amount),
        paid: money(award.paidTotal),
        remaining: money(award.remaining),
        remainingField: moneyField(award.remaining),
        grantedAt: formatMoment(award.grantedAt, ctx.lang),
        signedOn: day(award.signedOn),
        settledOn: day(award.settledOn),
        givenUpAt: award.givenUp ? formatMoment(award.givenUp.at, ctx.lang) : '',
        signingOn: prep ? day(prep.signingOn) : '',
        preparedAt: prep ? formatMoment(prep.preparedAt, ctx.lang) : '',
      },
      security: securityText(award, ctx),
      certificate: award.deMinimisCertificate
        ? {
            ...award.deMinimisCertificate,
            grantedOn: day(award.deMinimisCertificate.grantedOn),
            rateFrom: day(award.deMinimisCertificate.rate.validFrom),
            rate: {
              ...award.deMinimisCertificate.rate,
              plnPerEur:
                ctx.lang === 'pl'
                  ? award.deMinimisCertificate.rate.plnPerEur.replace('.', ',')
                  : award.deMinimisCertificate.rate.plnPerEur,
            },
          }
        : null,
      payments: (award.payments ?? [])
        .slice()
        .sort((a, b) => a.paidOn.localeCompare(b.paidOn))
        .map((p) => ({
          paidOn: day(p.paidOn),
          kind: ctx.t(`awards.payment.kind.${p.kind}`),
          detail:
            p.kind === 'bridging'
              ? `${positions.get(p.jobId ?? '') ?? ''}, ${formatPeriod(p.month ?? '', ctx.lang)}`
              : '',
          amount: money(p.amount),
        })),
      extensions: extensions.map((r) => extensionRow(r, ctx)),
      jobs: jobs.map((j) => ({
        id: j.id,
        position: j.position,
        start: day(j.startDate),
        end: day(j.endDate),
        status: { text: ctx.t(`awards.job.status.${j.status}`), classes: JOB_TAG[j.status] },
      })),
      jobOptions: [
        { value: '', text: ctx.t('awards.payment.chooseJob') },
        ...jobs
          .filter((j) => j.status === 'active' || j.status === 'vacant')
          .map((j) => ({ value: j.id, text: j.position, selected: payment.jobId === j.id })),
      ],
      refunds: (award.refunds ?? []).map((r) => ({
        position: positions.get(r.jobId) ?? '',
        principal: money(r.principal),
        interest: money(r.interest),
        total: money(r.total),
        calculatedOn: day(r.calculatedOn),
        demandDate: day(r.demandDate),
        dueDate: day(r.dueDate),
        periods: r.periods.map((p) => ({
          from: day(p.from),
          to: day(p.to),
          days: p.days,
          rate: `${p.ratePercent.replace('.', ctx.lang === 'pl' ? ',' : '.')} %`,
        })),
      })),
      jobsOpen: jobs.filter((j) => j.status === 'active' || j.status === 'vacant').length,
      values: { prepare, sign, payment },
      errors: {
        prepare: form('prepare')?.errors.fields ?? {},
        sign: form('sign')?.errors.fields ?? {},
        payment: form('payment')?.errors.fields ?? {},
      },
      errorSummary: posted ? posted.errors.summary(IDS[posted.form]) : undefined,
    });
  }
}

const JOB_TAG: Record<string, string> = {
  active: 'govuk-tag--green',
  vacant: 'govuk-tag--orange',
  kept: 'govuk-tag--purple',
  'refund-claimed': 'govuk-tag--red',
};

function callLabel(call: CallSummary | undefined): string {
  return call ? `${call.title} (${call.number})` : '';
}

function nextDetail(award: StaffAward, step: NextStep, ctx: PortalContext): string {
  const money = (g: number) => formatMoney(g, ctx.lang);
  switch (step) {
    case 'sign':
      return ctx.t('awards.detail.sign', {
        day: formatDay(award.agreementPreparation?.signingOn, ctx.lang),
      });
    case 'pay':
      return ctx.t('awards.detail.pay', { remaining: money(award.remaining) });
    case 'refund': {
      const total = (award.refunds ?? []).reduce((sum, r) => sum + r.total, 0);
      return ctx.t('awards.detail.refund', { total: money(total) });
    }
    case 'settled':
      return ctx.t('awards.detail.settled', { day: formatDay(award.settledOn, ctx.lang) });
    default:
      return '';
  }
}

function securityText(award: StaffAward, ctx: PortalContext): string {
  const s = award.security;
  if (!s) return '';
  switch (s.kind) {
    case 'aval':
      return `${ctx.t('awards.security.aval')}: ${s.avalist}`;
    case 'guarantors':
      return `${ctx.t('awards.security.guarantors')}: ${s.guarantors.join(', ')}`;
    default:
      return ctx.t('awards.security.blank-promissory-note');
  }
}

function extensionRow(r: ExtensionRequest, ctx: PortalContext) {
  return {
    id: r.id,
    status: r.status,
    tag: {
      text: ctx.t(`awards.extension.status.${r.status}`),
      classes:
        r.status === 'approved'
          ? 'govuk-tag--green'
          : r.status === 'rejected'
            ? 'govuk-tag--red'
            : 'govuk-tag--yellow',
    },
    months: r.months,
    monthlyAmount: formatMoney(r.monthlyAmount, ctx.lang),
    amount: formatMoney(r.amount, ctx.lang),
    justification: r.justification,
    requestedAt: formatMoment(r.requestedAt, ctx.lang),
    decidedAt: r.decidedAt ? formatMoment(r.decidedAt, ctx.lang) : '',
    reason: r.reason ?? '',
  };
}
