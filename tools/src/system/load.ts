import { DEFAULT_CENTRE_ID } from '@app/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { importJWK, SignJWT, type JWK } from 'jose';
import type pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import { sleep } from './async.js';
import { REPO_ROOT } from './services.js';

export interface HttpAnswer {
  status: number;
  body: any;
}

/** A keep-alive HTTP client for driving the services; a network error throws. */
export class HttpClient {
  private readonly agent: Agent;

  constructor(connections: number) {
    this.agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 30_000 });
  }

  async request(method: string, url: string, body?: unknown, token?: string): Promise<HttpAnswer> {
    const response = await undiciFetch(url, {
      method,
      dispatcher: this.agent,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text; // not JSON (a proxy's or a crashing server's page)
    }
    return { status: response.status, body: parsed };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The password of the bench's operator and applicants (made directly in the database). */
export const OPERATOR_PASSWORD = 'Bench-password-1';

/**
 * An operator (straight into the database, then a real login) who creates and publishes an open
 * call on grants; returns once applications has the call in its read model.
 */
export async function openCall(
  http: HttpClient,
  apps: pg.Client,
  urls: { applications: string; grants: string },
  id: string,
): Promise<{ callId: string; passwordHash: string }> {
  const passwordHash = await argon2.hash(OPERATOR_PASSWORD, { type: argon2.argon2id });
  const email = `operator-${id}@bench.local`;
  const operator = await apps.query(
    `INSERT INTO applications.users (email, password_hash, role, full_name, email_verified_at)
     VALUES ($1, $2, 'operator', 'Bench Operator', now()) RETURNING id`,
    [email, passwordHash],
  );
  // Staff work for centres (docs/tenancy.md): the operator is staff of centre no. 1.
  await apps.query(`INSERT INTO applications.centre_staff (centre_id, user_id) VALUES ($1, $2)`, [
    DEFAULT_CENTRE_ID,
    operator.rows[0].id,
  ]);
  const login = await http.request('POST', `${urls.applications}/api/auth/login`, {
    email,
    password: OPERATOR_PASSWORD,
  });
  const token = login.body.accessToken as string;
  const now = Date.now();
  const call = await http.request(
    'POST',
    `${urls.grants}/api/calls`,
    {
      number: `NAB/BENCH/${id}`,
      title: 'Nabór — benchmark',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 7 * 86400_000).toISOString(),
      budget: 100_000_000_000,
      counties: ['1462', '1419', '1427', '1404'],
      criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      maxJobsPerEntity: 10,
    },
    token,
  );
  if (call.status !== 201 && call.status !== 200)
    throw new Error(`creating the call: ${call.status} ${JSON.stringify(call.body)}`);
  const callId = call.body.id as string;
  await http.request('POST', `${urls.grants}/api/calls/${callId}/publish`, {}, token);
  for (let i = 0; i < 300; i++) {
    const r = await apps.query('SELECT 1 FROM applications.calls WHERE id = $1', [callId]);
    if (r.rowCount) return { callId, passwordHash };
    await sleep(100);
  }
  throw new Error('the published call did not reach applications');
}

export interface Draft {
  applicationId: string;
  token: string;
  applicantId: string;
  /** The applicant's session (the token's `sid`). */
  sessionId: string;
}

/**
 * `count` applicants with complete drafts, made directly in the database (argon2 for tens of
 * thousands of accounts would measure the set-up, not the submission); tokens are signed with the
 * service's own key, as a login would.
 */
export async function prepareDrafts(
  apps: pg.Client,
  callId: string,
  passwordHash: string,
  count: number,
  id: string,
): Promise<Draft[]> {
  const plannedStart = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
  const form = JSON.parse(
    readFileSync(join(REPO_ROOT, 'docs', 'examples', 'application-form.json'), 'utf8'),
  );
  for (const job of form.jobs) job.plannedStart = plannedStart;
  const keyRow = await apps.query(
    'SELECT kid, private_jwk FROM applications.signing_keys ORDER BY created_at LIMIT 1',
  );
  const key = await importJWK(keyRow.rows[0].private_jwk as JWK, 'ES256');
  const kid = keyRow.rows[0].kid as string;
  const drafts: Draft[] = [];
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const users = await apps.query(
      `INSERT INTO applications.users (email, password_hash, role, full_name, email_verified_at)
       SELECT 'applicant' || g || '-' || $4 || '@bench.local', $1, 'applicant', 'Wnioskodawca ' || g, now()
         FROM generate_series($2::int, $3::int) g RETURNING id, email`,
      [passwordHash, start, start + n - 1, id],
    );
    const ids = users.rows.map((u) => u.id as string);
    const created = await apps.query(
      `INSERT INTO applications.applications (applicant_id, call_id, state, form, created_at, updated_at)
       SELECT u, $2, 'draft', $3, now(), now() FROM unnest($1::uuid[]) u RETURNING id, applicant_id`,
      [ids, callId, JSON.stringify(form)],
    );
    const emails = new Map(users.rows.map((u) => [u.id as string, u.email as string]));
    const sessions = await openSessions(apps, ids);
    for (const row of created.rows) {
      const token = await new SignJWT({
        roles: ['applicant'],
        email: emails.get(row.applicant_id),
        lang: 'pl',
        ...sessions.get(row.applicant_id),
      })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(row.applicant_id)
        .setIssuer('owes-grants')
        .setAudience('owes-grants')
        .setIssuedAt()
        .setExpirationTime('6h')
        .sign(key);
      drafts.push({
        applicationId: row.id,
        token,
        applicantId: row.applicant_id,
        sessionId: (sessions.get(row.applicant_id) as { sid: string }).sid,
      });
    }
  }
  return drafts;
}

/**
 * Tokens are tied to a session (`applications.sessions`, checked on every request): a session per
 * applicant, as a login would open it, gives the `sid` and `tv` (token version) claims.
 */
async function openSessions(
  apps: pg.Client,
  userIds: string[],
): Promise<Map<string, { sid: string; tv: number }>> {
  const rows = await apps.query(
    `INSERT INTO applications.sessions (id, user_id, created_at, last_used_at, expires_at)
     SELECT gen_random_uuid(), u.id, now(), now(), now() + interval '1 day'
       FROM applications.users u WHERE u.id = ANY($1::uuid[])
     RETURNING id, user_id, (SELECT token_version FROM applications.users WHERE id = user_id) AS tv`,
    [userIds],
  );
  return new Map(
    rows.rows.map((r) => [r.user_id as string, { sid: r.id as string, tv: Number(r.tv ?? 0) }]),
  );
}

/** The outcome of submitting one draft. */
export interface SubmitOutcome {
  /** The last HTTP status, or 0 when the last attempt got no answer (connection refused, reset). */
  status: number;
  reference?: string;
  attempts: number;
  /** What the last failed attempt said. */
  error?: string;
  /** Each failed attempt: its HTTP status, or the network error's code. */
  failedAttempts: string[];
}

/** 5xx and 429, or no answer at all: the submission may be tried again. */
export const isRetryable = (status: number) => status === 0 || status === 429 || status >= 500;

/**
 * Submits a draft: `POST /api/applications/:id/submit`. Submitting is idempotent on the
 * application (a repeated submit answers the same reference), so an attempt that got a
 * retryable answer — or none, while a replica restarts — is repeated on the next base URL until
 * `retryForMs` has passed (0: one attempt).
 */
export async function submitDraft(
  http: HttpClient,
  baseUrls: string[],
  draft: Draft,
  options: { retryForMs: number; first?: number },
): Promise<SubmitOutcome> {
  const deadline = Date.now() + options.retryForMs;
  let attempts = 0;
  const failedAttempts: string[] = [];
  for (;;) {
    const base = baseUrls[((options.first ?? 0) + attempts) % baseUrls.length];
    attempts++;
    let status = 0;
    let error: string | undefined;
    try {
      const r = await http.request(
        'POST',
        `${base}/api/applications/${draft.applicationId}/submit`,
        undefined,
        draft.token,
      );
      status = r.status;
      if (status === 200)
        return { status, reference: r.body.reference as string, attempts, failedAttempts };
      error = `${status} ${JSON.stringify(r.body).slice(0, 200)}`;
      failedAttempts.push(String(status));
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      error = cause?.code ?? cause?.message ?? (e as Error).message;
      failedAttempts.push(error);
    }
    if (!isRetryable(status) || Date.now() >= deadline)
      return { status, attempts, error, failedAttempts };
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempts, 5)));
  }
}
