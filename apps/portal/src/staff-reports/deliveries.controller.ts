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
import { formatMoment } from '../platform/views.js';
import { FormErrors, saveAndRedirect, text } from '../account/form-errors.js';
import type { ServiceApi } from '../platform/api.js';

interface DeliveryBody {
  id: string;
  template: string;
  recipient: string;
  reference: string | null;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
}

interface ReminderBody {
  id: string;
  kind: string;
  template: string;
  reference: string | null;
  recipient: string;
  status: string;
  dueAt: string;
  deadline: string;
}

interface DeadLetterBody {
  id: string;
  consumer: string;
  subject: string;
  eventId: string;
  error: string;
  deliveries: number;
  createdAt: string;
}

const STATUSES = ['pending', 'sent', 'failed'] as const;
const PAGE_SIZE = 25;
const SERVICES = ['applications', 'grants', 'notifications'] as const;

/** The log's filters as the page's form and the service's query read them. */
interface Filters {
  status: string;
  template: string;
  recipient: string;
  page: number;
}

function filtersOf(q: Record<string, unknown>): Filters {
  const status = text(q.status);
  const page = Number(text(q.strona) || '1');
  return {
    status: (STATUSES as readonly string[]).includes(status) ? status : '',
    template: text(q.szablon),
    recipient: text(q.odbiorca),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

function serviceQuery(f: Omit<Filters, 'page'>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.template) params.set('template', f.template);
  if (f.recipient) params.set('recipient', f.recipient);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

function pageQuery(f: Omit<Filters, 'page'>, page?: number): string {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.template) params.set('szablon', f.template);
  if (f.recipient) params.set('odbiorca', f.recipient);
  if (page && page > 1) params.set('strona', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The delivery log (`/biuro/wysylki`): the centre's e-mails with their status, filters (status,
 * template, recipient), a failed one sent again after a confirmation, every failed one matching
 * the filters sent again at once; the reminders still to go; and the events each service gave up
 * on (dead letters, `#dead-letters`).
 */
@Controller('biuro/wysylki')
@PortalRoles(...CENTRE_STAFF)
export class DeliveriesController {
  @Get()
  async log(
    @Query() query: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const filters = filtersOf(query);
    await this.render(ctx, res, filters, 200, new FormErrors());
  }

  private async render(
    ctx: PortalContext,
    res: Response,
    filters: Filters,
    status: number,
    errors: FormErrors,
  ): Promise<void> {
    const api = ctx.api;
    const [log, reminders, ...dead] = await Promise.all([
      api.notifications.get<{ total: number; items: DeliveryBody[] }>(
        `/api/deliveries?${serviceQuery(filters, { page: String(filters.page), pageSize: String(PAGE_SIZE) })}`,
      ),
      api.notifications.get<{ total: number; items: ReminderBody[] }>('/api/reminders?pageSize=50'),
      ...SERVICES.map((s) => deadLetters(api[s])),
    ]);
    if (!log.ok)
      errors.addApi(
        log,
        { template: 'szablon', recipient: 'odbiorca', status: 'status' },
        'szablon',
      );
    const total = log.ok ? log.body.total : 0;
    const deliveries = (log.ok ? log.body.items : []).map((d) => ({
      ...d,
      created: formatMoment(d.createdAt, ctx.lang),
      sent: formatMoment(d.sentAt, ctx.lang),
      next: formatMoment(d.nextAttemptAt, ctx.lang),
      statusText: ctx.t(`staffReports.deliveries.status.${d.status}`),
      statusClass: {
        pending: 'govuk-tag--yellow',
        sent: 'govuk-tag--green',
        failed: 'govuk-tag--red',
      }[d.status],
      resendHref: `/biuro/wysylki/${d.id}/ponow${pageQuery({ ...filters, status: 'failed', recipient: d.recipient })}`,
    }));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const failedCount = filters.status === 'failed' ? total : await countFailed(ctx, filters);
    res.status(errors.empty ? status : Math.max(status, 400)).render('staff-reports/deliveries', {
      pageTitle: ctx.t('staffReports.deliveries.title'),
      filters,
      errors: errors.fields,
      errorSummary: errors.summary(),
      statusItems: [
        { value: '', text: ctx.t('staffReports.deliveries.status.any') },
        ...STATUSES.map((s) => ({
          value: s,
          text: ctx.t(`staffReports.deliveries.status.${s}`),
          selected: filters.status === s,
        })),
      ],
      deliveries,
      total,
      pagination: {
        previous:
          filters.page > 1
            ? { href: `/biuro/wysylki${pageQuery(filters, filters.page - 1)}` }
            : undefined,
        next:
          filters.page < pages
            ? { href: `/biuro/wysylki${pageQuery(filters, filters.page + 1)}` }
            : undefined,
        page: filters.page,
        pages,
      },
      failedCount,
      resendAllHref: `/biuro/wysylki/ponow-wszystkie${pageQuery({ ...filters, status: 'failed' })}`,
      reminders: (reminders.ok ? reminders.body.items : []).map((r) => ({
        ...r,
        due: formatMoment(r.dueAt, ctx.lang),
        deadlineText: formatMoment(r.deadline, ctx.lang),
      })),
      remindersTotal: reminders.ok ? reminders.body.total : 0,
      deadLetters: SERVICES.flatMap((service, n) =>
        dead[n]!.map((d) => ({
          ...d,
          service: ctx.t(`staffReports.deadLetters.service.${service}`),
          created: formatMoment(d.createdAt, ctx.lang),
        })),
      ),
    });
  }

  /** The confirmation before a failed e-mail goes again. */
  @Get(':id/ponow')
  async confirmResend(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const filters = filtersOf(query);
    const delivery = await findFailed(ctx, id, filters.recipient);
    res.render('staff-reports/resend', {
      pageTitle: ctx.t('staffReports.resend.title'),
      delivery: delivery
        ? { ...delivery, created: formatMoment(delivery.createdAt, ctx.lang) }
        : undefined,
      id,
      back: `/biuro/wysylki${pageQuery({ ...filters, status: '' })}`,
    });
  }

  @Post(':id/ponow')
  async resend(
    @Param('id') id: string,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException();
    const result = await ctx.api.notifications.post<{
      resent: boolean;
      delivery: DeliveryBody;
    }>(`/api/deliveries/${id}/resend`);
    if (result.status === 404 || result.status === 400) throw new NotFoundException();
    if (!result.ok) throw new NotFoundException();
    req.session.flash = {
      kind: result.body.resent ? 'success' : 'info',
      text: ctx.t(result.body.resent ? 'staffReports.resend.done' : 'staffReports.resend.nothing', {
        recipient: result.body.delivery.recipient,
        subject: result.body.delivery.subject,
      }),
    };
    saveAndRedirect(
      req,
      res,
      `/biuro/wysylki${pageQuery({ status: '', template: '', recipient: result.body.delivery.recipient })}`,
    );
  }

  /** The confirmation before every failed e-mail matching the filters goes again. */
  @Get('ponow-wszystkie')
  async confirmResendAll(
    @Query() query: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const filters = { ...filtersOf(query), status: 'failed' };
    res.render('staff-reports/resend-all', {
      pageTitle: ctx.t('staffReports.resendAll.title'),
      filters,
      count: await countFailed(ctx, filters),
      back: `/biuro/wysylki${pageQuery(filters)}`,
    });
  }

  @Post('ponow-wszystkie')
  async resendAll(
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const filters = { ...filtersOf(body), status: 'failed' };
    const result = await ctx.api.notifications.post<{ resent: number }>('/api/deliveries/resend', {
      ...(filters.template ? { template: filters.template } : {}),
      ...(filters.recipient ? { recipient: filters.recipient } : {}),
    });
    if (!result.ok) {
      const errors = new FormErrors().addApi(
        result,
        { template: 'szablon', recipient: 'odbiorca' },
        'szablon',
      );
      return this.render(ctx, res, { ...filters, page: 1 }, result.status, errors);
    }
    req.session.flash = {
      kind: 'success',
      text: ctx.t('staffReports.resendAll.done', { count: result.body.resent }),
    };
    saveAndRedirect(req, res, `/biuro/wysylki${pageQuery(filters)}`);
  }
}

async function deadLetters(api: ServiceApi): Promise<DeadLetterBody[]> {
  const result = await api.get<{ items: DeadLetterBody[] }>('/api/dead-letters?limit=50');
  return result.ok ? result.body.items : [];
}

async function countFailed(ctx: PortalContext, filters: Omit<Filters, 'page'>): Promise<number> {
  const result = await ctx.api.notifications.get<{ total: number }>(
    `/api/deliveries?${serviceQuery({ ...filters, status: 'failed' }, { pageSize: '1' })}`,
  );
  return result.ok ? result.body.total : 0;
}

/** A failed delivery by id (the service has no single-delivery read: the failed ones are searched). */
async function findFailed(
  ctx: PortalContext,
  id: string,
  recipient: string,
): Promise<DeliveryBody | undefined> {
  const result = await ctx.api.notifications.get<{ items: DeliveryBody[] }>(
    `/api/deliveries?${serviceQuery({ status: 'failed', template: '', recipient }, { pageSize: '200' })}`,
  );
  return result.ok ? result.body.items.find((d) => d.id === id) : undefined;
}
