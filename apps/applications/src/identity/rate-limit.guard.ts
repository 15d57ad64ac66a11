import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, Clock, PLATFORM_ERRORS } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';

export type RateLimitName = 'login' | 'register';

const RATE_LIMIT_KEY = 'owes:rate-limit';

/** Limits how often the route may be called per client IP and e-mail address. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT_KEY, name);

/**
 * The client's key: its IP address and the e-mail address it names, so one attacker cannot lock
 * everybody out and one account cannot be guessed at from one place.
 */
export function ipAndEmail(req: Record<string, any>): string {
  const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
  return `${req.ip ?? req.socket?.remoteAddress ?? 'unknown'}|${email}`;
}

const MAX_KEYS = 100_000;

/**
 * Fixed-window rate limit of login and registration (LOGIN_RATE_LIMIT per
 * LOGIN_RATE_TTL_SECONDS, REGISTER_RATE_LIMIT per REGISTER_RATE_TTL_SECONDS). Windows follow the
 * injectable Clock. Counters live in the replica's memory: with several replicas a client gets
 * at most `limit` attempts per replica (a shared store would hold it exactly).
 *
 * Why not @nestjs/throttler: its 6.x build is CommonJS requiring the ESM-only @nestjs/common 12,
 * which Node 20 loads but Jest's module runtime cannot (require of ESM), so no test could boot
 * the service. The semantics are the same: per-IP+e-mail tracker, 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  private settings(name: RateLimitName): { limit: number; ttlMs: number } {
    return name === 'login'
      ? { limit: this.env.LOGIN_RATE_LIMIT, ttlMs: this.env.LOGIN_RATE_TTL_SECONDS * 1000 }
      : { limit: this.env.REGISTER_RATE_LIMIT, ttlMs: this.env.REGISTER_RATE_TTL_SECONDS * 1000 };
  }

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.get<RateLimitName | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (!name || context.getType() !== 'http') return true;
    const { limit, ttlMs } = this.settings(name);
    const http = context.switchToHttp();
    const key = `${name}|${ipAndEmail(http.getRequest())}`;
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_KEYS) this.sweep(now);
      window = { count: 0, resetAt: now + ttlMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > limit) {
      http
        .getResponse()
        .setHeader('Retry-After', String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))));
      throw ApiError.of(PLATFORM_ERRORS.TOO_MANY_REQUESTS, {
        pl: 'Zbyt wiele prób; spróbuj ponownie później',
        en: 'Too many attempts; try again later',
      });
    }
    return true;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
