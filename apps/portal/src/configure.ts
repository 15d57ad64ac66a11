import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';
import pg from 'pg';
import { validateEnv } from '@app/common/config/env.js';
import { Clock, SystemClock } from '@app/common/time/clock.js';
import { PortalEnv } from './config/portal.env.js';
import { PortalModule } from './portal.module.js';
import { configureViews } from './platform/views.js';
import { CSRF_REFUSED, PageExceptionFilter } from './platform/errors.js';
import { ServiceApi } from './platform/api.js';
import { TokenStore } from './platform/tokens.js';
import { ASSETS, PG_POOL, type ServiceUrls } from './platform/providers.js';
import type { Asset } from './platform/assets.js';
import { navigationFor } from './platform/start-page.js';
import { isLang, translator, type Lang } from './i18n/i18n.js';

/** The cookie remembering the language chosen with the switch (a year). */
export const LANG_COOKIE = 'owes.lang';
export const SESSION_COOKIE = 'owes.sid';

/**
 * The portal, configured and ready to listen (main.ts and the tests): security headers with a
 * per-request CSP nonce, the server-side session (HttpOnly, SameSite=Lax, Secure behind TLS),
 * CSRF tokens on every form, the person's language, the services called with their token, and
 * every error as a page.
 */
export async function createPortal(
  rawEnv: Record<string, string | undefined>,
  clock: Clock = new SystemClock(),
): Promise<NestExpressApplication> {
  const env = validateEnv(PortalEnv, rawEnv);
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET is required in production (at least 32 characters)');
  }
  const app = await NestFactory.create<NestExpressApplication>(PortalModule.forRoot(env, clock), {
    logger: env.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'],
    bodyParser: false,
  });
  const express = app.getHttpAdapter().getInstance();
  if (env.TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  configureViews(express, { watch: env.NODE_ENV === 'development' });
  const pool = app.get<pg.Pool>(PG_POOL);
  const tokens = app.get(TokenStore);
  const assets = app.get<Map<string, Asset>>(ASSETS);
  const urls: ServiceUrls = {
    applications: env.APPLICATIONS_URL,
    grants: env.GRANTS_URL,
    notifications: env.NOTIFICATIONS_URL,
  };
  if (!env.SESSION_SECRET) {
    new Logger('Portal').warn(
      'SESSION_SECRET is not set: a random one is used, and sessions end when the portal restarts',
    );
  }

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: env.COOKIE_SECURE || env.TRUST_PROXY,
    }),
  );
  // Forms are small (a business plan section is the largest text): 200 kB is generous.
  const { urlencoded, json } = await import('express');
  app.use(urlencoded({ extended: false, limit: '200kb' }));
  app.use(json({ limit: '200kb' }));
  app.use(cookieParser());
  const PgStore = connectPgSimple(session);
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
      store: new PgStore({
        pool,
        schemaName: 'portal',
        tableName: 'sessions',
        createTableIfMissing: false,
        pruneSessionInterval: 15 * 60,
        // A prune that starts while the portal is shutting down finds the pool ended: expected,
        // not worth an error line. Anything else is logged as the portal's own.
        errorLog: (...args: unknown[]) => {
          if (String(args.join(' ')).includes('after calling end on the pool')) return;
          new Logger('Sessions').error(args.map(String).join(' '));
        },
      }),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: env.COOKIE_SECURE ? true : 'auto',
        maxAge: env.SESSION_IDLE_MINUTES * 60_000,
      },
    }),
  );
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    errorConfig: { statusCode: 403, message: CSRF_REFUSED, code: 'EBADCSRFTOKEN' },
    getTokenFromRequest: (req) =>
      (req.body as { _csrf?: string } | undefined)?._csrf ??
      (req.headers['x-csrf-token'] as string | undefined),
  });
  // The request's context: language, texts, the person, the services on their behalf.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/health/') || req.path.startsWith('/assets/')) return next();
    const chosen = req.cookies?.[LANG_COOKIE];
    const lang: Lang = isLang(chosen) ? chosen : 'pl';
    const t = translator(lang);
    const user = req.session.user;
    const correlationId = randomUUID();
    const token = async () => (user ? tokens.accessToken(req.sessionID) : undefined);
    const api = {
      applications: new ServiceApi(urls.applications, token, lang, correlationId, req.ip),
      grants: new ServiceApi(urls.grants, token, lang, correlationId, req.ip),
      notifications: new ServiceApi(urls.notifications, token, lang, correlationId, req.ip),
    };
    req.portal = { lang, t, user, api, now: clock.now(), path: req.originalUrl };
    const flash = req.session.flash;
    if (flash) delete req.session.flash;
    Object.assign(res.locals, {
      lang,
      t,
      user,
      flash,
      currentPath: req.path,
      navigation: navigationFor(user?.roles ?? []),
      currentUrl: req.originalUrl,
      csrfToken: () => generateToken(req),
      asset: (name: string) => `/assets/${name}?v=${assets.get(name)?.version ?? '0'}`,
      session: {
        idleSeconds: env.SESSION_IDLE_MINUTES * 60,
        warningSeconds: env.SESSION_WARNING_SECONDS,
      },
    });
    next();
  });
  // After the context, so that a refused form is answered by a page in the person's language.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/health/') || req.path.startsWith('/assets/')) return next();
    return csrfSynchronisedProtection(req, res, next);
  });

  app.useGlobalFilters(new PageExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
