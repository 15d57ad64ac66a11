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
import type { ApiProblem, ApiResult } from '../platform/api.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { SignedInGuard } from '../platform/signed-in.guard.js';
import { countyGroups, countyName } from '../calls/counties.js';
import type { CentreView } from '../calls/calls.controller.js';
import {
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  LEGAL_FORMS,
  PROOF_KINDS,
  addRow,
  fieldIdOf,
  formFromPage,
  pageFromBody,
  pageFromForm,
  type GroupPage,
} from './group-form.js';

/** An initiative group as applications' API answers it. */
interface GroupView {
  id: string;
  centreId: string;
  state: 'draft' | 'submitted' | 'qualified' | 'rejected';
  name: string | null;
  plannedLegalForm: string | null;
  form: Record<string, unknown>;
  submittedAt: string | null;
  decision: { decision: string; reason: string; decidedAt: string } | null;
  createdAt: string;
  updatedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATE_TAGS: Record<string, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  qualified: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
};

type Errors = Record<string, { text: string }>;

/** The API's problems as the page's field errors and its error summary (first problem per field). */
function errorsOf(problems: ApiProblem[], page: GroupPage, fallback: string) {
  const errors: Errors = {};
  const summary: { text: string; href: string }[] = [];
  for (const p of problems.length ? problems : [{ path: 'form', message: fallback }]) {
    const id = fieldIdOf(p.path, page);
    if (errors[id]) {
      errors[id] = { text: `${errors[id].text} ${p.message}` };
    } else {
      errors[id] = { text: p.message };
    }
    summary.push({ text: p.message, href: `#${id}` });
  }
  return { errors, errorSummary: summary };
}

/**
 * The initiative group pages (docs/product.md#initiative-groups): the person's groups, a new
 * draft (name and centre), the form in sections — members added and removed with submit
 * buttons (and without a reload when JavaScript runs: group-members.js) — check your answers,
 * submission and its confirmation. Every save is the whole form (`PATCH`), as the API takes it.
 */
@Controller('grupa')
@UseGuards(SignedInGuard)
export class GroupsController {
  @Get()
  async list(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const found = await ctx.api.applications.get<{ items: GroupView[] }>(
      '/api/initiative-groups?pageSize=100',
    );
    res.render('groups/list', {
      pageTitle: ctx.t('groups.list.title'),
      groups: (found.ok ? found.body.items : []).map((g) => ({ ...g, tag: STATE_TAGS[g.state] })),
    });
  }

  @Get('nowa')
  async newForm(
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const centres = await this.centres(ctx);
    const county = req.session.county;
    const preselected = county ? centres.find((c) => c.counties.includes(county))?.id : undefined;
    res.render('groups/new', {
      pageTitle: ctx.t('groups.new.title'),
      centres,
      values: { centreId: centres.length === 1 ? centres[0].id : preselected },
    });
  }

  @Post('nowa')
  async create(
    @Body() body: { name?: string; centreId?: string },
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const centres = await this.centres(ctx);
    const name = (body.name ?? '').trim();
    const centreId = centres.length === 1 ? centres[0].id : body.centreId;
    const again = (
      status: number,
      errors: Errors,
      errorSummary: { text: string; href: string }[],
    ) =>
      res.status(status).render('groups/new', {
        pageTitle: ctx.t('groups.new.title'),
        centres,
        values: { name, centreId },
        errors,
        errorSummary,
      });
    if (!centreId || !centres.some((c) => c.id === centreId)) {
      const text = ctx.t('groups.field.centreMissing');
      return again(400, { centreId: { text } }, [{ text, href: '#centreId' }]);
    }
    const created = await ctx.api.applications.post<GroupView>('/api/initiative-groups', {
      form: name ? { name } : {},
      centreId,
    });
    if (!created.ok) {
      const page = pageFromForm({ name });
      const { errors, errorSummary } = errorsOf(
        (created.body as { errors?: ApiProblem[] }).errors ?? [],
        page,
        (created.body as { message?: string }).message ?? '',
      );
      return again(created.status, errors, errorSummary);
    }
    res.redirect(303, `/grupa/${created.body.id}`);
  }

  @Get(':id')
  async form(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const group = await this.group(ctx, id);
    if (group.state !== 'draft') return this.renderView(ctx, res, group);
    await this.renderForm(ctx, res, group, pageFromForm(group.form));
  }

  /** Saves the whole form; `action` says what next: save, check, add-natural, add-legal, remove-<key>. */
  @Post(':id')
  async save(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const group = await this.group(ctx, id);
    if (group.state !== 'draft') return res.redirect(303, `/grupa/${id}`);
    const page = pageFromBody(body);
    const action = typeof body.action === 'string' ? body.action : 'save';
    let anchor = '';
    if (action === 'add-natural' || action === 'add-legal') {
      const row = addRow(page, action === 'add-natural' ? 'natural' : 'legal');
      anchor = `#m-${page.rows.indexOf(row)}-${row.kind === 'natural' ? 'fullName' : 'name'}`;
    } else if (action.startsWith('remove-')) {
      const key = Number(action.slice('remove-'.length));
      const removed = page.rows.find((r) => r.key === key);
      page.rows = page.rows.filter((r) => r.key !== key);
      anchor = removed?.kind === 'legal' ? '#legal-members' : '#members';
    }
    const saved = await ctx.api.applications.patch<GroupView>(`/api/initiative-groups/${id}`, {
      form: formFromPage(page),
    });
    if (!saved.ok) return this.refused(ctx, res, group, page, saved);
    if (action === 'check') return res.redirect(303, `/grupa/${id}/sprawdz`);
    if (action === 'save')
      req.session.flash = { kind: 'success', text: ctx.t('groups.form.saved') };
    req.session.save(() => res.redirect(303, `/grupa/${id}${anchor}`));
  }

  @Get(':id/sprawdz')
  async check(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const group = await this.group(ctx, id);
    if (group.state !== 'draft') return res.redirect(303, `/grupa/${id}`);
    res.render('groups/check', {
      pageTitle: ctx.t('groups.check.title'),
      group,
      centre: await this.centre(ctx, group.centreId),
      ...this.summary(ctx, pageFromForm(group.form)),
    });
  }

  @Post(':id/zloz')
  async submit(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const group = await this.group(ctx, id);
    const submitted = await ctx.api.applications.post<GroupView>(
      `/api/initiative-groups/${id}/submit`,
    );
    if (!submitted.ok) return this.refused(ctx, res, group, pageFromForm(group.form), submitted);
    res.redirect(303, `/grupa/${id}/zlozono`);
  }

  @Get(':id/zlozono')
  async done(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const group = await this.group(ctx, id);
    if (group.state === 'draft') return res.redirect(303, `/grupa/${id}`);
    res.render('groups/done', { pageTitle: ctx.t('groups.done.title'), group });
  }

  private async group(ctx: PortalContext, id: string): Promise<GroupView> {
    if (!UUID.test(id)) throw new NotFoundException();
    const found = await ctx.api.applications.get<GroupView>(`/api/initiative-groups/${id}`);
    if (!found.ok) throw new NotFoundException();
    return found.body;
  }

  private async centres(ctx: PortalContext): Promise<CentreView[]> {
    const found = await ctx.api.applications.get<{ items: CentreView[] }>('/api/centres');
    return found.ok ? found.body.items : [];
  }

  private async centre(ctx: PortalContext, id: string): Promise<CentreView | undefined> {
    const found = await ctx.api.applications.get<CentreView>(`/api/centres/${id}`);
    return found.ok ? found.body : undefined;
  }

  /** A save or a submission the API refused: the form again, with the problems at their fields. */
  private async refused(
    ctx: PortalContext,
    res: Response,
    group: GroupView,
    page: GroupPage,
    answer: ApiResult,
  ): Promise<void> {
    if (answer.status === 409) return res.redirect(303, `/grupa/${group.id}`);
    const body = answer.body as { errors?: ApiProblem[]; message?: string };
    const { errors, errorSummary } = errorsOf(body.errors ?? [], page, body.message ?? '');
    await this.renderForm(ctx, res, group, page, answer.status, errors, errorSummary);
  }

  private async renderForm(
    ctx: PortalContext,
    res: Response,
    group: GroupView,
    page: GroupPage,
    status = 200,
    errors: Errors = {},
    errorSummary: { text: string; href: string }[] = [],
  ): Promise<void> {
    const centre = await this.centre(ctx, group.centreId);
    const option = (prefix: string) => (value: string) => ({
      value,
      text: ctx.t(`${prefix}.${value}`),
    });
    let natural = 0;
    let legal = 0;
    res.status(status).render('groups/form', {
      pageTitle: ctx.t('groups.form.title'),
      group,
      centre,
      page,
      rows: page.rows.map((row) => ({
        ...row,
        n: row.kind === 'natural' ? ++natural : ++legal,
      })),
      nextKey: page.rows.reduce((max, r) => Math.max(max, r.key), -1) + 1,
      errors,
      errorSummary,
      countyGroups: countyGroups(ctx.lang),
      legalForms: LEGAL_FORMS.map(option('groups.legalForm')),
      statuses: ELIGIBILITY_STATUSES.map(option('groups.status')),
      proofKinds: PROOF_KINDS.map(option('groups.proof')),
      degrees: DISABILITY_DEGREES.map(option('groups.degree')),
      selectItems: (list: { value: string; text: string }[], selected: string | undefined) => [
        { value: '', text: ctx.t('groups.member.choose') },
        ...list.map((o) => ({ ...o, selected: o.value === selected })),
      ],
    });
  }

  private renderView(ctx: PortalContext, res: Response, group: GroupView): void {
    res.render('groups/view', {
      pageTitle: ctx.t('groups.view.title', { name: group.name ?? ctx.t('groups.list.unnamed') }),
      group,
      tag: STATE_TAGS[group.state],
      ...this.summary(ctx, pageFromForm(group.form)),
    });
  }

  /** The answers as summary list rows: the group's, then one list per member. */
  private summary(ctx: PortalContext, page: GroupPage) {
    const empty = ctx.t('groups.check.empty');
    const v = (value: string) => (value ? value : empty);
    const groupRows = [
      { key: ctx.t('groups.field.name'), value: v(page.name), id: 'name' },
      {
        key: ctx.t('groups.field.plannedLegalForm'),
        value: page.plannedLegalForm ? ctx.t(`groups.legalForm.${page.plannedLegalForm}`) : empty,
        id: 'plannedLegalForm',
      },
      { key: ctx.t('groups.field.plannedJobs'), value: v(page.plannedJobs), id: 'plannedJobs' },
      { key: ctx.t('groups.field.businessIdea'), value: v(page.businessIdea), id: 'businessIdea' },
    ];
    let natural = 0;
    let legal = 0;
    const members = page.rows.map((row) => {
      const vals = row.values;
      const county = vals.county ? countyName(vals.county, ctx.lang) : empty;
      const at = (field: string) => `m-${row.key}-${field}`;
      if (row.kind === 'natural') {
        return {
          title: ctx.t('groups.member.natural', { n: ++natural }),
          name: vals.fullName || ctx.t('groups.member.natural', { n: natural }),
          rows: [
            { key: ctx.t('groups.member.fullName'), value: v(vals.fullName), id: at('fullName') },
            { key: ctx.t('groups.member.pesel'), value: v(vals.pesel), id: at('pesel') },
            { key: ctx.t('groups.member.email'), value: v(vals.email), id: at('email') },
            { key: ctx.t('groups.member.phone'), value: v(vals.phone), id: at('phone') },
            { key: ctx.t('groups.member.county'), value: county, id: at('county') },
            {
              key: ctx.t('groups.member.status'),
              value: vals.status ? ctx.t(`groups.status.${vals.status}`) : empty,
              id: at('status'),
            },
            {
              key: ctx.t('groups.member.proofKind'),
              value: vals.proofKind ? ctx.t(`groups.proof.${vals.proofKind}`) : empty,
              id: at('proofKind'),
            },
            ...(vals.disabilityDegree
              ? [
                  {
                    key: ctx.t('groups.member.disabilityDegree'),
                    value: ctx.t(`groups.degree.${vals.disabilityDegree}`),
                    id: at('disabilityDegree'),
                  },
                ]
              : []),
            {
              key: ctx.t('groups.member.consent'),
              value: ctx.t(row.consent ? 'groups.check.yes' : 'groups.check.no'),
              id: at('consent'),
            },
          ],
        };
      }
      return {
        title: ctx.t('groups.member.legal', { n: ++legal }),
        name: vals.name || ctx.t('groups.member.legal', { n: legal }),
        rows: [
          { key: ctx.t('groups.member.name'), value: v(vals.name), id: at('name') },
          { key: ctx.t('groups.member.krs'), value: v(vals.krs), id: at('krs') },
          { key: ctx.t('groups.member.nip'), value: v(vals.nip), id: at('nip') },
          { key: ctx.t('groups.member.regon'), value: v(vals.regon), id: at('regon') },
          { key: ctx.t('groups.member.seatCounty'), value: county, id: at('county') },
        ],
      };
    });
    return { groupRows, members };
  }
}
