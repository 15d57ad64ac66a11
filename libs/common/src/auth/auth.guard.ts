import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../http/api-error.js';
import { PLATFORM_ERRORS } from '../http/error-codes.js';
import { RequestContext } from '../context/request-context.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';
import { TokenChecker } from './token-checker.js';
import type { Role } from './roles.js';
import { scopeFor } from '../tenancy/centre-scope.js';

/** A verified token the service's TokenChecker says was revoked since. */
class RevokedToken extends Error {}

/**
 * Global guard of every service: a valid bearer token is required unless the route is
 * `@Public()`; `@Roles(...)` narrows who may call it. Tokens are verified against the JWKS, so
 * the issuer can be the identity module or an external OIDC provider; then the service's
 * TokenChecker (when it has one) refuses a token revoked since (docs/architecture.md#sessions-and-revocation).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() private readonly checker?: TokenChecker,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;

    if (!token) {
      if (isPublic) return true;
      throw new ApiError(PLATFORM_ERRORS.UNAUTHORIZED, {
        pl: 'Wymagane zalogowanie (brak tokenu)',
        en: 'Authentication required (no bearer token)',
      });
    }
    try {
      const user = await this.verifier.verify(token);
      // The caller's walls before the session check, so that the check and the request's own
      // queries run under one scope (a scope change costs a `set_config` on the connection). The
      // check reads accounts and sessions, which have no centre wall; a token refused below puts
      // the request back to the anonymous scope.
      RequestContext.setCentres(scopeFor(user));
      if (this.checker && !(await this.checker.isCurrent(user))) throw new RevokedToken();
      request.user = user;
    } catch (error) {
      RequestContext.setCentres([]);
      // A failing check (database down) is not a bad token: it propagates as the outage it is.
      if (!(error instanceof RevokedToken || error instanceof InvalidTokenError)) throw error;
      if (isPublic) return true;
      throw new ApiError(PLATFORM_ERRORS.INVALID_TOKEN, {
        pl: 'Token jest nieprawidłowy lub wygasł',
        en: 'The token is invalid or has expired',
      });
    }
    RequestContext.setUser(request.user.id);
    // The row-level walls of every query this request makes (docs/tenancy.md).
    RequestContext.setCentres(scopeFor(request.user));
    if (isPublic) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !roles.some((r) => request.user.roles.includes(r))) {
      throw ApiError.forbidden();
    }
    return true;
  }
}
