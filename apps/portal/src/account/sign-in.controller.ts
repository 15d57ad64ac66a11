import { startPageFor } from '../platform/start-page.js';
import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, localPath, type PortalContext, type PortalUser } from '../platform/context.js';
import { TokenStore, type IssuedTokens } from '../platform/tokens.js';
import { LANG_COOKIE } from '../configure.js';
import { isLang } from '../i18n/i18n.js';
import { FormErrors } from './form-errors.js';

interface SignInForm {
  email?: string;
  password?: string;
  powrot?: string;
}

/**
 * Signing in and out (docs/portal.md#sessions). On success the session id is renewed (no
 * fixation), the tokens go to `portal.session_tokens` — never to the browser — and the person is
 * taken back where they were; a form they posted while signed out (`pending`) is found there.
 */
@Controller()
export class SignInController {
  constructor(private readonly tokens: TokenStore) {}

  @Get('logowanie')
  form(
    @Query('powrot') back: string | undefined,
    @Query('wygasla') ended: string | undefined,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): void {
    if (ctx.user) return res.redirect(303, localPath(back, startPageFor(ctx.user.roles)));
    res.render('account/sign-in', {
      pageTitle: ctx.t('account.signIn.title'),
      back: localPath(back, ''),
      ended: ended === '1',
      values: {},
    });
  }

  @Post('logowanie')
  async signIn(
    @Body() body: SignInForm,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const email = (body.email ?? '').trim();
    const password = body.password ?? '';
    const back = localPath(body.powrot, '');
    const again = (errors: FormErrors, status: number, notVerified = false) =>
      res.status(status).render('account/sign-in', {
        pageTitle: ctx.t('account.signIn.title'),
        back,
        values: { email },
        notVerified,
        errors: errors.fields,
        errorSummary: errors.summary(),
      });
    const missing = new FormErrors();
    if (!email) missing.add('email', ctx.t('account.signIn.error.emailMissing'));
    if (!password) missing.add('password', ctx.t('account.signIn.error.passwordMissing'));
    if (!missing.empty) return again(missing, 400);
    const one = (messageKey: string, field: 'email' | 'password', status: number) =>
      again(
        new FormErrors().add(field, ctx.t(messageKey)),
        status,
        messageKey.endsWith('notVerified'),
      );
    const login = await ctx.api.applications.post<IssuedTokens & { code?: string }>(
      '/api/auth/login',
      { email, password },
    );
    if (login.status === 429) return one('account.signIn.error.throttled', 'password', 429);
    if (login.status === 403) {
      const code = (login.body as { code?: string }).code;
      return one(
        code === 'EMAIL_NOT_VERIFIED'
          ? 'account.signIn.error.notVerified'
          : 'account.signIn.error.disabled',
        'email',
        403,
      );
    }
    if (!login.ok) return one('account.signIn.error.wrong', 'email', 401);
    const issued = login.body;
    const me = await fetchMe(ctx, issued.accessToken);
    const pending = req.session.pending;
    await regenerate(req);
    req.session.user = me.user;
    if (pending) req.session.pending = pending;
    await this.tokens.save(req.sessionID, me.user.id, issued);
    if (isLang(me.language)) {
      res.cookie(LANG_COOKIE, me.language, {
        maxAge: 365 * 86_400_000,
        httpOnly: true,
        sameSite: 'lax',
      });
    }
    const target = pending
      ? localPath(pending.path.split('?')[0])
      : back || startPageFor(me.user.roles);
    req.session.save(() => res.redirect(303, target));
  }

  @Post('wyloguj')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const refreshToken = await this.tokens.refreshToken(req.sessionID);
    if (refreshToken) {
      // Ends the session at the identity service (its refresh tokens at once, its access tokens
      // in every service within seconds); the answer is 204 either way.
      await req.portal.api.applications
        .post('/api/auth/logout', { refreshToken })
        .catch(() => undefined);
    }
    await this.tokens.drop(req.sessionID);
    const t = req.portal.t;
    await regenerate(req);
    req.session.flash = { kind: 'success', text: t('account.signOut.done') };
    req.session.save(() => res.redirect(303, '/'));
  }
}

async function fetchMe(
  ctx: PortalContext,
  accessToken: string,
): Promise<{ user: PortalUser; language: string }> {
  const response = await fetch(new URL('/api/auth/me', ctx.api.applications.baseUrl), {
    headers: { authorization: `Bearer ${accessToken}`, 'accept-language': ctx.lang },
    signal: AbortSignal.timeout(10_000),
  });
  const me = (await response.json()) as {
    id: string;
    email: string;
    fullName: string;
    role: string;
    language: string;
  };
  return {
    user: { id: me.id, email: me.email, name: me.fullName, roles: [me.role] },
    language: me.language,
  };
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  );
}
