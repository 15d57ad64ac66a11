import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { codeOf, FormErrors, saveAndRedirect, secret, text } from './form-errors.js';
import './account.session.js';

interface RegisterForm {
  fullName?: string;
  email?: string;
  password?: string;
  consent?: string;
}

/** The query of the request (`?token=…`), kept when an e-mail's link is sent to its page. */
function queryOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at === -1 ? '' : req.originalUrl.slice(at);
}

/**
 * Registration and the confirmation of the e-mail address (docs/product.md#accounts). The
 * answers never tell whether an address already has an account; the link of the e-mail opens
 * a page whose button confirms (a GET changes nothing: mail scanners open links too).
 */
@Controller()
export class RegisterController {
  /** The links of the services' e-mails (`PUBLIC_WEB_URL` + an English path) → Polish pages. */
  @Get('verify-email')
  verifyLink(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, `/potwierdz-email${queryOf(req)}`);
  }

  @Get('reset-password')
  resetLink(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, `/nowe-haslo${queryOf(req)}`);
  }

  @Get('login')
  loginLink(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, `/logowanie${queryOf(req)}`);
  }

  @Get('forgot-password')
  forgotLink(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, `/nie-pamietam-hasla${queryOf(req)}`);
  }

  @Get('rejestracja')
  form(@Portal() ctx: PortalContext, @Res() res: Response): void {
    if (ctx.user) return res.redirect(303, '/konto');
    res.render('account/register', { pageTitle: ctx.t('account.register.title'), values: {} });
  }

  @Post('rejestracja')
  async register(
    @Body() body: RegisterForm,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const values = {
      fullName: text(body.fullName),
      email: text(body.email),
      consent: body.consent,
    };
    const password = secret(body.password);
    const errors = new FormErrors();
    if (!values.fullName) errors.add('fullName', ctx.t('account.register.error.fullNameMissing'));
    if (!values.email) errors.add('email', ctx.t('account.register.error.emailMissing'));
    if (!password) errors.add('password', ctx.t('account.register.error.passwordMissing'));
    if (body.consent !== 'yes') {
      errors.add('consent', ctx.t('account.register.error.consentMissing'));
    }
    if (errors.empty) {
      const result = await ctx.api.applications.post('/api/auth/register', {
        fullName: values.fullName,
        email: values.email,
        password,
        language: ctx.lang,
      });
      if (result.ok) {
        req.session.registeredEmail = values.email;
        return saveAndRedirect(req, res, '/rejestracja/sprawdz-skrzynke');
      }
      if (result.status === 429) {
        errors.add('email', ctx.t('account.register.error.throttled'));
      } else {
        errors.addApi(
          result,
          { fullName: 'fullName', email: 'email', password: 'password' },
          'password',
        );
      }
    }
    res.status(400).render('account/register', {
      pageTitle: ctx.t('account.register.title'),
      values,
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }

  @Get('rejestracja/sprawdz-skrzynke')
  checkInbox(@Portal() ctx: PortalContext, @Req() req: Request, @Res() res: Response): void {
    res.render('account/check-inbox', {
      pageTitle: ctx.t('account.checkInbox.title'),
      email: req.session.registeredEmail,
    });
  }

  @Get('potwierdz-email/nowy-link')
  resendForm(@Portal() ctx: PortalContext, @Req() req: Request, @Res() res: Response): void {
    res.render('account/resend', {
      pageTitle: ctx.t('account.resend.title'),
      values: { email: req.session.registeredEmail ?? '' },
    });
  }

  @Post('potwierdz-email/nowy-link')
  async resend(
    @Body('email') rawEmail: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const email = text(rawEmail);
    const errors = new FormErrors();
    if (!email) errors.add('email', ctx.t('account.register.error.emailMissing'));
    if (errors.empty) {
      const result = await ctx.api.applications.post('/api/auth/verify-email/resend', { email });
      if (result.ok) {
        req.session.registeredEmail = email;
        req.session.flash = { kind: 'success', text: ctx.t('account.resend.done') };
        return saveAndRedirect(req, res, '/rejestracja/sprawdz-skrzynke');
      }
      if (result.status === 429) errors.add('email', ctx.t('account.register.error.throttled'));
      else errors.addApi(result, { email: 'email' }, 'email');
    }
    res.status(400).render('account/resend', {
      pageTitle: ctx.t('account.resend.title'),
      values: { email },
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }

  @Get('potwierdz-email')
  verifyPage(
    @Query('token') token: string | undefined,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): void {
    if (typeof token !== 'string' || !token) return badVerifyLink(ctx, res, false);
    res.render('account/verify', { pageTitle: ctx.t('account.verify.title'), token });
  }

  @Post('potwierdz-email')
  async verify(
    @Body('token') token: unknown,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    if (typeof token !== 'string' || !token) return badVerifyLink(ctx, res, false);
    const result = await ctx.api.applications.post('/api/auth/verify-email', { token });
    if (result.ok) return res.redirect(303, '/potwierdz-email/potwierdzono');
    badVerifyLink(ctx, res, codeOf(result) === 'VERIFICATION_TOKEN_EXPIRED');
  }

  @Get('potwierdz-email/potwierdzono')
  verified(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('account/done', {
      pageTitle: ctx.t('account.verified.title'),
      titleKey: 'account.verified.title',
      bodyKey: 'account.verified.body',
      action: { href: '/logowanie', text: ctx.t('account.verified.signIn') },
    });
  }
}

function badVerifyLink(ctx: PortalContext, res: Response, expired: boolean): void {
  res.status(400).render('account/bad-link', {
    pageTitle: ctx.t('account.badLink.verifyTitle'),
    bodyKey: expired ? 'account.badLink.verifyExpired' : 'account.badLink.verifyInvalid',
    action: { href: '/potwierdz-email/nowy-link', text: ctx.t('account.badLink.verifyAction') },
    signIn: !expired,
  });
}
