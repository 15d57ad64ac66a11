import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Portal, type PortalContext } from '../platform/context.js';
import { sectionKeys } from './info.messages.js';

/** The accessibility statement and the privacy notice (public, linked from every page's footer). */
@Controller()
export class InfoController {
  @Get('deklaracja-dostepnosci')
  accessibility(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('info/page', {
      pageTitle: ctx.t('info.a11y.title'),
      titleKey: 'info.a11y.title',
      leadKey: 'info.a11y.lead',
      sections: sectionKeys('a11y'),
      headingId: 'a11y',
    });
  }

  @Get('prywatnosc')
  privacy(@Portal() ctx: PortalContext, @Res() res: Response): void {
    res.render('info/page', {
      pageTitle: ctx.t('info.privacy.title'),
      titleKey: 'info.privacy.title',
      leadKey: 'info.privacy.lead',
      sections: sectionKeys('privacy'),
      headingId: 'privacy',
    });
  }
}
