import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ServiceApi } from './api.js';
import type { Lang, Translate } from '../i18n/i18n.js';

/** The signed-in person, as the portal's session keeps them (no token: those stay in Postgres). */
export interface PortalUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

/** A form posted while the session had ended, kept to be put back after signing in again. */
export interface PendingForm {
  path: string;
  body: Record<string, unknown>;
  savedAt: string;
}

declare module 'express-session' {
  interface SessionData {
    user?: PortalUser;
    /** One-time message for the next page (a GOV.UK notification banner). */
    flash?: { kind: 'success' | 'info'; text: string };
    pending?: PendingForm;
  }
}

/**
 * What a page handler needs about the request: the language and its texts, the person (if
 * signed in), the services called on their behalf, and the clock's now.
 */
export interface PortalContext {
  lang: Lang;
  t: Translate;
  user?: PortalUser;
  api: { applications: ServiceApi; grants: ServiceApi; notifications: ServiceApi };
  now: Date;
  /** The request's path and query (for "come back here after signing in"). */
  path: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    portal: PortalContext;
  }
}

/** `@Portal() ctx: PortalContext` in a page handler. */
export const Portal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PortalContext =>
    ctx.switchToHttp().getRequest<Request>().portal,
);

/** A local path to come back to (never another site: `//evil` and `/\evil` are refused). */
export function localPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
