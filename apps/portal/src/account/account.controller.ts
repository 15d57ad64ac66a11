import { Body, Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { SignedInGuard } from '../platform/signed-in.guard.js';
import { TokenStore, type IssuedTokens } from '../platform/tokens.js';
import { LANG_COOKIE } from '../configure.js';
import { isLang, translator, type Lang } from '../i18n/i18n.js';
import { codeOf, FormErrors, saveAndRedirect, secret } from './form-errors.js';

interface Me {
  id: string;
  email: string;
  fullName: string;
  language: string;
}

/**
 * The signed-in person's account (`/konto`): name and address (read only), the language of the
 * service and of the e-mails, and a new password. Changing the password ends every other
 * session; the portal's own goes on with the new access token the identity service answers.
 */
@Controller('konto')
@UseGuards(SignedInGuard)
export class AccountController {
  constructor(private readonly tokens: TokenStore) {}

  @Get()
  async page(@Portal() ctx: PortalContext, @Res() res: Response): Promise<void> {
    await this.render(ctx, res, 200, {});
  }

  @Post('jezyk')
  async language(
    @Body('language') language: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!isLang(language)) {
      const errors = new FormErrors().add('language', ctx.t('account.page.error.languageMissing'));
      return this.render(ctx, res, 400, { errors });
    }
    const result = await ctx.api.applications.put('/api/auth/me/language', { language });
    if (!result.ok) {
      const errors = new FormErrors().addApi(result, { language: 'language' }, 'language');
      return this.render(ctx, res, 400, { errors });
    }
    res.cookie(LANG_COOKIE, language, {
      maxAge: 365 * 86_400_000,
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto' as unknown as boolean,
    });
    // The next page is in the new language, so is its message.
    req.session.flash = {
      kind: 'success',
      text: translator(language)('account.page.language.saved'),
    };
    saveAndRedirect(req, res, '/konto');
  }

  @Post('powiadomienia')
  async emails(
    @Body('emailLanguage') language: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!isLang(language)) {
      const errors = new FormErrors().add(
        'emailLanguage',
        ctx.t('account.page.error.languageMissing'),
      );
      return this.render(ctx, res, 400, { errors });
    }
    const result = await ctx.api.notifications.put('/api/preferences/me', { language });
    if (!result.ok) {
      const errors = new FormErrors().addApi(
        result,
        { language: 'emailLanguage' },
        'emailLanguage',
      );
      return this.render(ctx, res, 400, { errors });
    }
    req.session.flash = { kind: 'success', text: ctx.t('account.page.emails.saved') };
    saveAndRedirect(req, res, '/konto');
  }

  @Get('haslo')
  passwordForm(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('account/change-password', { pageTitle: ctx.t('account.changePassword.title') });
  }

  @Post('haslo')
  async changePassword(
    @Body() body: { currentPassword?: unknown; newPassword?: unknown },
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const currentPassword = secret(body.currentPassword);
    const newPassword = secret(body.newPassword);
    const errors = new FormErrors();
    if (!currentPassword) {
      errors.add('currentPassword', ctx.t('account.changePassword.error.currentMissing'));
    }
    if (!newPassword) errors.add('newPassword', ctx.t('account.changePassword.error.newMissing'));
    if (errors.empty) {
      const result = await ctx.api.applications.put<IssuedTokens>('/api/auth/me/password', {
        currentPassword,
        newPassword,
      });
      if (result.ok) return this.changed(ctx, req, res, result.body);
      if (result.status === 429) {
        errors.add('currentPassword', ctx.t('account.changePassword.error.throttled'));
      } else if (codeOf(result) === 'CURRENT_PASSWORD_INVALID') {
        errors.add('currentPassword', ctx.t('account.changePassword.error.currentWrong'));
      } else {
        errors.addApi(
          result,
          { currentPassword: 'currentPassword', newPassword: 'newPassword' },
          'newPassword',
        );
      }
    }
    res.status(400).render('account/change-password', {
      pageTitle: ctx.t('account.changePassword.title'),
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }

  /**
   * The identity service answered a new access token for this session (the old ones stopped;
   * the refresh token goes on): the portal keeps it and the person stays signed in. Without a
   * refresh token to go on with, the portal's session ends and the person signs in again.
   */
  private async changed(
    ctx: PortalContext,
    req: Request,
    res: Response,
    issued: IssuedTokens,
  ): Promise<void> {
    const refreshToken = issued.refreshToken ?? (await this.tokens.refreshToken(req.sessionID));
    if (refreshToken && issued.accessToken && ctx.user) {
      await this.tokens.save(req.sessionID, ctx.user.id, { ...issued, refreshToken });
      req.session.flash = { kind: 'success', text: ctx.t('account.changePassword.done') };
      return saveAndRedirect(req, res, '/konto');
    }
    await this.tokens.drop(req.sessionID);
    await new Promise<void>((resolve) => req.session.regenerate(() => resolve()));
    res.locals.user = undefined;
    res.render('account/done', {
      pageTitle: ctx.t('account.changePassword.signInAgain.title'),
      titleKey: 'account.changePassword.signInAgain.title',
      bodyKey: 'account.changePassword.signInAgain.body',
      action: { href: '/logowanie', text: ctx.t('account.verified.signIn') },
    });
  }

  private async render(
    ctx: PortalContext,
    res: Response,
    status: number,
    state: { errors?: FormErrors },
  ): Promise<void> {
    const [me, preferences] = await Promise.all([
      ctx.api.applications.get<Me>('/api/auth/me'),
      ctx.api.notifications.get<{ language: Lang }>('/api/preferences/me'),
    ]);
    const account = me.ok
      ? me.body
      : { fullName: ctx.user?.name ?? '', email: ctx.user?.email ?? '', language: ctx.lang };
    res.status(status).render('account/account', {
      pageTitle: ctx.t('account.page.title'),
      account,
      language: ctx.lang,
      emailLanguage: preferences.ok ? preferences.body.language : account.language,
      errors: state.errors?.fields,
      errorSummary: state.errors?.summary(),
    });
  }
}
