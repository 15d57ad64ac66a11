import { randomUUID } from 'node:crypto';
import { ACTORS, type Actor, type World } from './access-world.js';
import { POLICY_REQUESTS, type PolicyRequest } from './access-requests.js';
import type { Operation } from './openapi.js';
import type { ApiResponse } from './http.js';

/**
 * THE ACCESS POLICY of OWES Grants: every operation the three services serve, asked by each of
 * the twelve actors of access-world.ts, and the status each gets. This table is the source of
 * truth (docs/security.md#access-policy copies it); test/e2e/authorization-matrix.test.ts checks
 * every cell against the running services, and fails for an operation the OpenAPI documents
 * serve without a row here — a new endpoint needs a decision. Adding one: a row here (where its
 * turn comes: rows run in this order against one world) and, when it has path ids or a body,
 * a request in access-requests.ts.
 *
 * Reading a cell: 200/201/202 let in and done; 401 no (valid) token; 403 the role may not;
 * 404 not theirs (another applicant's resource answers 404, never 403; an evaluator's
 * evaluation likewise); 409/422/400 let in, refused by the state of the world, which the row's
 * note explains (the access decision was "yes").
 *
 * Columns: anonymous, the owning applicant, another applicant, evaluator assigned and declared,
 * assigned not yet declared, in the pool but unassigned, the committee chair, operator, admin (of
 * centre no. 1, the world's), an operator of another centre (oper2: 404 for every resource of
 * the world's centre, docs/tenancy.md), a regional coordinator of both centres, the platform
 * administrator.
 */
export type PolicyRow = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

// prettier-ignore
export const ACCESS_POLICY: Record<string, PolicyRow> = {
  //                                                           anon own other decl undecl unass chair oper admin oper2 coord padm
  // ── applications ──
  'applications GET /health/live':                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications GET /health/ready':                           [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications GET /metrics':                                [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // the installation's log to the platform administrator; a centre's staff read the entries of
  // their centres' applications and groups (another centre's operator: an empty page)
  'applications GET /api/audit':                              [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  'applications POST /api/auth/register':                     [202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202],
  // 400: a token that was never issued
  'applications POST /api/auth/verify-email':                 [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  'applications POST /api/auth/verify-email/resend':          [202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202],
  'applications POST /api/auth/login':                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // sessions and passwords: each actor with a session of its own of the actor's role
  'applications POST /api/auth/refresh':                      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications POST /api/auth/logout':                       [204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
  'applications PUT /api/auth/me/password':                   [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications POST /api/auth/password/forgot':              [202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 202],
  // 400: a link that was never sent
  'applications POST /api/auth/password/reset':               [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  'applications GET /api/auth/me':                            [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications PUT /api/auth/me/language':                   [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications GET /api/auth/jwks.json':                     [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications GET /api/calls':                              [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications GET /api/calls/{id}':                         [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // lists: each applicant sees their own (checked apart: nothing of the owner's in the other's)
  'applications GET /api/initiative-groups':                  [401, 200, 200, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'applications POST /api/initiative-groups':                 [401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'applications GET /api/initiative-groups/{id}':             [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'applications PATCH /api/initiative-groups/{id}':           [401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'applications POST /api/initiative-groups/{id}/submit':     [401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  // the recruitment decision is the operators' (admins administer, they do not recruit)
  'applications POST /api/initiative-groups/{id}/decision':   [401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 403, 403],
  'applications GET /api/applications':                       [401, 200, 200, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'applications POST /api/applications':                      [401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'applications GET /api/applications/export.csv':            [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'applications GET /api/applications/{id}':                  [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'applications PATCH /api/applications/{id}':                [401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  // conflicts with other applications are never shown to an applicant, not even the owner
  'applications GET /api/applications/{id}/conflicts':        [401, 404, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'applications GET /api/applications/{id}/versions':         [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'applications POST /api/applications/{id}/submit':          [401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'applications POST /api/applications/{id}/withdraw':        [401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'applications POST /api/applications/{id}/formal-check':    [401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 403, 403],
  'applications GET /api/dead-letters':                       [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  // account administration (on throwaway accounts)
  // centres (docs/tenancy.md): the list and a centre's public view are public; the platform
  // administrator creates centres; a centre's admin edits it and manages its staff
  'applications GET /api/centres':                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications POST /api/centres':                           [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201],
  'applications GET /api/centres/{id}':                       [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'applications PATCH /api/centres/{id}':                     [401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200],
  'applications GET /api/centres/{id}/staff':                 [401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200],
  'applications POST /api/centres/{id}/staff':                [401, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403, 201],
  'applications DELETE /api/centres/{id}/staff/{userId}':     [401, 403, 403, 403, 403, 403, 403, 403, 204, 403, 403, 204],
  'applications PUT /api/users/{id}/coordinator-scope':       [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'applications GET /api/users':                              [401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200],
  // a centre admin changes only its centres' staff (404 for another account); the platform
  // administrator must name the centre of new staff with two centres (400 CENTRE_REQUIRED)
  'applications PUT /api/users/{id}/role':                    [401, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 400],
  'applications POST /api/users/{id}/disable':                [401, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 200],
  'applications POST /api/users/{id}/enable':                 [401, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 200],
  // staff naming a committee find an evaluator account by its exact e-mail address
  'applications GET /api/evaluators':                         [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  // ── grants ──
  'grants GET /health/live':                                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'grants GET /health/ready':                                 [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'grants GET /metrics':                                      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'grants GET /api/audit':                                    [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'grants GET /api/programmes':                               [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  // 400: counties outside the other centre's area; the platform administrator must name the centre
  'grants POST /api/programmes':                              [401, 403, 403, 403, 403, 403, 403, 201, 201, 400, 403, 400],
  'grants GET /api/programmes/{id}':                          [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants PATCH /api/programmes/{id}':                        [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants GET /api/calls':                                    [401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 403, 403],
  // 400: the programme is not the other centre's; the platform administrator must name the centre
  'grants POST /api/calls':                                   [401, 403, 403, 403, 403, 403, 403, 201, 201, 400, 403, 400],
  'grants GET /api/calls/{id}':                               [401, 403, 403, 200, 200, 200, 200, 200, 200, 404, 403, 403],
  'grants PATCH /api/calls/{id}':                             [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/calls/{id}/publish':                      [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants GET /api/calls/{callId}/evaluators':                [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/calls/{callId}/evaluators':               [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants GET /api/evaluations':                              [401, 403, 403, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  // an evaluator asks for their own evaluation (undeclared: 403 until the declaration);
  // the others ask for the declared evaluator's
  'grants GET /api/evaluations/{id}':                         [401, 403, 403, 200, 403, 404, 404, 403, 403, 403, 403, 403],
  'grants POST /api/evaluations/{id}/scores':                 [401, 403, 403, 200, 403, 404, 404, 403, 403, 403, 403, 403],
  // 409: already declared
  'grants POST /api/evaluations/{id}/declaration':            [401, 403, 403, 409, 200, 404, 404, 403, 403, 403, 403, 403],
  'grants GET /api/calls/{callId}/ranking':                   [401, 403, 403, 403, 403, 403, 200, 200, 200, 404, 403, 403],
  // 422: an evaluation of the call is not finished
  'grants POST /api/calls/{callId}/ranking/approve':          [401, 403, 403, 403, 403, 403, 422, 422, 422, 404, 403, 403],
  'grants GET /api/decisions':                                [401, 200, 200, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'grants GET /api/decisions/{id}':                           [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/decisions/{id}/appeal':                   [401, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'grants GET /api/awards':                                   [401, 200, 200, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'grants GET /api/awards/{id}':                              [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/awards/{id}/give-up':                     [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants GET /api/awards/{id}/bridging-extension':           [401, 200, 404, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  // 422: the call has no bridging support
  'grants POST /api/awards/{id}/bridging-extension':          [401, 422, 404, 403, 403, 403, 403, 422, 422, 404, 403, 403],
  // 404: no such request (the call has no bridging support to ask for)
  'grants POST /api/awards/{id}/bridging-extension/{requestId}/decision': [401, 403, 403, 403, 403, 403, 403, 404, 404, 404, 403, 403],
  'grants POST /api/awards/{id}/agreement/prepare':           [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/awards/{id}/agreement':                   [401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 403, 403],
  'grants POST /api/awards/{id}/payments':                    [401, 403, 403, 403, 403, 403, 403, 201, 201, 404, 403, 403],
  'grants POST /api/monitoring/run':                          [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  // the staff's to-do list: their centres' work only (another centre's operator gets its own, empty)
  'grants GET /api/worklist':                                 [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  // 422: March is not over; 400: no vacancy before the job starts; 409: the job is not vacant
  'grants POST /api/awards/{id}/jobs/{jobId}/reports':        [401, 422, 404, 403, 403, 403, 403, 422, 422, 404, 403, 403],
  'grants POST /api/awards/{id}/jobs/{jobId}/vacancy':        [401, 400, 404, 403, 403, 403, 403, 400, 400, 404, 403, 403],
  'grants POST /api/awards/{id}/jobs/{jobId}/refill':         [401, 409, 404, 403, 403, 403, 403, 409, 409, 404, 403, 403],
  'grants GET /api/indicators':                               [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  // the regional coordinator's figures: coordinators and the platform administrator only
  'grants GET /api/region/indicators':                        [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200],
  'grants GET /api/exchange-rates':                           [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'grants POST /api/exchange-rates':                          [401, 403, 403, 403, 403, 403, 403, 201, 201, 201, 403, 403],
  'grants GET /api/interest-rates':                           [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403],
  'grants POST /api/interest-rates':                          [401, 403, 403, 403, 403, 403, 403, 201, 201, 201, 403, 403],
  'grants GET /api/dead-letters':                             [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  // ── notifications ──
  'notifications GET /health/live':                           [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'notifications GET /health/ready':                          [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'notifications GET /metrics':                               [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'notifications GET /api/deliveries':                        [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  'notifications POST /api/deliveries/resend':                [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  // 404: no such delivery
  'notifications POST /api/deliveries/{id}/resend':           [401, 403, 403, 403, 403, 403, 403, 404, 404, 404, 403, 404],
  'notifications GET /api/preferences/me':                    [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'notifications PUT /api/preferences/me':                    [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'notifications GET /api/reminders':                         [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
  'notifications GET /api/dead-letters':                      [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 200],
};

/** Calls one operation as one actor, with the request POLICY_REQUESTS builds for it. */
export async function callAs(
  w: World,
  operation: Pick<Operation, 'service' | 'method' | 'path' | 'key'>,
  actor: Actor,
): Promise<ApiResponse> {
  const request = await callTarget(w, operation, actor);
  const body = request.body ?? (operation.method === 'GET' ? undefined : {});
  return w.platform.api[operation.service].call(operation.method, request.path, {
    body,
    token: 'token' in request ? request.token : w.token(actor),
  });
}

/** The request of POLICY_REQUESTS for the operation, with its path ids picked out. */
export async function callTarget(
  w: World,
  operation: Pick<Operation, 'service' | 'method' | 'path' | 'key'>,
  actor: Actor,
): Promise<PolicyRequest & { params: Record<string, string> }> {
  const builder = POLICY_REQUESTS[operation.key];
  // No builder: an operation without parameters, or one whose ids name nothing (404 at best).
  const request = builder
    ? await builder(actor, w)
    : { path: operation.path.replace(/\{\w+\}/g, () => randomUUID()), body: undefined };
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pattern = new RegExp(
    `^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '([^/?]+)')}(?:\\?.*)?$`,
  );
  const match = pattern.exec(request.path);
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    if (match?.[i + 1]) params[name] = decodeURIComponent(match[i + 1]!);
  });
  return { ...request, params };
}

/** Parses a policy key `<service> <METHOD> <path>`. */
export function parseKey(key: string): Pick<Operation, 'service' | 'method' | 'path' | 'key'> {
  const [service, method, path] = key.split(' ') as [
    Operation['service'],
    Operation['method'],
    string,
  ];
  return { service, method, path, key };
}

/** A row as the source line of the table (to paste when adding a row). */
export function formatRow(key: string, statuses: readonly number[]): string {
  return `  '${key}': [${statuses.join(', ')}],`;
}

export { ACTORS };
