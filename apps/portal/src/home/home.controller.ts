import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Portal, localPath, type PortalContext } from '../platform/context.js';
import { LANG_COOKIE } from '../configure.js';
import { isLang } from '../i18n/i18n.js';
import { startPageFor } from '../platform/start-page.js';

/** The start page, the language switch and "stay signed in". */
@Controller()
export class HomeController {
  /** The start page; a signed-in member of staff, evaluator or coordinator goes to their work. */
  @Get()
  home(@Portal() ctx: PortalContext, @Res() res: Response): void {
    const start = ctx.user ? startPageFor(ctx.user.roles) : undefined;
    if (start && start !== '/wnioski') return res.redirect(303, start);
    res.render('home/index', { pageTitle: ctx.t('home.title') });
  }

  /**
   * The language switch (a link, so it works without JavaScript): remembered in a cookie for a
   * year and, for a signed-in person, in their account (their e-mails follow it).
   */
  @Get('jezyk')
  async language(
    @Query('na') lang: string,
    @Query('powrot') back: string,
    @Portal() ctx: PortalContext,
    @Res() res: Response,
  ): Promise<void> {
    if (isLang(lang)) {
      res.cookie(LANG_COOKIE, lang, {
        maxAge: 365 * 86_400_000,
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto' as unknown as boolean,
      });
      if (ctx.user) await ctx.api.applications.put('/api/auth/me/language', { language: lang });
    }
    res.redirect(303, localPath(back));
  }

  /** "Stay signed in" of the timeout dialog: the request itself renews the rolling session. */
  @Post('sesja/przedluz')
  keepAlive(@Body('powrot') back: string, @Req() req: Request, @Res() res: Response): void {
    req.session.touch();
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ ok: true, signedIn: Boolean(req.session.user) });
    } else {
      res.redirect(303, localPath(back));
    }
  }
}
