import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiError, Clock, PLATFORM_ERRORS } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { sha256 } from './one-time-token.js';

export type RateLimitName = 'register' | 'password-reset';

const RATE_LIMIT_KEY = 'owes:rate-limit';

/** Limits how often the route may be called per client IP and e-mail address. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT_KEY, name);

/** The client's address as Express sees it (behind a proxy: `TRUST_PROXY`). */
export function clientAddress(req: Record<string, any>): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/**
 * The client's key: its IP address and the e-mail address it names, so one attacker cannot lock
 * everybody out and one account cannot be flooded from one place.
 */
export function ipAndEmail(req: Record<string, any>): string {
  const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
  return `${clientAddress(req)}|${email}`;
}

/**
 * Fixed-window limit of registrations, verification resends and forgotten-password requests
 * (REGISTER_RATE_LIMIT per REGISTER_RATE_TTL_SECONDS per client IP and e-mail), counted in
 * `applications.rate_limits` so replicas share it; windows follow the injectable Clock. Failed
 * logins are throttled by LoginThrottleService instead (per account and per address).
 *
 * Why not @nestjs/throttler: its 6.x build is CommonJS requiring the ESM-only @nestjs/common 12,
 * which Jest's module runtime cannot load (require of ESM), so no test could boot the service.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (!name || context.getType() !== 'http') return true;
    const limit = this.env.REGISTER_RATE_LIMIT;
    const ttlMs = this.env.REGISTER_RATE_TTL_SECONDS * 1000;
    const http = context.switchToHttp();
    // Guards run before the validation pipe: the raw body may hold anything (a NUL byte Postgres
    // refuses in text, megabytes). The key is stored as a hash, which also keeps the e-mail
    // address out of the table.
    const key = sha256(`${name}|${ipAndEmail(http.getRequest())}`);
    const now = this.clock.now();
    const [row]: { count: number; reset_at: Date }[] = await this.dataSource.query(
      `INSERT INTO applications.rate_limits AS r (key, count, reset_at) VALUES ($1, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.reset_at <= $2 THEN 1 ELSE r.count + 1 END,
         reset_at = CASE WHEN r.reset_at <= $2 THEN $3 ELSE r.reset_at END
       RETURNING count, reset_at`,
      [key, now, new Date(now.getTime() + ttlMs)],
    );
    if (row.count > limit) {
      const wait = Math.ceil((new Date(row.reset_at).getTime() - now.getTime()) / 1000);
      http.getResponse().setHeader('Retry-After', String(Math.max(1, wait)));
      throw ApiError.of(PLATFORM_ERRORS.TOO_MANY_REQUESTS, {
        pl: 'Zbyt wiele prób; spróbuj ponownie później',
        en: 'Too many attempts; try again later',
      });
    }
    return true;
  }
}
