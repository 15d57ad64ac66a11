import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { Service } from '../../tools/src/database-config.js';
import { ACCESS_POLICY, callTarget } from './access-policy.js';
import { ACTORS, type Actor, type World } from './access-world.js';
import { platformSettled } from './drain.js';
import { bodyArb, pathParamArb, queryArb, stringsOf } from './fuzz.js';
import type { ApiResponse } from './http.js';
import { SERVICES, type Operation } from './openapi.js';

/** What went wrong with one fuzzed request. */
export interface Finding {
  operation: string;
  problem: '5xx' | 'error shape' | 'changed state';
  request: { method: string; path: string; actor: Actor; body: unknown };
  status: number;
  detail: unknown;
}

export interface FuzzStats {
  requests: number;
  accepted: number;
  byStatus: Record<number, number>;
  findings: Finding[];
  /** Every string the run sent (bodies, paths and query strings), for the log scan. */
  sent: Set<string>;
}

/** The first actor the access policy lets in, so the request reaches validation. */
const PREFERENCE: readonly Actor[] = [
  'owner',
  'operator',
  'evaluatorDeclared',
  'chair',
  'admin',
  'anonymous',
  'otherApplicant',
  'evaluatorUndeclared',
  'evaluatorUnassigned',
];
export function allowedActor(key: string): Actor {
  const row = ACCESS_POLICY[key];
  if (!row) return 'operator';
  const status = (actor: Actor) => row[ACTORS.indexOf(actor)]!;
  return (
    PREFERENCE.find((a) => status(a) < 300) ??
    PREFERENCE.find((a) => ![401, 403, 404].includes(status(a))) ??
    'operator'
  );
}

/**
 * Counters of attempts, which count refused attempts by design (a refused login or registration
 * still spends one of the client's tries): left out of the snapshot.
 */
const ATTEMPT_COUNTERS = new Set(['applications.rate_limits', 'applications.login_throttle']);

/** Operations whose refusal writes by design, and why: after one, a new snapshot is taken. */
const REFUSALS_THAT_WRITE: Record<string, string> = {
  'applications POST /api/auth/refresh':
    'a used refresh token presented again ends its whole session (reuse detection, audited)',
};

/**
 * The state a rejected request must leave alone: per table of the three schemas (but the attempt
 * counters), its row count and a hash of all its rows (their text), in one statement per service.
 */
export async function stateSnapshot(w: World): Promise<Record<string, string>> {
  const parts = await Promise.all(
    SERVICES.filter((service) => w.platform.apps[service]).map(async (service: Service) => {
      const db = w.platform.apps[service]!.get(DataSource);
      const tables: { name: string }[] = await db.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
        [service],
      );
      const sql = tables
        .filter(({ name }) => !ATTEMPT_COUNTERS.has(name))
        .map(
          ({ name }) =>
            `SELECT '${name}' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${name} x`,
        )
        .join(' UNION ALL ');
      const rows: { t: string; h: string }[] = await db.query(sql);
      return rows;
    }),
  );
  return Object.fromEntries(parts.flat().map((r) => [r.t, r.h]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

/** The error shape of docs/architecture.md#http-interface, or what is wrong with the answer. */
export function errorShapeProblem(response: ApiResponse): string | undefined {
  const body = response.body as Record<string, unknown> | undefined;
  if (!response.headers.get('content-type')?.includes('application/json')) return 'not JSON';
  if (!body || typeof body !== 'object') return 'no body';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'code,correlationId,errors,message,statusCode') return `keys ${keys}`;
  if (body.statusCode !== response.status) return `statusCode ${String(body.statusCode)}`;
  if (typeof body.code !== 'string' || typeof body.message !== 'string') return 'code/message';
  if (typeof body.correlationId !== 'string') return 'correlationId';
  if (!Array.isArray(body.errors)) return 'errors';
  for (const e of body.errors as { path?: unknown; message?: unknown }[])
    if (typeof e?.path !== 'string' || typeof e?.message !== 'string') return 'errors[] item';
  return undefined;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

/**
 * Fuzzes every given write operation with `runs` generated requests (fast-check, seeded) as an
 * actor the access policy lets in, against the world's real resources: no 5xx, every 4xx in the
 * error shape, and a rejected request changes no table. An accepted (2xx) request may change the
 * state: the platform is let settle and a new snapshot taken.
 */
export async function fuzzOperations(
  w: World,
  operations: Operation[],
  { seed, runs }: { seed: number; runs: number | ((op: Operation) => number) },
): Promise<FuzzStats> {
  const stats: FuzzStats = {
    requests: 0,
    accepted: 0,
    byStatus: {},
    findings: [],
    sent: new Set(),
  };
  await platformSettled(w.platform, w.clock.now());
  let state = await stateSnapshot(w);
  for (const [index, op] of operations.entries()) {
    const actor = allowedActor(op.key);
    const target = await callTarget(w, op, actor);
    // Making the target (a fresh draft, a throwaway account…) is not the fuzzing's doing.
    await platformSettled(w.platform, w.clock.now());
    state = await stateSnapshot(w);
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const params: Record<string, fc.Arbitrary<string>> = {};
    for (const name of names) params[name] = pathParamArb(target.params[name]);
    const requestArb = fc.record({
      params: fc.record(params),
      query: queryArb(op),
      body: bodyArb(op, target.body),
    });
    const numRuns = typeof runs === 'number' ? runs : runs(op);
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ params: values, query, body }) => {
        const path = `${op.path.replace(/\{(\w+)\}/g, (_, n: string) => values[n]!)}${query}`;
        for (const s of [...stringsOf(body), decodeSafe(path)]) stats.sent.add(s);
        const response = await w.platform.api[op.service].call(op.method, path, {
          body,
          token: 'token' in target ? target.token : w.token(actor),
          // junk query parameters and ids on purpose: not for the OpenAPI traffic check
          unrecorded: true,
        });
        stats.requests += 1;
        stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
        const request = { method: op.method, path: short(path), actor, body: short(body) };
        const finding = (problem: Finding['problem'], detail: unknown) =>
          stats.findings.push({
            operation: op.key,
            problem,
            request,
            status: response.status,
            detail,
          });
        if (response.status >= 500) finding('5xx', response.body);
        if (response.status >= 400) {
          const problem = errorShapeProblem(response);
          if (problem) finding('error shape', { problem, body: short(response.body) });
        }
        if (response.status < 400) {
          stats.accepted += 1;
          await platformSettled(w.platform, w.clock.now());
          state = await stateSnapshot(w);
        } else if (REFUSALS_THAT_WRITE[op.key]) {
          await platformSettled(w.platform, w.clock.now());
          state = await stateSnapshot(w);
        } else {
          const after = await stateSnapshot(w);
          const changed = changedTables(state, after);
          if (changed.length) finding('changed state', changed);
          state = after;
        }
        return true;
      }),
      { seed: seed + index, numRuns, endOnFailure: true },
    );
  }
  return stats;
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
