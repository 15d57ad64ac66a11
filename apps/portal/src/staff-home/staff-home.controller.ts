import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { CENTRE_STAFF, PortalRoles } from '../platform/roles.guard.js';
import { formatDay, formatMoney } from '../platform/views.js';
import type { ApiResult } from '../platform/api.js';
import { ServiceUnavailableError } from '../platform/tokens.js';

/** How many items of each kind the to-do list names beside its count. */
const FIRST = 5;

/** One item of a line: what it is, where the work is done, and when it is (over)due. */
export interface TodoItem {
  text: string;
  href: string;
  detail?: string;
  tag?: 'overdue' | 'conflict';
}

/** One line of the to-do list: a kind of work, its count, the page where it is done. */
export interface TodoLine {
  key: string;
  /** null: the service could not tell (it did not answer); the page says so, never "0". */
  count: number | null;
  href: string;
  items: TodoItem[];
  /** More than the listed items. */
  more: boolean;
  /** A line needing attention first (something late or broken). */
  urgent: boolean;
}

interface Page<T> {
  items: T[];
  total: number;
}

interface ApplicationRow {
  id: string;
  reference: string | null;
  entityName: string | null;
  submittedAt: string | null;
  corrections: { lastDay?: string } | null;
}

interface WorkItems<T> {
  count: number;
  items: T[];
}

interface Worklist {
  evaluationsOverdue: WorkItems<{
    id: string;
    applicationId: string;
    reference: string;
    dueDate: string;
    evaluatorName: string | null;
  }>;
  rankingsReady: WorkItems<{ callId: string; number: string; title: string; closesAt: string }>;
  agreementsToPrepare: WorkItems<{ awardId: string; reference: string; grantedAt: string }>;
  paymentsDue: WorkItems<{ awardId: string; reference: string; amount: number; paidTotal: number }>;
  reportsOverdue: WorkItems<{
    awardId: string;
    reference: string;
    period: string;
    dueDate: string;
  }>;
  vacancies: WorkItems<{
    awardId: string;
    reference: string;
    position: string;
    refillDeadline: string | null;
  }>;
  refunds: WorkItems<{ awardId: string; reference: string; total: number; dueDate: string }>;
}

interface Delivery {
  id: string;
  recipient?: string;
  subject?: string;
  template?: string;
  reference?: string | null;
}

/** A service's answer when it is usable, else undefined (a 4xx: the line says "unknown"). */
async function usable<T>(call: Promise<ApiResult<T>>): Promise<T | undefined> {
  try {
    const result = await call;
    return result.ok ? result.body : undefined;
  } catch (error) {
    // A service that does not answer leaves its lines unknown; the rest of the list still shows.
    // Anything else (a session that has ended) is the page's to handle.
    if (error instanceof ServiceUnavailableError) return undefined;
    throw error;
  }
}

/**
 * The centre staff's start page (`/biuro`, docs/portal.md): a to-do list, one line per kind of
 * work with its count and the first few items, each linking to the page where the work is done.
 * Gathered from the services' lists (applications: by state, with the conflicts of the rules
 * across applications; grants: `GET /api/worklist`; notifications: failed deliveries; every
 * service's dead letters), all walled to the person's centres by the services themselves.
 */
@Controller()
@PortalRoles(...CENTRE_STAFF)
export class StaffHomeController {
  @Get('biuro')
  async home(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    const { applications, grants, notifications } = ctx.api;
    const list = (state: string) =>
      usable(
        applications.get<Page<ApplicationRow>>(
          `/api/applications?state=${state}&pageSize=${FIRST}`,
        ),
      );
    const [
      submitted,
      corrections,
      worklist,
      failed,
      deadApplications,
      deadGrants,
      deadNotifications,
    ] = await Promise.all([
      list('submitted'),
      list('corrections-requested'),
      usable(grants.get<Worklist>(`/api/worklist?limit=${FIRST}`)),
      usable(notifications.get<Page<Delivery>>(`/api/deliveries?status=failed&pageSize=${FIRST}`)),
      usable(applications.get<{ items: unknown[] }>('/api/dead-letters?limit=500')),
      usable(grants.get<{ items: unknown[] }>('/api/dead-letters?limit=500')),
      usable(notifications.get<{ items: unknown[] }>('/api/dead-letters?limit=500')),
    ]);
    // The conflicts of the rules across applications, for the applications listed.
    const conflicts = new Map<string, number>();
    await Promise.all(
      (submitted?.items ?? []).map(async (a) => {
        const found = await usable(
          applications.get<{ items: unknown[] }>(`/api/applications/${a.id}/conflicts`),
        );
        if (found) conflicts.set(a.id, found.items.length);
      }),
    );
    const day = (value: string | null | undefined) => formatDay(value, ctx.lang);
    const money = (grosze: number) => formatMoney(grosze, ctx.lang);
    const line = <T>(
      key: string,
      href: string,
      found: WorkItems<T> | undefined,
      item: (row: T) => TodoItem,
      urgent = false,
    ): TodoLine => ({
      key,
      href,
      count: found ? found.count : null,
      items: found ? found.items.map(item) : [],
      more: found ? found.count > found.items.length : false,
      urgent: urgent && (found?.count ?? 0) > 0,
    });
    const page = <T>(p: Page<T> | undefined): WorkItems<T> | undefined =>
      p ? { count: p.total, items: p.items } : undefined;
    const dead = [deadApplications, deadGrants, deadNotifications];
    const deadCount = dead.every((d) => d === undefined)
      ? undefined
      : dead.reduce((sum, d) => sum + (d?.items.length ?? 0), 0);

    const lines: TodoLine[] = [
      line('formalChecks', '/biuro/wnioski?stan=submitted', page(submitted), (a) => {
        const n = conflicts.get(a.id) ?? 0;
        return {
          text: a.reference ?? a.id,
          href: `/biuro/wnioski/${a.id}`,
          detail: [
            a.entityName,
            a.submittedAt ? ctx.t('staffHome.item.submitted', { day: day(a.submittedAt) }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
          ...(n > 0 ? { tag: 'conflict' as const } : {}),
        };
      }),
      line('corrections', '/biuro/wnioski?stan=corrections-requested', page(corrections), (a) => ({
        text: a.reference ?? a.id,
        href: `/biuro/wnioski/${a.id}`,
        detail: a.corrections?.lastDay
          ? ctx.t('staffHome.item.until', { day: day(a.corrections.lastDay) })
          : undefined,
      })),
      line(
        'evaluationsOverdue',
        '/biuro/wnioski?stan=formally-accepted',
        worklist?.evaluationsOverdue,
        (e) => ({
          text: e.reference,
          href: `/biuro/wnioski/${e.applicationId}`,
          detail: [e.evaluatorName, ctx.t('staffHome.item.due', { day: day(e.dueDate) })]
            .filter(Boolean)
            .join(' · '),
          tag: 'overdue',
        }),
        true,
      ),
      line('rankingsReady', '/biuro/nabory', worklist?.rankingsReady, (c) => ({
        text: `${c.number} — ${c.title}`,
        href: `/biuro/nabory/${c.callId}/ranking`,
        detail: ctx.t('staffHome.item.closed', { day: day(c.closesAt) }),
      })),
      line(
        'agreementsToPrepare',
        '/biuro/umowy?etap=prepare',
        worklist?.agreementsToPrepare,
        (a) => ({
          text: a.reference,
          href: `/biuro/umowy/${a.awardId}`,
          detail: ctx.t('staffHome.item.granted', { day: day(a.grantedAt) }),
        }),
      ),
      line('paymentsDue', '/biuro/umowy?etap=pay', worklist?.paymentsDue, (a) => ({
        text: a.reference,
        href: `/biuro/umowy/${a.awardId}`,
        detail: ctx.t('staffHome.item.paid', { paid: money(a.paidTotal), amount: money(a.amount) }),
      })),
      line(
        'reportsOverdue',
        '/biuro/miejsca-pracy',
        worklist?.reportsOverdue,
        (r) => ({
          text: r.reference,
          href: `/biuro/umowy/${r.awardId}`,
          detail: ctx.t('staffHome.item.report', { period: r.period, day: day(r.dueDate) }),
          tag: 'overdue',
        }),
        true,
      ),
      line('vacancies', '/biuro/miejsca-pracy', worklist?.vacancies, (j) => ({
        text: `${j.reference} — ${j.position}`,
        href: `/biuro/umowy/${j.awardId}`,
        detail: j.refillDeadline
          ? ctx.t('staffHome.item.refillBy', { day: day(j.refillDeadline) })
          : undefined,
      })),
      line('refunds', '/biuro/umowy?etap=refund', worklist?.refunds, (f) => ({
        text: f.reference,
        href: `/biuro/umowy/${f.awardId}`,
        detail: ctx.t('staffHome.item.refund', { amount: money(f.total), day: day(f.dueDate) }),
      })),
      line(
        'failedEmails',
        '/biuro/wysylki?status=failed',
        page(failed),
        (d) => ({
          text: d.subject ?? d.template ?? d.id,
          href: '/biuro/wysylki?status=failed',
          detail: [d.recipient, d.reference].filter(Boolean).join(' · '),
        }),
        true,
      ),
      {
        key: 'deadLetters',
        href: '/biuro/wysylki#dead-letters',
        count: deadCount ?? null,
        items: [],
        more: false,
        urgent: (deadCount ?? 0) > 0,
      },
    ];
    const waiting = lines.filter((l) => (l.count ?? 0) > 0);
    res.render('staff-home/index', {
      pageTitle: ctx.t('staffHome.title'),
      lines: [...waiting.filter((l) => l.urgent), ...waiting.filter((l) => !l.urgent)],
      done: lines.filter((l) => l.count === 0),
      unknown: lines.filter((l) => l.count === null),
      nothingToDo: waiting.length === 0 && lines.every((l) => l.count !== null),
    });
  }
}
