import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { BaseEnv } from '../config/env.js';
import { CORRELATION_HEADER } from '../context/request-context.js';

/** Where Swagger UI and its document are served (docs/runbook.md#configuration, `API_DOCS`). */
export const API_DOCS_PATH = '/api/docs';

/** `API_DOCS` when set, otherwise on everywhere but in production. */
export function apiDocsEnabled(env: BaseEnv): boolean {
  return env.API_DOCS ?? env.NODE_ENV !== 'production';
}

/** The origins allowed by CORS: `PORTAL_ORIGIN`, comma-separated. */
export function portalOrigins(env: BaseEnv): string[] {
  return env.PORTAL_ORIGIN.split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin.length > 0);
}

const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * HTTP hardening of every service (docs/architecture.md#http-hardening): security headers with
 * helmet (a strict CSP for the JSON API, Swagger UI's needs only under /api/docs), HSTS over TLS,
 * `Cache-Control: no-store` on authenticated requests, no `X-Powered-By`, CORS for the web
 * portal's origin only. Called by `configureApp` before any route is registered; answers whether
 * the API document is served.
 */
export function applyHttpHardening(app: INestApplication): { apiDocs: boolean } {
  const env = app.get(BaseEnv);
  const apiDocs = apiDocsEnabled(env);
  const express = app.getHttpAdapter().getInstance() as { disable?: (name: string) => void };
  express.disable?.('x-powered-by');

  const common = {
    // HSTS is ours: only over TLS (below).
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginOpenerPolicy: { policy: 'same-origin' as const },
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    xPoweredBy: false,
  };
  // The API answers JSON: nothing may be loaded, framed or submitted.
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Swagger UI: its own scripts and styles (inline styles), data: images, the document itself.
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure || env.HSTS) res.setHeader('Strict-Transport-Security', HSTS_VALUE);
    if (req.headers.authorization) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
    }
    const path = req.path ?? req.url ?? '';
    return (apiDocs && path.startsWith(API_DOCS_PATH) ? docs : api)(req, res, next);
  });

  const allowed = new Set(portalOrigins(env));
  app.enableCors({
    // Only the portal: any other origin gets no Access-Control-Allow-Origin (never a wildcard).
    origin: (
      origin: string | undefined,
      callback: (error: Error | null, allow?: boolean) => void,
    ) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', CORRELATION_HEADER],
    exposedHeaders: [CORRELATION_HEADER, 'Content-Disposition', 'Retry-After'],
    maxAge: 600,
  });
  return { apiDocs };
}
