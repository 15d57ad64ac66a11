import { RequestContext } from '../context/request-context.js';
import type { AuthUser } from '../auth/roles.js';

/**
 * Which centres' rows the current unit of work may see (docs/tenancy.md#row-level-security):
 * `'*'` every centre (background work, consumers, applicants and evaluators, whose walls are
 * ownership rules in code), or a list of centre ids (staff and coordinators; empty for an
 * anonymous HTTP request, which sees no centre's rows at all).
 */
export type CentreScope = '*' | readonly string[];

/** The Postgres setting the row-level policies read (`current_setting('owes.centres', true)`). */
export const CENTRE_SETTING = 'owes.centres';

const ALL: CentreScope = '*';

export const CentreScope = {
  /**
   * The scope of the running code. Outside any request or message (a polling worker, a CLI, a
   * migration) it is every centre; an HTTP request starts with none until the guard sets it.
   */
  current(): CentreScope {
    return RequestContext.current()?.centres ?? ALL;
  },
  /** Runs `fn` with `scope`, keeping the correlation id and user of the surrounding context. */
  run<T>(scope: CentreScope, fn: () => T): T {
    const current = RequestContext.current();
    return RequestContext.run(
      { correlationId: RequestContext.correlationId(), ...current, centres: scope },
      fn,
    );
  },
  /** Runs `fn` as the system: every centre (a background pass woken from inside a request). */
  system<T>(fn: () => T): T {
    return CentreScope.run(ALL, fn);
  },
  /** The value of `owes.centres` for a scope: `*`, or the ids joined by commas. */
  setting(scope: CentreScope): string {
    return scope === '*' ? '*' : scope.join(',');
  },
  /** True when the scope lets a row of `centreId` through. */
  includes(scope: CentreScope, centreId: string | null | undefined): boolean {
    if (scope === '*') return true;
    return !!centreId && scope.includes(centreId);
  },
};

/**
 * The scope of an authenticated caller: a platform administrator sees every centre; staff
 * (operators, centre admins) and regional coordinators see the centres in their token; anyone
 * else (applicants, evaluators) is not walled by centre — what they see is limited to what is
 * theirs by the rules in code, across every centre of the installation.
 */
export function scopeFor(user: Pick<AuthUser, 'roles' | 'centres'>): CentreScope {
  if (user.roles.includes('platform-admin')) return ALL;
  if (user.roles.some((r) => r === 'operator' || r === 'admin' || r === 'coordinator')) {
    return [...user.centres];
  }
  return ALL;
}
