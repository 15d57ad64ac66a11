import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { COUNTIES } from '@app/common/reference/teryt.js';
import { Portal, type PortalContext } from '../platform/context.js';
import { PortalRoles } from '../platform/roles.guard.js';
import { TokenStore } from '../platform/tokens.js';
import { formatDay } from '../platform/views.js';
import { countyName } from '../calls/counties.js';
import { FormErrors, saveAndRedirect, text } from '../account/form-errors.js';
import { settleForm } from '../platform/forms.js';

/** A centre's whole record, as its admin reads it (`GET /api/centres/:id` with their token). */
interface CentreBody {
  id: string;
  number: number;
  name: string;
  voivodeship: string;
  counties: string[];
  address: string;
  contact: { email: string; phone: string };
  mail?: {
    senderName: string;
    senderEmail: string;
    signature: string;
    operatorsMailbox: string[];
  };
  version?: number;
}

interface StaffBody {
  id: string;
  email: string;
  fullName: string;
  role: string;
  emailVerified: boolean;
  disabled: boolean;
  createdAt: string;
}

const STAFF_ROLES = ['operator', 'admin'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What may be done to a staff member after a confirmation. */
const ACTIONS = { usun: 'remove', wylacz: 'disable', wlacz: 'enable' } as const;
type ActionPath = keyof typeof ACTIONS;

/** The settings form's fields and the paths of the service's errors that belong to each. */
const SETTINGS_FIELDS: Record<string, string> = {
  counties: 'counties',
  address: 'address',
  contactEmail: 'contactEmail',
  contactPhone: 'contactPhone',
  senderName: 'senderName',
  senderEmail: 'senderEmail',
  signature: 'signature',
  operatorsMailbox: 'operatorsMailbox',
};

function settingsFieldOf(path: string): string | undefined {
  const base = path.replace(/\[\d+\]$/, '');
  return SETTINGS_FIELDS[base];
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

/**
 * The centre admin's pages (docs/tenancy.md#roles): the centre's staff — add an existing
 * account as operator or admin, change a role, disable or enable an account, take it off the
 * staff (each after a confirmation) — and the centre's settings: counties served, contact, the
 * sender of its letters and the operators' mailbox. Which centre: the admin's centres named by
 * their token (`ctr`); `?centrum=` chooses among several, another centre's id is a 404.
 */
@Controller('biuro')
@PortalRoles('admin')
export class CentreAdminController {
  constructor(private readonly tokens: TokenStore) {}

  /** The admin's centres, from the access token's `ctr` claim (the services decide on it too). */
  private async centresOf(req: Request): Promise<string[]> {
    const token = await this.tokens.accessToken(req.sessionID);
    try {
      const payload = JSON.parse(
        Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as { ctr?: unknown };
      return list(payload.ctr).filter((c) => UUID.test(c));
    } catch {
      return [];
    }
  }

  /** The centre the page is about, with the admin's other centres for the switch. */
  private async centre(
    req: Request,
    ctx: PortalContext,
    chosen: unknown,
  ): Promise<{ centre: CentreBody; others: { id: string; name: string; href: string }[] }> {
    const ids = await this.centresOf(req);
    if (ids.length === 0) throw new ForbiddenException();
    const wanted = text(chosen);
    if (wanted && !ids.includes(wanted)) throw new NotFoundException();
    const id = wanted || ids[0]!;
    const all = await Promise.all(
      ids.map((c) => ctx.api.applications.get<CentreBody>(`/api/centres/${c}`)),
    );
    const found = all[ids.indexOf(id)];
    if (!found?.ok) throw new NotFoundException();
    return {
      centre: found.body,
      others: all
        .filter((r, n) => r.ok && ids[n] !== id)
        .map((r) => ({ id: r.body.id, name: r.body.name, href: `?centrum=${r.body.id}` })),
    };
  }

  @Get('zespol')
  async team(
    @Query('centrum') centrum: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { centre, others } = await this.centre(req, ctx, centrum);
    await this.renderTeam(ctx, res, centre, others, 200, new FormErrors(), {});
  }

  private async renderTeam(
    ctx: PortalContext,
    res: Response,
    centre: CentreBody,
    others: { id: string; name: string; href: string }[],
    status: number,
    errors: FormErrors,
    values: Record<string, string>,
  ): Promise<void> {
    const staff = await ctx.api.applications.get<{ items: StaffBody[] }>(
      `/api/centres/${centre.id}/staff`,
    );
    if (staff.status === 404 || staff.status === 403) throw new NotFoundException();
    const q = `?centrum=${centre.id}`;
    const members = (staff.ok ? staff.body.items : [])
      .slice()
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'pl'))
      .map((m) => ({
        ...m,
        self: m.id === ctx.user?.id,
        roleText: ctx.t(`centreAdmin.role.${m.role}`),
        since: formatDay(m.createdAt, ctx.lang),
        roleItems: STAFF_ROLES.map((r) => ({
          value: r,
          text: ctx.t(`centreAdmin.role.${r}`),
          selected: m.role === r,
        })),
        removeHref: `/biuro/zespol/${m.id}/usun${q}`,
        toggleHref: `/biuro/zespol/${m.id}/${m.disabled ? 'wlacz' : 'wylacz'}${q}`,
      }));
    res.status(status).render('centre-admin/team', {
      pageTitle: ctx.t('centreAdmin.team.title'),
      centre,
      others,
      members,
      errors: errors.fields,
      errorSummary: errors.summary({ role: 'role' }),
      values,
      roleItems: STAFF_ROLES.map((r) => ({
        value: r,
        text: ctx.t(`centreAdmin.role.${r}`),
        hint: { text: ctx.t(`centreAdmin.role.${r}.hint`) },
        checked: values.role === r,
      })),
    });
  }

  @Post('zespol/dodaj')
  async add(
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { centre, others } = await this.centre(req, ctx, body.centrum);
    const values = { email: text(body.email), role: text(body.role) };
    const errors = new FormErrors();
    if (!values.email) errors.add('email', ctx.t('centreAdmin.add.error.email'));
    if (!(STAFF_ROLES as readonly string[]).includes(values.role))
      errors.add('role', ctx.t('centreAdmin.add.error.role'));
    if (errors.empty) {
      const result = await ctx.api.applications.post<StaffBody>(`/api/centres/${centre.id}/staff`, {
        email: values.email,
        role: values.role,
      });
      const settled = settleForm(req, res, result, errors, {
        done: (member) => this.memberDone(ctx, 'centreAdmin.add.done', member),
        to: `/biuro/zespol?centrum=${centre.id}`,
        fields: { email: 'email', role: 'role' },
        fallback: 'email',
      });
      if (settled) return;
    }
    await this.renderTeam(ctx, res, centre, others, 400, errors, values);
  }

  @Post('zespol/:userId/rola')
  async role(
    @Param('userId') userId: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { centre, others } = await this.centre(req, ctx, body.centrum);
    if (!UUID.test(userId)) throw new NotFoundException();
    const role = text(body.role);
    const errors = new FormErrors();
    if (!(STAFF_ROLES as readonly string[]).includes(role)) {
      errors.add(`role-${userId}`, ctx.t('centreAdmin.add.error.role'));
    } else {
      const result = await ctx.api.applications.put<StaffBody>(`/api/users/${userId}/role`, {
        role,
      });
      if (result.status === 404) throw new NotFoundException();
      const settled = settleForm(req, res, result, errors, {
        done: (member) => this.memberDone(ctx, 'centreAdmin.role.done', member),
        to: `/biuro/zespol?centrum=${centre.id}`,
        fields: { role: `role-${userId}` },
        fallback: `role-${userId}`,
      });
      if (settled) return;
    }
    await this.renderTeam(ctx, res, centre, others, 400, errors, {});
  }

  @Get('zespol/:userId/:action')
  async confirm(
    @Param('userId') userId: string,
    @Param('action') action: string,
    @Query('centrum') centrum: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(action in ACTIONS) || !UUID.test(userId)) throw new NotFoundException();
    const { centre } = await this.centre(req, ctx, centrum);
    const member = await this.member(ctx, centre.id, userId);
    res.render('centre-admin/confirm', {
      pageTitle: ctx.t(`centreAdmin.confirm.${ACTIONS[action as ActionPath]}.title`),
      kind: ACTIONS[action as ActionPath],
      action: `/biuro/zespol/${userId}/${action}`,
      centre,
      member,
      back: `/biuro/zespol?centrum=${centre.id}`,
    });
  }

  @Post('zespol/:userId/:action')
  async act(
    @Param('userId') userId: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(action in ACTIONS) || !UUID.test(userId)) throw new NotFoundException();
    const { centre } = await this.centre(req, ctx, body.centrum);
    const member = await this.member(ctx, centre.id, userId);
    const kind = ACTIONS[action as ActionPath];
    const api = ctx.api.applications;
    const result =
      kind === 'remove'
        ? await api.delete(`/api/centres/${centre.id}/staff/${userId}`)
        : await api.post(`/api/users/${userId}/${kind}`);
    if (result.status === 404) throw new NotFoundException();
    req.session.flash = result.ok
      ? {
          kind: 'success',
          text: ctx.t(`centreAdmin.confirm.${kind}.done`, { name: member.fullName }),
        }
      : {
          kind: 'info',
          text: String((result.body as { message?: string })?.message ?? result.status),
        };
    saveAndRedirect(req, res, `/biuro/zespol?centrum=${centre.id}`);
  }

  /** The success banner after a member was added or given a role: their name and role. */
  private memberDone(
    ctx: PortalContext,
    key: string,
    member: { fullName: string; role: string },
  ): string {
    return ctx.t(key, { name: member.fullName, role: ctx.t(`centreAdmin.role.${member.role}`) });
  }

  private async member(ctx: PortalContext, centreId: string, userId: string): Promise<StaffBody> {
    const staff = await ctx.api.applications.get<{ items: StaffBody[] }>(
      `/api/centres/${centreId}/staff`,
    );
    const member = staff.ok ? staff.body.items.find((m) => m.id === userId) : undefined;
    if (!member) throw new NotFoundException();
    return member;
  }

  @Get('ustawienia')
  async settings(
    @Query('centrum') centrum: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { centre, others } = await this.centre(req, ctx, centrum);
    this.renderSettings(ctx, res, centre, others, 200, new FormErrors(), {
      counties: centre.counties,
      address: centre.address,
      contactEmail: centre.contact.email,
      contactPhone: centre.contact.phone,
      senderName: centre.mail?.senderName ?? '',
      senderEmail: centre.mail?.senderEmail ?? '',
      signature: centre.mail?.signature ?? '',
      operatorsMailbox: (centre.mail?.operatorsMailbox ?? []).join('\n'),
    });
  }

  @Post('ustawienia')
  async saveSettings(
    @Body() body: Record<string, unknown>,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { centre, others } = await this.centre(req, ctx, body.centrum);
    const values = {
      counties: list(body.counties),
      address: text(body.address),
      contactEmail: text(body.contactEmail),
      contactPhone: text(body.contactPhone),
      senderName: text(body.senderName),
      senderEmail: text(body.senderEmail),
      signature:
        typeof body.signature === 'string' ? body.signature.replace(/\r\n/g, '\n').trim() : '',
      operatorsMailbox: text(body.operatorsMailbox),
    };
    const errors = new FormErrors();
    if (values.counties.length === 0)
      errors.add('counties', ctx.t('centreAdmin.settings.error.counties'));
    if (errors.empty) {
      const mailbox = values.operatorsMailbox
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const current: Record<string, unknown> = {
        counties: centre.counties,
        address: centre.address,
        contactEmail: centre.contact.email,
        contactPhone: centre.contact.phone,
        senderName: centre.mail?.senderName ?? '',
        senderEmail: centre.mail?.senderEmail ?? '',
        signature: centre.mail?.signature ?? '',
        operatorsMailbox: centre.mail?.operatorsMailbox ?? [],
      };
      // Only what the admin changed: a field left as it was is not checked again.
      const wanted: Record<string, unknown> = { ...values, operatorsMailbox: mailbox };
      const patch = Object.fromEntries(
        Object.entries(wanted).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key]),
        ),
      );
      const result = await ctx.api.applications.patch<CentreBody>(
        `/api/centres/${centre.id}`,
        patch,
      );
      if (result.status === 404) throw new NotFoundException();
      if (result.ok) {
        req.session.flash = { kind: 'success', text: ctx.t('centreAdmin.settings.saved') };
        return saveAndRedirect(req, res, `/biuro/ustawienia?centrum=${centre.id}`);
      }
      const body = (result.body ?? {}) as {
        message?: string;
        errors?: { path: string; message: string }[];
      };
      let placed = false;
      for (const p of body.errors ?? []) {
        const field = settingsFieldOf(p.path);
        if (field) {
          errors.add(field, p.message);
          placed = true;
        }
      }
      if (!placed) errors.add('counties', body.message ?? String(result.status));
    }
    this.renderSettings(ctx, res, centre, others, 400, errors, values);
  }

  private renderSettings(
    ctx: PortalContext,
    res: Response,
    centre: CentreBody,
    others: { id: string; name: string; href: string }[],
    status: number,
    errors: FormErrors,
    values: Record<string, string | string[]>,
  ): void {
    const chosen = new Set(values.counties as string[]);
    const counties = COUNTIES.filter((c) => c.teryt.startsWith(centre.voivodeship))
      .map((c) => ({
        value: c.teryt,
        text: countyName(c.teryt, ctx.lang),
        checked: chosen.has(c.teryt),
      }))
      .sort((a, b) => a.text.localeCompare(b.text, 'pl'));
    res.status(status).render('centre-admin/settings', {
      pageTitle: ctx.t('centreAdmin.settings.title'),
      centre,
      others,
      counties,
      values,
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }
}
