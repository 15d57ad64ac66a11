import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEFAULT_CENTRE_ID } from '@app/common';
import { databaseLayout, SERVICES, SYSTEM_SCOPE, type Service } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { percentile, pollUntil, pool, sleep } from './system/async.js';
import { HttpClient, openCall, prepareDrafts, submitDraft } from './system/load.js';
import { PrivatePostgres } from './system/private-postgres.js';
import { REPO_ROOT, ServiceFleet } from './system/services.js';
import { startSmtpSink } from './system/smtp-sink.js';
import { runMinimalBaseline } from './bench/baseline-min.js';
import {
  REPLAY_YEAR,
  runSameWorkBaseline,
  type CapturedSubmission,
} from './bench/baseline-same.js';
import { summariseProfile } from './bench/profile-summary.js';
import {
  describeTransactions,
  installStatementStats,
  resetStatementStats,
  STATEMENT_SETTINGS,
  StatementLog,
  statementCounts,
  submissionTransactions,
  transactionCounts,
  type StatementCounts,
} from './bench/statements.js';

/**
 * `npm run bench` — the speed targets of docs/architecture.md#performance-targets, measured
 * (never asserted in a test):
 *  1. submissions per second through the system against two baselines measured in the same run:
 *     (a) the design's minimum (the applications transaction and one publish, by hand) and
 *     (b) the same work as the system's, raw: every statement the three services executed for one
 *     captured submission, replayed with plain `pg`, the raw JetStream client and an SMTP send
 *     (tools/src/bench/baseline-same.ts);
 *  2. statements and commits per submission, from pg_stat_statements and pg_stat_database of the
 *     bench's own Postgres (tools/src/bench/statements.ts);
 *  3. submit → e-mail latency (p50/p99) at a paced 100 submissions/s;
 *  4. a burst of BENCH_BURST submissions (36,000 by default: ten times Grants.gov's busiest day)
 *     absorbed: time to accept them all, time until every e-mail is out, nothing lost;
 *  5. CPU of each service and of the bench itself, resident memory (RSS) of each service.
 * It runs the built services as real processes against a private Postgres (its own data
 * directory and port, with pg_stat_statements loaded) and a namespace of NATS, with an SMTP
 * server inside the script, and prints figures; the last line is for scripts.
 *
 * `--quick`: a small run for iteration (300 for the baselines and the throughput, 5 s paced,
 * a burst of 2,000). `--cpu-prof`: V8 CPU profiles of each service over the burst into
 * artifacts/profiles/<run>/ (summarised in the output). `--portal` measures the web portal
 * instead (tools/src/bench-portal.ts).
 *
 * Settings: BENCH_BASELINE (2000; also the throughput run's and baseline (b)'s size),
 * BENCH_PACED_SECONDS (10), BENCH_BURST (36000), BENCH_CONCURRENCY (32), NATS_URL, PG_BIN_DIR.
 */
const env = process.env;
const QUICK = process.argv.includes('--quick');
const CPU_PROF = process.argv.includes('--cpu-prof');
const BASELINE = Number(env.BENCH_BASELINE ?? (QUICK ? 300 : 2000));
const PACED_SECONDS = Number(env.BENCH_PACED_SECONDS ?? (QUICK ? 5 : 10));
const BURST = Number(env.BENCH_BURST ?? (QUICK ? 2000 : 36_000));
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 32);
const THROUGHPUT_N = Number(env.BENCH_THROUGHPUT ?? BASELINE);
const SAME_N = Number(env.BENCH_BASELINE_SAME ?? BASELINE);
const NATS_URL = env.NATS_URL ?? 'nats://127.0.0.1:4222';
/** Submissions before the capture, so every pooled connection has the logging setting. */
const CAPTURE_WARMUPS = 3;

const log = (line: string) => console.log(line);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const f1 = (n: number) => n.toFixed(1);

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return NaN;
  }
}

/** CPU seconds of the services and of the bench itself, for phases' differences. */
interface CpuReading {
  services: Record<Service, number>;
  bench: number;
  at: number;
}

async function main(): Promise<void> {
  const id = randomUUID().slice(0, 8);
  const prefix = `bench${id}`;
  const artifacts = join(REPO_ROOT, 'artifacts', 'bench', id);
  mkdirSync(artifacts, { recursive: true });
  const profileDir = join(REPO_ROOT, 'artifacts', 'profiles', id);

  const postgres = await PrivatePostgres.create(log, STATEMENT_SETTINGS);
  const layoutEnv: Record<string, string> = {
    DATABASE_ADMIN_URL: postgres.adminUrl,
    DB_NAME: `owes_bench_${id}`,
  };
  for (const s of SERVICES) {
    layoutEnv[`${s.toUpperCase()}_DB_ROLE`] = `owes_bench_${id}_${s}`;
    layoutEnv[`${s.toUpperCase()}_DB_PASSWORD`] = `bench_${id}`;
  }
  const layout = databaseLayout(layoutEnv);
  log(
    `OWES Grants benchmark${QUICK ? ' (--quick)' : ''} — database ${layout.database}, NATS namespace ${prefix}, artifacts ${artifacts}`,
  );
  await setupAndMigrate(layout);
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await installStatementStats(admin);
  // The superuser in the bench's database (for checks; its statements are not counted).
  const adminDb = new pg.Client({
    connectionString: postgres.adminUrl.replace(/\/postgres$/, `/${layout.database}`),
  });
  await adminDb.connect();

  // SMTP server inside the bench: records when each reference's e-mail arrives.
  const smtp = await startSmtpSink();
  const received = smtp.firstArrival;

  const fleet = await ServiceFleet.create({
    layout,
    natsUrl: NATS_URL,
    natsPrefix: prefix,
    smtpPort: smtp.port,
    replicas: 1,
    env: {
      MAIL_RETRY_BASE_MS: '200',
      ...(CPU_PROF
        ? {
            NODE_OPTIONS: `--import=${join(REPO_ROOT, 'dist', 'tools', 'tools', 'src', 'bench', 'cpu-profile-hook.js')}`,
            BENCH_PROFILE_DIR: profileDir,
          }
        : {}),
    },
  });
  const cpu = (): CpuReading => ({
    services: Object.fromEntries(
      SERVICES.map((s) => [s, cpuSecondsOf(fleet.replicas[s][0].child?.pid)]),
    ) as Record<Service, number>,
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    at: performance.now(),
  });
  const cpuSince = (from: CpuReading) => {
    const now = cpu();
    const seconds = (now.at - from.at) / 1000;
    const services = Object.fromEntries(
      SERVICES.map((s) => [s, now.services[s] - from.services[s]]),
    ) as Record<Service, number>;
    return { seconds, services, bench: now.bench - from.bench };
  };
  const describeCpu = (c: ReturnType<typeof cpuSince>) =>
    `${SERVICES.map((s) => `${s} ${f1(c.services[s])} s`).join(', ')}, bench ${f1(c.bench)} s over ${f1(c.seconds)} s wall (2 cores: ${f1(2 * c.seconds)} CPU-s available)`;

  const cleanup = async () => {
    await fleet.stopAll(1500);
    await smtp.close();
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix.toUpperCase()}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
    await admin.end().catch(() => {});
    await adminDb.end().catch(() => {});
    postgres.dispose();
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
    const total = 2 + CAPTURE_WARMUPS + SAME_N + THROUGHPUT_N + PACED_SECONDS * 100 + BURST;
    log(`preparing ${total} applicants with drafts…`);
    const drafts = await prepareDrafts(apps, callId, passwordHash, total, id);
    const replayDrafts = drafts.splice(0, SAME_N);
    const form = (
      await apps.query('SELECT form FROM applications.applications WHERE id = $1', [
        drafts[0].applicationId,
      ])
    ).rows[0].form;
    let cursor = 0;
    const submitted = new Map<string, number>();
    const failures: string[] = [];
    const submitOne = async (): Promise<string | undefined> => {
      const d = drafts[cursor++];
      const t0 = performance.now();
      const r = await submitDraft(http, [fleet.url('applications')], d, { retryForMs: 0 });
      if (!r.reference) failures.push(r.error ?? String(r.status));
      else submitted.set(r.reference, t0);
      return r.reference;
    };
    // E-mails of the replays of baseline (b) (their own year) are not the system's.
    let replayMails = 0;
    const systemMails = () => received.size - replayMails;
    /** Waits until `n` of the system's references have their e-mail (counts, never scans). */
    const waitForMails = (n: number, timeoutMs: number) =>
      pollUntil(() => systemMails() >= n, timeoutMs, 20);

    await submitOne(); // warm-up
    await waitForMails(submitted.size, 60_000);

    // 0. Capture one submission's statements with their parameters (the server's JSON log,
    //    `log_statement = all` for a moment), after a quiet window that shows the idle pollers.
    const statementLog = new StatementLog(postgres.dataDir);
    await StatementLog.setLogging(admin, true);
    for (let i = 0; i < CAPTURE_WARMUPS; i++) {
      await submitOne();
      await waitForMails(submitted.size, 60_000);
      await settled(adminDb);
    }
    const quietFrom = statementLog.offset();
    await sleep(2500);
    const quietTo = statementLog.offset();
    const captureDraft = drafts[cursor];
    const captureReference = await submitOne();
    if (!captureReference) throw new Error(`the captured submission failed: ${failures[0]}`);
    await waitForMails(submitted.size, 60_000);
    const mailedAt = performance.timeOrigin + (received.get(captureReference) ?? 0);
    await settled(adminDb);
    await sleep(300);
    await StatementLog.setLogging(admin, false);
    const quiet = statementLog.read(quietFrom, layout, quietTo);
    const windowTxs = statementLog.read(quietTo, layout);
    const captured: CapturedSubmission = {
      transactions: submissionTransactions(windowTxs, quiet, mailedAt),
      applicationId: captureDraft.applicationId,
      applicantId: captureDraft.applicantId,
      sessionId: captureDraft.sessionId,
      reference: captureReference,
      mailedAt,
      keep: new Set(
        [
          callId,
          DEFAULT_CENTRE_ID,
          ...(await apps.query('SELECT id FROM applications.centres')).rows.map(
            (r) => r.id as string,
          ),
        ].map((x) => x.toLowerCase()),
      ),
    };
    writeFileSync(
      join(artifacts, 'captured-submission.txt'),
      `One submission (${captureReference}) as the three services executed it, from the server's log; ` +
        `the e-mail reached the SMTP server at ${new Date(mailedAt).toISOString()}.\n\n` +
        describeTransactions(captured.transactions) +
        `\n\nLeft out as the idle pollers' (seen in the quiet window before):\n` +
        describeTransactions(windowTxs.filter((t) => !captured.transactions.includes(t))),
    );

    // 1a. Baseline (a): the design's minimum, by hand.
    const nc = await connect({ servers: NATS_URL });
    const cpuA = cpu();
    const baselineMin = await runMinimalBaseline({
      layout,
      nc,
      prefix,
      form,
      n: BASELINE,
      concurrency: CONCURRENCY,
    });
    const cpuMin = cpuSince(cpuA);

    // 1b. Baseline (b): the captured submission's work, raw.
    const cpuB = cpu();
    // A replay that fails is reported, and the rest of the run still measures the system.
    const baselineSame = await runSameWorkBaseline({
      captured,
      drafts: replayDrafts,
      layout,
      nc,
      prefix,
      smtpPort: smtp.port,
      concurrency: CONCURRENCY,
    }).catch((error: Error) => {
      log(`baseline (b) FAILED: ${error.message}`);
      return {
        rate: NaN,
        seconds: NaN,
        n: 0,
        statementsPerSubmission: { applications: NaN, grants: NaN, notifications: NaN },
      };
    });
    const cpuSame = cpuSince(cpuB);
    await nc.close();
    await pollUntil(
      () =>
        [...received.keys()].filter((r) => r.startsWith(`OWES/${REPLAY_YEAR}/`)).length >=
        baselineSame.n,
      30_000,
      100,
    );
    replayMails = [...received.keys()].filter((r) => r.startsWith(`OWES/${REPLAY_YEAR}/`)).length;

    // 2. System throughput, unpaced, on the same number of submissions; statements and commits.
    await waitForMails(submitted.size, 120_000);
    await resetStatementStats(admin);
    const commitsBefore = await transactionCounts(admin, layout.database);
    const mailsBefore = submitted.size;
    const cpuT = cpu();
    const ts = performance.now();
    await pool(THROUGHPUT_N, CONCURRENCY, async () => {
      await submitOne();
    });
    const acceptSeconds = (performance.now() - ts) / 1000;
    const systemRate = THROUGHPUT_N / acceptSeconds;
    await waitForMails(mailsBefore + THROUGHPUT_N, 300_000);
    const e2eSeconds = (performance.now() - ts) / 1000;
    const systemE2eRate = THROUGHPUT_N / e2eSeconds;
    const cpuThroughput = cpuSince(cpuT);
    await settled(adminDb);
    const counts = await statementCounts(admin, layout);
    const commitsAfter = await transactionCounts(admin, layout.database);
    const perSubmission = (n: number) => n / THROUGHPUT_N;
    const commits = perSubmission(commitsAfter.commits - commitsBefore.commits);
    writeFileSync(join(artifacts, 'statements.txt'), describeCounts(counts, THROUGHPUT_N));

    // 3. Paced latency: 100 submissions per second for PACED_SECONDS.
    const pacedRefsBefore = new Set(submitted.keys());
    const tp = performance.now();
    const paced: Promise<unknown>[] = [];
    for (let i = 0; i < PACED_SECONDS * 100; i++) {
      const due = tp + i * 10;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      paced.push(submitOne());
    }
    await Promise.all(paced);
    await waitForMails(submitted.size, 300_000);
    const latencies = [...submitted.entries()]
      .filter(([ref]) => !pacedRefsBefore.has(ref))
      .map(([ref, t0]) => (received.get(ref) ?? NaN) - t0)
      .filter((v) => !Number.isNaN(v));

    // 4. The burst (profiled with --cpu-prof).
    const burstN = Math.max(0, drafts.length - cursor);
    const signalAll = () => {
      for (const s of SERVICES) fleet.replicas[s][0].child?.kill('SIGWINCH');
    };
    if (CPU_PROF) signalAll();
    const cpuBu = cpu();
    const tBurst = performance.now();
    await pool(burstN, CONCURRENCY, async () => {
      await submitOne();
    });
    const acceptedSeconds = (performance.now() - tBurst) / 1000;
    const allMailed = await waitForMails(submitted.size, 15 * 60_000);
    const mailedSeconds = (performance.now() - tBurst) / 1000;
    const cpuBurst = cpuSince(cpuBu);
    const profiles: string[] = [];
    if (CPU_PROF) {
      signalAll();
      await pollUntil(
        () => SERVICES.every((s) => existsSync(join(profileDir, `${s}.done`))),
        60_000,
        200,
      );
      for (const s of SERVICES) {
        const file = join(profileDir, `${s}.cpuprofile`);
        if (!existsSync(file)) continue;
        const summary = summariseProfile(file);
        profiles.push(
          `${s}: ${f1(summary.totalMs / 1000)} s sampled with code on the stack, idle left out (${file})\n` +
            `  by area: ${summary.byArea.map((a) => `${a.area} ${(100 * a.share).toFixed(1)} %`).join(', ')}\n` +
            `  top functions (self):\n${summary.top.map((t) => `    ${(100 * t.share).toFixed(1).padStart(5)} %  ${t.fn}`).join('\n')}`,
        );
      }
      writeFileSync(join(profileDir, 'summary.txt'), profiles.join('\n\n') + '\n');
    }

    // Nothing lost: references unique and gap-free; every submission has its e-mail.
    const refs = await apps.query(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS d,
              max(substring(reference from 11)::int) AS hi, min(substring(reference from 11)::int) AS lo
         FROM applications.applications
        WHERE state = 'submitted' AND reference NOT LIKE 'OWES/${REPLAY_YEAR}/%'`,
    );
    const missing = [...submitted.keys()].filter((ref) => !received.has(ref)).length;
    let rss: Record<string, { rssMb: number; peakMb: number }> = {};
    try {
      rss = fleet.memory();
    } catch (error) {
      log(`memory: a service is gone (${(error as Error).message})`);
    }
    const rssMax = Math.max(...Object.values(rss).map((v) => v.peakMb));

    const r = refs.rows[0];
    const total2 = (x: Record<Service, number>) => SERVICES.reduce((a, s) => a + x[s], 0);
    const statementsPer = perSubmission(total2(counts.statements));
    const roundTrips = perSubmission(total2(counts.statements) + total2(counts.control));
    const e2eP99 = percentile(latencies, 99);
    log('\n=== Results ===');
    log(
      `baseline (a) minimal (applications transaction by hand + one JetStream publish): ${baselineMin.rate.toFixed(0)} submissions/s (${BASELINE} in ${f1(baselineMin.seconds)} s); CPU ${describeCpu(cpuMin)}`,
    );
    log(
      `baseline (b) the same work raw (${SERVICES.map((s) => `${s} ${baselineSame.statementsPerSubmission[s]}`).join(', ')} statements replayed, publish, 2 consumers, SMTP): ${baselineSame.rate.toFixed(0)} submissions/s to the e-mail (${SAME_N} in ${f1(baselineSame.seconds)} s); CPU ${describeCpu(cpuSame)}`,
    );
    log(
      `system: ${systemRate.toFixed(0)} submissions/s accepted — ${((100 * systemRate) / baselineMin.rate).toFixed(0)} % of (a) (target ≥ 50 %); ${systemE2eRate.toFixed(0)}/s to the e-mail — ${((100 * systemE2eRate) / baselineSame.rate).toFixed(0)} % of (b) (target ≥ 80 %); CPU ${describeCpu(cpuThroughput)}`,
    );
    log(
      `statements per submission (pg_stat_statements, ${THROUGHPUT_N} submissions, idle pollers included): ${f1(statementsPer)} (${SERVICES.map((s) => `${s} ${f1(perSubmission(counts.statements[s]))}`).join(', ')}; target ≤ 12), plus ${f1(perSubmission(total2(counts.control)))} BEGIN/COMMIT = ${f1(roundTrips)} round trips; ${f1(perSubmission(total2(counts.nested)))} nested (triggers); ${f1(commits)} commits per submission (pg_stat_database); captured submission: ${captured.transactions.length} transactions, ${total2(baselineSame.statementsPerSubmission)} statements`,
    );
    log(
      `submit → e-mail at 100/s for ${PACED_SECONDS} s: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(e2eP99)}, max ${ms(Math.max(...latencies))} over ${latencies.length} (target p99 ≤ 250 ms)`,
    );
    log(
      `burst of ${burstN}: accepted in ${f1(acceptedSeconds)} s (${(burstN / acceptedSeconds).toFixed(0)}/s), every e-mail out after ${f1(mailedSeconds)} s (target ≤ 300 s)${allMailed ? '' : ' — NOT ALL E-MAILS ARRIVED'}; CPU ${describeCpu(cpuBurst)}`,
    );
    log(
      `nothing lost: ${r.n} submitted, ${r.d} distinct references, numbers ${r.lo}–${r.hi} (gap-free: ${r.hi - r.lo + 1 === r.n}); HTTP failures: ${failures.length}; e-mails missing: ${missing} of ${submitted.size}`,
    );
    if (failures.length) log(`first failures: ${failures.slice(0, 3).join(' | ')}`);
    log(
      `memory (RSS now / peak): ${Object.entries(rss)
        .map(([s, v]) => `${s} ${v.rssMb}/${v.peakMb} MB`)
        .join(', ')} (target < 200 MB each)`,
    );
    log(
      `statements by count: ${join(artifacts, 'statements.txt')}; the captured submission: ${join(artifacts, 'captured-submission.txt')}`,
    );
    if (profiles.length) log(`\n=== CPU profiles of the burst ===\n${profiles.join('\n\n')}`);
    log(
      `\nsubmissions/s=${systemRate.toFixed(1)} baseline_min/s=${baselineMin.rate.toFixed(1)} baseline_same/s=${baselineSame.rate.toFixed(1)} ratio_min=${(systemRate / baselineMin.rate).toFixed(2)} ratio_same=${(systemE2eRate / baselineSame.rate).toFixed(2)} e2e_p99_ms=${e2eP99.toFixed(0)} burst_s=${mailedSeconds.toFixed(0)} statements=${statementsPer.toFixed(1)} rss_mb_max=${rssMax}`,
    );
    await apps.end();
    await http.close();
  } finally {
    await cleanup();
  }
}

/** Waits until nothing is in flight: every outbox row published, every delivery settled. */
async function settled(db: pg.Client): Promise<void> {
  await pollUntil(
    async () => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM applications.outbox WHERE published_at IS NULL)
              + (SELECT count(*) FROM grants.outbox WHERE published_at IS NULL)
              + (SELECT count(*) FROM notifications.outbox WHERE published_at IS NULL)
              + (SELECT count(*) FROM notifications.deliveries WHERE status = 'pending') AS n`,
      );
      return Number(rows[0].n) === 0;
    },
    60_000,
    50,
  );
}

function describeCounts(counts: StatementCounts, n: number): string {
  return (
    `Statements of the throughput run (${n} submissions), per submission, most called first:\n\n` +
    counts.rows
      .map(
        (r) =>
          `${(r.calls / n).toFixed(2).padStart(7)}  ${r.service.padEnd(13)} ${r.meanMs.toFixed(3).padStart(8)} ms${r.toplevel ? '' : ' (nested)'}  ${r.query.replace(/\s+/g, ' ').slice(0, 400)}`,
      )
      .join('\n') +
    '\n'
  );
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
