import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { dropDatabase } from '@app/common';
import { databaseLayout, SERVICES, SYSTEM_SCOPE } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { percentile, pollUntil, pool } from './system/async.js';
import { HttpClient, openCall, prepareDrafts, submitDraft } from './system/load.js';
import { ServiceFleet } from './system/services.js';
import { startSmtpSink } from './system/smtp-sink.js';

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
 * `npm run bench -- --portal` measures the web portal instead (tools/src/bench-portal.ts).
 *
 * Settings: BENCH_BASELINE (default 2000), BENCH_PACED_SECONDS (10), BENCH_BURST (36000),
 * BENCH_CONCURRENCY (32), DATABASE_ADMIN_URL, NATS_URL.
 */
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
  const smtp = await startSmtpSink();
  const received = smtp.firstArrival;

  // The three services as real processes.
  const fleet = await ServiceFleet.create({
    layout,
    natsUrl: NATS_URL,
    natsPrefix: prefix,
    smtpPort: smtp.port,
    replicas: 1,
    env: { MAIL_RETRY_BASE_MS: '200' },
  });
  const cleanup = async () => {
    await fleet.stopAll(1500);
    await smtp.close();
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
    await fleet.startAll(60_000);
    log('services ready\n');

    const apps = new pg.Client({ ...SYSTEM_SCOPE, connectionString: layout.urls.applications });
    await apps.connect();
    const http = new HttpClient(CONCURRENCY * 2);

    // An operator publishes a call; applicants get complete drafts.
    const { callId, passwordHash } = await openCall(
      http,
      apps,
      { applications: fleet.url('applications'), grants: fleet.url('grants') },
      id,
    );
    const total = 1 + THROUGHPUT_N + PACED_SECONDS * 100 + BURST;
    log(`preparing ${total} applicants with drafts…`);
    const drafts = await prepareDrafts(apps, callId, passwordHash, total, id);
    const form = (
      await apps.query('SELECT form FROM applications.applications WHERE id = $1', [
        drafts[0].applicationId,
      ])
    ).rows[0].form;
    let cursor = 0;
    const submitted = new Map<string, number>();
    const failures: string[] = [];
    const submitOne = async () => {
      const d = drafts[cursor++];
      const t0 = performance.now();
      const r = await submitDraft(http, [fleet.url('applications')], d, { retryForMs: 0 });
      if (!r.reference) failures.push(r.error ?? String(r.status));
      else submitted.set(r.reference, t0);
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
    const rawPool = new pg.Pool({
      ...SYSTEM_SCOPE,
      connectionString: layout.urls.applications,
      max: 20,
    });
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
    const notif = new pg.Client({ ...SYSTEM_SCOPE, connectionString: layout.urls.notifications });
    await notif.connect();
    const sent = await notif.query(
      `SELECT status, count(*)::int AS n FROM notifications.deliveries GROUP BY status`,
    );
    await notif.end();
    const rss = fleet.memory();

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
    await http.close();
  } finally {
    await cleanup();
  }
}

/** Waits until every submitted reference has its e-mail (true) or the time is up (false). */
function waitForEmails(
  received: Map<string, number>,
  submitted: Map<string, number>,
  timeoutMs: number,
): Promise<boolean> {
  return pollUntil(() => [...submitted.keys()].every((ref) => received.has(ref)), timeoutMs, 50);
}

if (process.argv.includes('--portal')) {
  // `npm run bench -- --portal`: the web portal's render times and page weights instead
  // (tools/src/bench-portal.ts runs when imported).
  await import('./bench-portal.js');
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
