import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';
import { importJWK, SignJWT, type JWK } from 'jose';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SMTPServer } from 'smtp-server';
import { Agent, fetch as undiciFetch } from 'undici';
import { dropDatabase } from '@app/common';
import { databaseLayout, SERVICE_NODE_FLAGS, SERVICES, type Service } from './database-config.js';
import { setupAndMigrate } from './migrate.js';

/**
 * `npm run bench` — the speed targets of docs/architecture.md#performance-targets, measured
 * (never asserted in a test):
 *  1. submissions per second through the system vs a raw baseline (the same database work with
 *     plain `pg` plus a raw JetStream publish, in the same run);
 *  2. submit → e-mail latency (p50/p99) at a paced 100 submissions/s;
 *  3. a burst of BENCH_BURST submissions (36,000 by default: ten times Grants.gov's busiest day)
 *     absorbed: time to accept them all, time until every e-mail is out, nothing lost;
 *  4. resident memory (RSS) of each service after the load.
 * It runs the built services as real processes against its own database and NATS namespace,
 * with an SMTP server inside the script, and prints figures.
 *
 * Settings: BENCH_BASELINE (default 2000), BENCH_PACED_SECONDS (10), BENCH_BURST (36000),
 * BENCH_CONCURRENCY (32), DATABASE_ADMIN_URL, NATS_URL.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const env = process.env;
const BASELINE = Number(env.BENCH_BASELINE ?? 2000);
const PACED_SECONDS = Number(env.BENCH_PACED_SECONDS ?? 10);
const BURST = Number(env.BENCH_BURST ?? 36_000);
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 32);
const THROUGHPUT_N = Number(env.BENCH_THROUGHPUT ?? BASELINE);
const NATS_URL = env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ADMIN_URL = env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (line: string) => console.log(line);
const ms = (n: number) => `${n.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as AddressInfo;
      s.close(() => (a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** Runs `task(i)` for i in [0, total) with at most `limit` at once. */
async function pool(
  total: number,
  limit: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

async function main(): Promise<void> {
  const id = randomUUID().slice(0, 8);
  const prefix = `bench${id}`;
  const layoutEnv: Record<string, string> = {
    DATABASE_ADMIN_URL: ADMIN_URL,
    DB_NAME: `owes_bench_${id}`,
  };
  for (const s of SERVICES) {
    layoutEnv[`${s.toUpperCase()}_DB_ROLE`] = `owes_bench_${id}_${s}`;
    layoutEnv[`${s.toUpperCase()}_DB_PASSWORD`] = `bench_${id}`;
  }
  const layout = databaseLayout(layoutEnv);
  log(`OWES Grants benchmark — database ${layout.database}, NATS namespace ${prefix}`);
  await setupAndMigrate(layout);

  // SMTP server inside the bench: records when each reference's e-mail arrives.
  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const match = /OWES\/\d{4}\/\d{5,}/.exec(raw.replace(/=\r?\n/g, ''));
        if (match && !received.has(match[0])) received.set(match[0], performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  // The three services as real processes.
  const ports = {
    applications: await freePort(),
    grants: await freePort(),
    notifications: await freePort(),
  };
  const children = new Map<Service, ChildProcess>();
  for (const service of SERVICES) {
    const child = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        join(root, 'dist', 'apps', service, 'apps', service, 'src', 'main.js'),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...env,
          NODE_ENV: 'production',
          PORT: String(ports[service]),
          DATABASE_URL: layout.urls[service],
          DB_POOL_SIZE: '20',
          NATS_URL,
          NATS_PREFIX: prefix,
          LOG_LEVEL: 'warn',
          JWKS_URL: `http://127.0.0.1:${ports.applications}/api/auth/jwks.json`,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtpPort),
          MAIL_RETRY_BASE_MS: '200',
          LOGIN_RATE_LIMIT: '1000000',
        },
      },
    );
    children.set(service, child);
  }
  const cleanup = async () => {
    for (const child of children.values()) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    smtp.close();
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix.toUpperCase()}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
    await dropDatabase(
      ADMIN_URL,
      layout.database,
      SERVICES.map((s) => layout.roles[s].role),
    );
  };

  try {
    for (const service of SERVICES) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${ports[service]}/health/ready`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`${service} not ready`);
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    log('services ready\n');

    const apps = new pg.Client({ connectionString: layout.urls.applications });
    await apps.connect();
    const grantsDb = new pg.Client({ connectionString: layout.urls.grants });
    await grantsDb.connect();
    const http = new Agent({
      connections: CONCURRENCY * 2,
      pipelining: 1,
      keepAliveTimeout: 30_000,
    });
    const request = async (method: string, url: string, body?: unknown, token?: string) => {
      const response = await undiciFetch(url, {
        method,
        dispatcher: http,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };

    // An operator publishes a call.
    const hash = await argon2.hash('Bench-password-1', { type: argon2.argon2id });
    await apps.query(
      `INSERT INTO applications.users (email, password_hash, role, full_name, email_verified_at)
       VALUES ('operator@bench.local', $1, 'operator', 'Bench Operator', now())`,
      [hash],
    );
    const login = await request('POST', `http://127.0.0.1:${ports.applications}/api/auth/login`, {
      email: 'operator@bench.local',
      password: 'Bench-password-1',
    });
    const operatorToken = login.body.accessToken as string;
    const now = new Date();
    const call = await request(
      'POST',
      `http://127.0.0.1:${ports.grants}/api/calls`,
      {
        number: `NAB/BENCH/${id}`,
        title: 'Nabór — benchmark',
        opensAt: new Date(now.getTime() - 3600_000).toISOString(),
        closesAt: new Date(now.getTime() + 7 * 86400_000).toISOString(),
        budget: 100_000_000_000,
        counties: ['1462', '1419', '1427', '1404'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
        maxJobsPerEntity: 10,
      },
      operatorToken,
    );
    const callId = call.body.id as string;
    await request(
      'POST',
      `http://127.0.0.1:${ports.grants}/api/calls/${callId}/publish`,
      {},
      operatorToken,
    );
    for (let i = 0; i < 100; i++) {
      const r = await apps.query('SELECT 1 FROM applications.calls WHERE id = $1', [callId]);
      if (r.rowCount) break;
      await new Promise((res) => setTimeout(res, 100));
    }

    // Applicants with complete drafts, made directly in the database (argon2 for tens of
    // thousands of accounts would measure the set-up, not the submission); tokens are signed
    // with the service's own key, as a login would.
    const plannedStart = new Date(now.getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    const form = JSON.parse(
      readFileSync(join(root, 'docs', 'examples', 'application-form.json'), 'utf8'),
    );
    for (const job of form.jobs) job.plannedStart = plannedStart;
    const keyRow = await apps.query(
      'SELECT kid, private_jwk FROM applications.signing_keys ORDER BY created_at LIMIT 1',
    );
    const key = await importJWK(keyRow.rows[0].private_jwk as JWK, 'ES256');
    const kid = keyRow.rows[0].kid as string;
    const total = 1 + THROUGHPUT_N + PACED_SECONDS * 100 + BURST;
    log(`preparing ${total} applicants with drafts…`);
    const drafts: { applicationId: string; token: string }[] = [];
    const batch = 1000;
    for (let start = 0; start < total; start += batch) {
      const n = Math.min(batch, total - start);
      const users = await apps.query(
        `INSERT INTO applications.users (email, password_hash, role, full_name, email_verified_at)
         SELECT 'applicant' || g || '-${id}@bench.local', $1, 'applicant', 'Wnioskodawca ' || g, now()
           FROM generate_series($2::int, $3::int) g RETURNING id, email`,
        [hash, start, start + n - 1],
      );
      const ids = users.rows.map((u) => u.id as string);
      const created = await apps.query(
        `INSERT INTO applications.applications (applicant_id, call_id, state, form, created_at, updated_at)
         SELECT u, $2, 'draft', $3, now(), now() FROM unnest($1::uuid[]) u RETURNING id, applicant_id`,
        [ids, callId, JSON.stringify(form)],
      );
      const emails = new Map(users.rows.map((u) => [u.id as string, u.email as string]));
      for (const row of created.rows) {
        const token = await new SignJWT({
          roles: ['applicant'],
          email: emails.get(row.applicant_id),
          lang: 'pl',
        })
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject(row.applicant_id)
          .setIssuer('owes-grants')
          .setAudience('owes-grants')
          .setIssuedAt()
          .setExpirationTime('6h')
          .sign(key);
        drafts.push({ applicationId: row.id, token });
      }
    }
    let cursor = 0;
    const submitted = new Map<string, number>();
    const failures: string[] = [];
    const submitOne = async () => {
      const d = drafts[cursor++];
      const t0 = performance.now();
      const r = await request(
        'POST',
        `http://127.0.0.1:${ports.applications}/api/applications/${d.applicationId}/submit`,
        undefined,
        d.token,
      );
      if (r.status !== 200) failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      else submitted.set(r.body.reference, t0);
    };
    await submitOne(); // warm-up

    // 1. Baseline: the same database work with plain pg and a raw JetStream publish.
    const nc = await connect({ servers: NATS_URL });
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({
      name: `${prefix.toUpperCase()}_BASELINE`,
      subjects: [`${prefix}.baseline.>`],
    });
    const rawPool = new pg.Pool({ connectionString: layout.urls.applications, max: 20 });
    await rawPool.query(
      `CREATE TABLE applications.bench_baseline (id uuid PRIMARY KEY, state text, form jsonb, reference text)`,
    );
    await rawPool.query(
      `INSERT INTO applications.bench_baseline SELECT gen_random_uuid(), 'draft', $1, NULL FROM generate_series(1, $2)`,
      [JSON.stringify(form), BASELINE],
    );
    const baselineIds = (
      await rawPool.query('SELECT id FROM applications.bench_baseline')
    ).rows.map((r) => r.id as string);
    let b = 0;
    const tb = performance.now();
    await pool(BASELINE, CONCURRENCY, async () => {
      const rowId = baselineIds[b++];
      const client = await rawPool.connect();
      let envelope: string;
      try {
        await client.query('BEGIN');
        await client.query('SELECT * FROM applications.bench_baseline WHERE id = $1 FOR UPDATE', [
          rowId,
        ]);
        const counter = await client.query(
          `INSERT INTO applications.reference_counters (year, last_value) VALUES (9999, 1)
           ON CONFLICT (year) DO UPDATE SET last_value = applications.reference_counters.last_value + 1 RETURNING last_value`,
        );
        const reference = `OWES/9999/${String(counter.rows[0].last_value).padStart(5, '0')}`;
        await client.query(
          `UPDATE applications.bench_baseline SET state = 'submitted', reference = $2 WHERE id = $1`,
          [rowId, reference],
        );
        envelope = JSON.stringify({ id: randomUUID(), reference, form });
        await client.query(
          `INSERT INTO applications.outbox (id, subject, envelope, correlation_id) VALUES ($1, 'baseline', $2, 'bench')`,
          [randomUUID(), envelope],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      await js.publish(`${prefix}.baseline.submitted`, envelope, { msgID: randomUUID() });
    });
    const baselineSeconds = (performance.now() - tb) / 1000;
    const baselineRate = BASELINE / baselineSeconds;
    await rawPool.query(`DELETE FROM applications.outbox WHERE subject = 'baseline'`);
    await rawPool.end();
    await nc.close();

    // 2. System throughput, unpaced, on the same number of submissions.
    const throughputN = THROUGHPUT_N;
    const ts = performance.now();
    await pool(throughputN, CONCURRENCY, submitOne);
    const systemRate = throughputN / ((performance.now() - ts) / 1000);

    // 3. Paced latency: 100 submissions per second for PACED_SECONDS.
    await waitForEmails(received, submitted, 120_000);
    const pacedRefsBefore = new Set(submitted.keys());
    const tp = performance.now();
    const paced: Promise<void>[] = [];
    for (let i = 0; i < PACED_SECONDS * 100; i++) {
      const due = tp + i * 10;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      paced.push(submitOne());
    }
    await Promise.all(paced);
    await waitForEmails(received, submitted, 120_000);
    const latencies = [...submitted.entries()]
      .filter(([ref]) => !pacedRefsBefore.has(ref))
      .map(([ref, t0]) => (received.get(ref) ?? NaN) - t0)
      .filter((v) => !Number.isNaN(v));

    // 4. The burst.
    const burstN = Math.max(0, drafts.length - cursor);
    const tBurst = performance.now();
    await pool(burstN, CONCURRENCY, submitOne);
    const acceptedSeconds = (performance.now() - tBurst) / 1000;
    const allMailed = await waitForEmails(received, submitted, 15 * 60_000);
    const mailedSeconds = (performance.now() - tBurst) / 1000;

    // Nothing lost: references unique and gap-free; every submission has its sent delivery.
    const refs = await apps.query(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS d,
              max(substring(reference from 11)::int) AS hi, min(substring(reference from 11)::int) AS lo
         FROM applications.applications WHERE state = 'submitted'`,
    );
    const notif = new pg.Client({ connectionString: layout.urls.notifications });
    await notif.connect();
    const sent = await notif.query(
      `SELECT status, count(*)::int AS n FROM notifications.deliveries GROUP BY status`,
    );
    await notif.end();
    const rss = Object.fromEntries(
      [...children.entries()].map(([service, child]) => {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        return [service, { rssMb: Math.round(kb / 1024), peakMb: Math.round(hwm / 1024) }];
      }),
    );

    const r = refs.rows[0];
    log('\n=== Results ===');
    log(
      `baseline (raw pg + JetStream publish): ${baselineRate.toFixed(0)} submissions/s (${BASELINE} in ${baselineSeconds.toFixed(1)} s)`,
    );
    log(
      `system (HTTP, validation, audit, outbox):  ${systemRate.toFixed(0)} submissions/s — ${((100 * systemRate) / baselineRate).toFixed(0)} % of baseline (target ≥ 50 %)`,
    );
    log(
      `submit → e-mail at 100/s for ${PACED_SECONDS} s: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))} over ${latencies.length} (target p99 ≤ 250 ms)`,
    );
    log(
      `burst of ${burstN}: accepted in ${acceptedSeconds.toFixed(1)} s (${(burstN / acceptedSeconds).toFixed(0)}/s), every e-mail out after ${mailedSeconds.toFixed(1)} s (target ≤ 300 s)${allMailed ? '' : ' — NOT ALL E-MAILS ARRIVED'}`,
    );
    log(
      `nothing lost: ${r.n} submitted, ${r.d} distinct references, numbers ${r.lo}–${r.hi} (gap-free: ${r.hi - r.lo + 1 === r.n}); HTTP failures: ${failures.length}; deliveries ${JSON.stringify(Object.fromEntries(sent.rows.map((x) => [x.status, x.n])))}; e-mails received ${received.size}`,
    );
    if (failures.length) log(`first failures: ${failures.slice(0, 3).join(' | ')}`);
    log(
      `memory (RSS now / peak): ${Object.entries(rss)
        .map(([s, v]) => `${s} ${v.rssMb}/${v.peakMb} MB`)
        .join(', ')} (target < 200 MB each)`,
    );
    await apps.end();
    await grantsDb.end();
    await http.close();
  } finally {
    await cleanup();
  }
}

async function waitForEmails(
  received: Map<string, number>,
  submitted: Map<string, number>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ([...submitted.keys()].every((ref) => received.has(ref))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
