import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { codeOf, FormErrors, saveAndRedirect, secret, text } from './form-errors.js';
import './account.session.js';

/**
 * A forgotten password (docs/product.md#accounts): the link is asked for with the address (the
 * same answer whether or not it has an account), and the new password is set on the link's page.
 */
@Controller()
export class PasswordController {
  @Get('nie-pamietam-hasla')
  forgotForm(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('account/forgot', { pageTitle: ctx.t('account.forgot.title'), values: {} });
  }

  @Post('nie-pamietam-hasla')
  async forgot(
    @Body('email') rawEmail: unknown,
    @Portal() ctx: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const email = text(rawEmail);
    const errors = new FormErrors();
    if (!email) errors.add('email', ctx.t('account.forgot.error.emailMissing'));
    if (errors.empty) {
      const result = await ctx.api.applications.post('/api/auth/password/forgot', { email });
      if (result.ok) {
        req.session.forgotEmail = email;
        return saveAndRedirect(req, res, '/nie-pamietam-hasla/wyslano');
      }
      if (result.status === 429) errors.add('email', ctx.t('account.forgot.error.throttled'));
      else errors.addApi(result, { email: 'email' }, 'email');
    }
    res.status(400).render('account/forgot', {
      pageTitle: ctx.t('account.forgot.title'),
      values: { email },
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }

  @Get('nie-pamietam-hasla/wyslano')
  forgotSent(@Portal() ctx: PortalContext, @Req() req: Request, @Res() res: Response): void {
    res.render('account/forgot-sent', {
      pageTitle: ctx.t('account.forgotSent.title'),
      email: req.session.forgotEmail,
    });
  }

  @Get('nowe-haslo')
  resetForm(
    @Query('token') token: string | undefined,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): void {
    if (typeof token !== 'string' || !token) return badResetLink(ctx, res, false);
    res.render('account/reset', { pageTitle: ctx.t('account.reset.title'), token });
  }

  @Post('nowe-haslo')
  async reset(
    @Body() body: { token?: unknown; password?: unknown },
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    const token = typeof body.token === 'string' ? body.token : '';
    if (!token) return badResetLink(ctx, res, false);
    const password = secret(body.password);
    const errors = new FormErrors();
    if (!password) errors.add('password', ctx.t('account.reset.error.passwordMissing'));
    if (errors.empty) {
      const result = await ctx.api.applications.post('/api/auth/password/reset', {
        token,
        password,
      });
      if (result.ok) return res.redirect(303, '/nowe-haslo/gotowe');
      const code = codeOf(result);
      const problems = (result.body as { errors?: { path: string }[] })?.errors ?? [];
      if (
        code === 'RESET_TOKEN_INVALID' ||
        code === 'RESET_TOKEN_EXPIRED' ||
        problems.some((p) => p.path === 'token')
      ) {
        return badResetLink(ctx, res, code === 'RESET_TOKEN_EXPIRED');
      }
      errors.addApi(result, { password: 'password' }, 'password');
    }
    res.status(400).render('account/reset', {
      pageTitle: ctx.t('account.reset.title'),
      token,
      errors: errors.fields,
      errorSummary: errors.summary(),
    });
  }

  @Get('nowe-haslo/gotowe')
  resetDone(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('account/done', {
      pageTitle: ctx.t('account.resetDone.title'),
      titleKey: 'account.resetDone.title',
      bodyKey: 'account.resetDone.body',
      action: { href: '/logowanie', text: ctx.t('account.resetDone.signIn') },
    });
  }
}

function badResetLink(ctx: PortalContext, res: Response, expired: boolean): void {
  res.status(400).render('account/bad-link', {
    pageTitle: ctx.t('account.badLink.resetTitle'),
    bodyKey: expired ? 'account.badLink.resetExpired' : 'account.badLink.resetInvalid',
    action: { href: '/nie-pamietam-hasla', text: ctx.t('account.badLink.resetAction') },
    signIn: false,
  });
}
