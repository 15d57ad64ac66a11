import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { PortalContext } from '../platform/context.js';
import type { ApiProblem, ApiResult } from '../platform/api.js';
import type { ApplicationBody, AwardBody, DecisionBody, VersionBody } from './status-model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is no UUID is a page that does not exist. */
export function checkId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundException();
  return id;
}

/** The body of a 2xx answer; a 404 or 403 as the portal's page for it. */
export function bodyOf<T>(result: ApiResult<T>): T {
  if (result.status === 404) throw new NotFoundException();
  if (result.status === 403) throw new ForbiddenException();
  if (!result.ok) throw new Error(`Unexpected answer ${result.status}`);
  return result.body;
}

export async function getApplication(ctx: PortalContext, id: string): Promise<ApplicationBody> {
  return bodyOf(
    await ctx.api.applications.get<ApplicationBody>(`/api/applications/${checkId(id)}`),
  );
}

export async function getVersions(ctx: PortalContext, id: string): Promise<VersionBody[]> {
  return bodyOf(
    await ctx.api.applications.get<{ items: VersionBody[] }>(`/api/applications/${id}/versions`),
  ).items;
}

/** The call's number and title (the applications service's public read model). */
export async function callTitles(
  ctx: PortalContext,
  callIds: string[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of new Set(callIds)) {
    const res = await ctx.api.applications.get<{ number: string; title: string }>(
      `/api/calls/${id}`,
    );
    if (res.ok) titles.set(id, `${res.body.title} (${res.body.number})`);
  }
  return titles;
}

/** The person's decisions and awards (grants), keyed by application. */
export async function outcomesOf(ctx: PortalContext): Promise<{
  decisions: Map<string, DecisionBody>;
  awards: Map<string, AwardBody>;
}> {
  const [decisions, awards] = await Promise.all([
    ctx.api.grants.get<{ items: DecisionBody[] }>('/api/decisions'),
    ctx.api.grants.get<{ items: AwardBody[] }>('/api/awards'),
  ]);
  return {
    decisions: new Map((decisions.ok ? decisions.body.items : []).map((d) => [d.applicationId, d])),
    awards: new Map((awards.ok ? awards.body.items : []).map((a) => [a.applicationId, a])),
  };
}

/** The decision (with its appeal and criteria) and the award (with jobs, reports, payments). */
export async function outcomeOf(
  ctx: PortalContext,
  applicationId: string,
): Promise<{ decision?: DecisionBody; award?: AwardBody }> {
  const { decisions, awards } = await outcomesOf(ctx);
  const summary = decisions.get(applicationId);
  const awardSummary = awards.get(applicationId);
  const [decision, award] = await Promise.all([
    summary ? ctx.api.grants.get<DecisionBody>(`/api/decisions/${summary.id}`) : undefined,
    awardSummary ? ctx.api.grants.get<AwardBody>(`/api/awards/${awardSummary.id}`) : undefined,
  ]);
  return {
    decision: decision?.ok ? decision.body : summary,
    award: award?.ok ? award.body : awardSummary,
  };
}

/** The problems of a 400/422 answer (or its message alone). */
export function problemsOf(result: ApiResult): ApiProblem[] {
  const body = result.body as { message?: string; errors?: ApiProblem[] } | undefined;
  if (body?.errors?.length) return body.errors;
  return [{ path: '', message: body?.message ?? String(result.status) }];
}
