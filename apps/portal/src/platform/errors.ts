import {
  Catch,
  ForbiddenException,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceUnavailableError, SignedOutError } from './tokens.js';
import { translator } from '../i18n/i18n.js';

/** The message csrf-sync is configured to refuse a form with (Nest wraps its error). */
export const CSRF_REFUSED = 'The form’s CSRF token is missing or wrong';

function isCsrfRefusal(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === 'EBADCSRFTOKEN' || (error instanceof HttpException && e.message === CSRF_REFUSED)
  );
}

/** The page needs a signed-in person (thrown by SignedInGuard). */
export class SignInRequired extends Error {}

/**
 * Every failure as a page in the person's language, in the portal's layout: 404, 403, an expired
 * form (CSRF), a service that is down (503), anything else (500, logged). A session that ended
 * (tokens refused) or a page that needs one sends the person to sign in and back; a form posted
 * meanwhile is kept in the new session (`pending`) so nothing typed is lost.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof SignedOutError || error instanceof SignInRequired) {
      return this.signIn(req, res, error instanceof SignedOutError);
    }
    if (isCsrfRefusal(error)) {
      // A form posted after the session ended has no token to match (it lived in the session):
      // sign in again, the form kept (`pending`, saved only by its own page after sign-in).
      if (!req.session?.user && req.get('cookie')?.includes('owes.sid=')) {
        return this.signIn(req, res, true);
      }
      return this.page(res, 403, 'common.csrf');
    }
    if (error instanceof ServiceUnavailableError) {
      this.logger.warn(`Service unavailable: ${error.message}`);
      res.setHeader('retry-after', '30');
      return this.page(res, 503, 'common.unavailable');
    }
    if (error instanceof NotFoundException) return this.page(res, 404, 'common.notFound');
    if (error instanceof ForbiddenException) return this.page(res, 403, 'common.forbidden');
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      return this.page(res, status, status === 404 ? 'common.notFound' : 'common.forbidden');
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return this.page(res, 500, 'common.serverError');
  }

  private signIn(req: Request, res: Response, ended: boolean): void {
    const back = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? req.originalUrl);
    const target = `/logowanie?powrot=${encodeURIComponent(localPathOf(back))}${ended ? '&wygasla=1' : ''}`;
    const finish = () => {
      if (req.method !== 'GET' && req.body && typeof req.body === 'object') {
        const { _csrf: _ignored, ...body } = req.body as Record<string, unknown>;
        req.session.pending = { path: req.originalUrl, body, savedAt: new Date().toISOString() };
      }
      req.session.save(() => res.redirect(303, target));
    };
    if (req.session?.user) {
      // A new session id: the old one's tokens are gone.
      req.session.regenerate(() => finish());
    } else if (req.session) {
      finish();
    } else {
      res.redirect(303, target);
    }
  }

  private page(res: Response, status: number, key: string): void {
    // A failure before the request's context was made still gets a page, in Polish.
    if (typeof res.locals.t !== 'function') {
      const t = translator('pl');
      Object.assign(res.locals, {
        lang: 'pl',
        t,
        currentPath: '/',
        currentUrl: '/',
        csrfToken: () => '',
        asset: (name: string) => `/assets/${name}`,
      });
    }
    res
      .status(status)
      .render(
        'error',
        { titleKey: `${key}.title`, bodyKey: `${key}.body`, status },
        (error: Error | null, html?: string) => {
          if (error) {
            this.logger.error(`The error page failed: ${error.message}`);
            res.type('text/plain').send(translator('pl')(`${key}.title`));
          } else {
            res.send(html);
          }
        },
      );
  }
}

function localPathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://portal.invalid');
    return parsed.origin === 'http://portal.invalid' ? parsed.pathname + parsed.search : '/';
  } catch {
    return '/';
  }
}
