import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { PRODUCERS, streamName } from '@app/common';
import { countVerdict, settleState, type SettleState } from './chaos-count.js';
import { plannedSeconds, runFaults, type FaultPlan, type NatsFaultTarget } from './chaos-faults.js';
import { databaseLayout, SERVICES, type Service, SYSTEM_SCOPE } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { sleep } from './system/async.js';
import {
  HttpClient,
  openCall,
  prepareDrafts,
  submitDraft,
  type SubmitOutcome,
} from './system/load.js';
import { PrivateNats } from './system/private-nats.js';
import { PrivateNatsCluster } from './system/private-nats-cluster.js';
import { PrivatePostgres } from './system/private-postgres.js';
import { ServiceFleet } from './system/services.js';
import { startSmtpSink } from './system/smtp-sink.js';

/**
 * `npm run test:chaos` — the fault suite (README "Fault suite"): a private Postgres and NATS, the
 * three built services as real processes (CHAOS_REPLICAS of each), an SMTP server inside the
 * script; CHAOS_SUBMISSIONS submissions paced over a timeline of faults — kill -9 of each
 * service, kill -9 of nats-server, Postgres stopped in immediate mode, SMTP away for
 * CHAOS_SMTP_OUTAGE_S — then a bounded wait for the system to catch up and a count per
 * reference. Last line: `lost=N duplicated=N resent_same_id=N recovered_s=X`; the exit code is 0
 * only with lost=0, duplicated=0, no dead letters, every outbox published and every submission
 * acknowledged.
 *
 * `--ci` (or CHAOS_PROFILE=ci): the smaller profile for CI (400 submissions, shorter gaps).
 * `--cluster` (or CHAOS_CLUSTER=1): a three-node NATS JetStream cluster instead of one server,
 * every stream (and so every durable consumer) at 3 replicas (NATS_STREAM_REPLICAS=3), two
 * replicas of each service unless CHAOS_REPLICAS says otherwise; the NATS fault kills -9 the node
 * that leads the applications stream and restarts it after CHAOS_DOWN_S (docs/scaling.md).
 * Settings: CHAOS_SUBMISSIONS, CHAOS_REPLICAS (1 or 2; or --replicas=2), CHAOS_SMTP_OUTAGE_S (30),
 * CHAOS_KILL (applications,grants,notifications; `none` for no service kill), CHAOS_NATS_KILL
 * (1), CHAOS_PG_RESTART (1), CHAOS_FAULT_GAP_S, CHAOS_DOWN_S (3), CHAOS_RATE (submissions/s;
 * default: spread over the fault timeline), CHAOS_CONCURRENCY (32), CHAOS_SETTLE_TIMEOUT_S (600),
 * CHAOS_TIMEOUT_S (hard limit of the whole run), CHAOS_KEEP_LOGS=1 (keep the services' logs),
 * PG_BIN_DIR, NATS_SERVER_BIN.
 */
const argv = process.argv.slice(2);
const env = process.env;
const ci = argv.includes('--ci') || env.CHAOS_PROFILE === 'ci';
const CLUSTER = argv.includes('--cluster') || env.CHAOS_CLUSTER === '1';
const STREAM_REPLICAS = CLUSTER ? 3 : 1;
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const num = (value: string | undefined, fallback: number) =>
  value === undefined || value === '' ? fallback : Number(value);

const SUBMISSIONS = num(flag('submissions') ?? env.CHAOS_SUBMISSIONS, ci ? 400 : 2500);
const REPLICAS = num(flag('replicas') ?? env.CHAOS_REPLICAS, CLUSTER ? 2 : 1);
const CONCURRENCY = num(env.CHAOS_CONCURRENCY, 32);
const SETTLE_TIMEOUT_S = num(env.CHAOS_SETTLE_TIMEOUT_S, 600);
const killList = (env.CHAOS_KILL ?? SERVICES.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s && s !== 'none');
const PLAN: FaultPlan = {
  kill: killList as Service[],
  gapS: num(env.CHAOS_FAULT_GAP_S, ci ? 5 : 8),
  downS: num(env.CHAOS_DOWN_S, 3),
  smtpOutageS: num(flag('smtp-outage') ?? env.CHAOS_SMTP_OUTAGE_S, 30),
  natsKill: env.CHAOS_NATS_KILL !== '0',
  postgresRestart: env.CHAOS_PG_RESTART !== '0',
};
const TIMELINE_S = plannedSeconds(PLAN);
const RATE = num(env.CHAOS_RATE, SUBMISSIONS / (TIMELINE_S + 10));
const TIMEOUT_S = num(env.CHAOS_TIMEOUT_S, 300 + TIMELINE_S + SUBMISSIONS / 20 + SETTLE_TIMEOUT_S);

const t0 = performance.now();
const since = () => ((performance.now() - t0) / 1000).toFixed(1).padStart(6);
const log = (line: string) => console.log(`[chaos ${since()} s] ${line}`);

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => {});
  })();
  return cleaning;
}

async function main(): Promise<number> {
  if (!Number.isInteger(REPLICAS) || REPLICAS < 1 || REPLICAS > 4)
    throw new Error('CHAOS_REPLICAS must be 1…4');
  for (const s of PLAN.kill)
    if (!SERVICES.includes(s)) throw new Error(`CHAOS_KILL: unknown service ${s}`);
  log(
    `profile ${ci ? 'ci' : 'full'}${CLUSTER ? ' on a 3-node NATS cluster, streams at 3 replicas' : ''}: ${SUBMISSIONS} submissions at ≤ ${RATE.toFixed(1)}/s (${CONCURRENCY} at once), ` +
      `${REPLICAS} replica(s) of each service; faults: kill -9 ${PLAN.kill.join(', ') || 'no service'}` +
      `${PLAN.natsKill ? ', nats-server' : ''}${PLAN.postgresRestart ? ', Postgres immediate stop' : ''}` +
      `, SMTP away ${PLAN.smtpOutageS} s; hard limit ${Math.round(TIMEOUT_S)} s`,
  );
  const runDir = mkdtempSync(join(tmpdir(), 'owes-chaos-'));
  cleanups.push(() => {
    if (env.CHAOS_KEEP_LOGS === '1') console.log(`[chaos] logs kept in ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  });

  const postgres = await PrivatePostgres.create(log);
  cleanups.push(() => postgres.dispose());
  const nats = CLUSTER ? await PrivateNatsCluster.create(3, runDir) : await PrivateNats.create();
  cleanups.push(() => nats.dispose());
  log(
    nats instanceof PrivateNatsCluster
      ? `private NATS cluster ${nats.nodes.map((n) => `${n.name}:${n.port}`).join(' ')}, meta leader ${await nats.metaLeader()}`
      : `private nats-server on ${nats.url}`,
  );
  const smtp = await startSmtpSink();
  cleanups.push(() => smtp.close());

  const id = randomUUID().slice(0, 8);
  const layout = databaseLayout({ DATABASE_ADMIN_URL: postgres.adminUrl, DB_NAME: 'owes_chaos' });
  await setupAndMigrate(layout);
  log('database set up and migrated');

  const unexpected: string[] = [];
  const fleet: ServiceFleet = await ServiceFleet.create({
    layout,
    natsUrl: nats.url,
    natsPrefix: `chaos${id}`,
    smtpPort: smtp.port,
    replicas: REPLICAS,
    logDir: runDir,
    env: { NATS_STREAM_REPLICAS: String(STREAM_REPLICAS) },
    onUnexpectedExit: (replica, code, signal) => {
      const what = `${replica.service}#${replica.index} exited by itself (${signal ?? code})`;
      unexpected.push(what);
      log(`${what}; restarting it`);
      setTimeout(() => fleet.spawn(replica), 1000);
    },
  });
  cleanups.push(() => fleet.stopAll(5000));
  await fleet.startAll();
  log(
    `services ready: ${fleet
      .all()
      .map((r) => `${r.service}#${r.index}:${r.port}`)
      .join(' ')}`,
  );

  // The chaos tool's own view of JetStream: which node leads a stream, how many replicas it has.
  const natsClient = await connect({
    servers: nats.url.split(','),
    name: 'owes-chaos',
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  cleanups.push(() => natsClient.close());
  const jsm = await jetstreamManager(natsClient, { timeout: 5000 });
  const prefix = `chaos${id}`;
  log(`streams: ${await describeStreams(jsm, prefix)}`);
  let natsTarget: NatsFaultTarget;
  if (nats instanceof PrivateNats) natsTarget = nats;
  else {
    let victim = nats.nodes[0].name;
    const stream = streamName('applications', prefix);
    natsTarget = {
      describe: async () => {
        const leader = (await jsm.streams.info(stream).catch(() => undefined))?.cluster?.leader;
        victim = leader && nats.nodes.some((n) => n.name === leader) ? leader : victim;
        return `NATS node ${victim}${leader === victim ? ` (leader of ${stream})` : ''}`;
      },
      kill: (signal) => nats.kill(victim, signal),
      start: () => nats.restart(victim, 120_000),
    };
  }

  const http = new HttpClient(CONCURRENCY * 2);
  cleanups.push(() => http.close());
  const apps = new pg.Client({ ...SYSTEM_SCOPE, connectionString: layout.urls.applications });
  await apps.connect();
  const { callId, passwordHash } = await openCall(
    http,
    apps,
    { applications: fleet.url('applications'), grants: fleet.url('grants') },
    id,
  );
  const drafts = await prepareDrafts(apps, callId, passwordHash, SUBMISSIONS, id);
  await apps.end();
  log(`${drafts.length} applicants with drafts ready`);

  // The load, paced over the fault timeline, and the faults at the same time.
  const appUrls = fleet.replicas.applications.map((r) => fleet.url('applications', r.index));
  const outcomes: SubmitOutcome[] = [];
  const accepted = new Set<string>();
  const loadStart = performance.now();
  const load = (async () => {
    let inFlight = 0;
    const running: Promise<void>[] = [];
    for (let i = 0; i < drafts.length; i++) {
      const due = loadStart + (i * 1000) / RATE;
      while (inFlight >= CONCURRENCY || performance.now() < due)
        await sleep(Math.max(1, Math.min(50, due - performance.now())));
      inFlight++;
      running.push(
        submitDraft(http, appUrls, drafts[i], { retryForMs: 180_000, first: i }).then((o) => {
          inFlight--;
          outcomes.push(o);
          if (o.reference) accepted.add(o.reference);
        }),
      );
    }
    await Promise.all(running);
    log(`load done in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  })();
  const faults = await runFaults({ fleet, nats: natsTarget, postgres, smtp }, PLAN, log);
  await load;
  const lastFaultEnd = Math.max(loadStart, ...faults.map((f) => f.endedAt));

  // Bounded wait for a positive sign: everything e-mailed, nothing pending, outboxes published.
  const db = new pg.Pool({
    connectionString: postgres.adminUrl.replace(/\/postgres$/, `/${layout.database}`),
    max: 2,
  });
  db.on('error', () => {});
  cleanups.push(() => db.end());
  let state: SettleState | undefined;
  let lastLog = 0;
  const settleDeadline = performance.now() + SETTLE_TIMEOUT_S * 1000;
  while (performance.now() < settleDeadline) {
    state = await settleState(db, smtp, accepted).catch(() => state);
    if (state?.settled) break;
    if (performance.now() - lastLog > 10_000 && state) {
      lastLog = performance.now();
      log(`waiting: ${JSON.stringify({ ...state, settled: undefined })}`);
    }
    await sleep(500);
  }
  const settledAt = performance.now();
  const recoveredS = Math.max(0, (settledAt - lastFaultEnd) / 1000);
  if (!state?.settled) log(`NOT SETTLED within ${SETTLE_TIMEOUT_S} s: ${JSON.stringify(state)}`);

  const v = await countVerdict(db, smtp, accepted);
  const retried = outcomes.filter((o) => o.attempts > 1).length;
  const unacknowledged = outcomes.filter((o) => !o.reference);
  console.log('\n=== Fault suite ===');
  for (const f of faults)
    console.log(
      `fault  ${((f.startedAt - loadStart) / 1000).toFixed(1).padStart(6)} s → ${((f.endedAt - loadStart) / 1000).toFixed(1).padStart(6)} s  ${f.name}`,
    );
  console.log(
    `load: ${outcomes.length} submissions, ${accepted.size} acknowledged, ${retried} needed a retry, ` +
      `${unacknowledged.length} never acknowledged${
        unacknowledged.length
          ? ` (first: ${unacknowledged
              .slice(0, 3)
              .map((o) => o.error)
              .join(' | ')})`
          : ''
      }`,
  );
  const answers = new Map<string, number>();
  for (const a of outcomes.flatMap((o) => o.failedAttempts))
    answers.set(a, (answers.get(a) ?? 0) + 1);
  console.log(
    `failed attempts (retried while retryable): ${answers.size ? [...answers].map(([a, n]) => `${a} ×${n}`).join(', ') : 'none'}`,
  );
  console.log(
    `references: ${v.expected} expected (acknowledged ∪ in the database), numbers gap-free: ${v.gapFree}`,
  );
  console.log(
    `e-mails: ${smtp.messages.length} received, ${smtp.refused} connections or messages refused during the outage; deliveries ${JSON.stringify(v.deliveries)}, ${v.retriedDeliveries} needed more than one attempt`,
  );
  console.log(`outbox unpublished: ${JSON.stringify(v.unpublished)}`);
  console.log(
    `dead letters: ${v.deadLetters.length ? v.deadLetters.map((d) => `${d.schema} ${d.subject} ×${d.n}: ${d.error}`).join(' | ') : 'none'}`,
  );
  console.log(
    `services that exited by themselves: ${unexpected.length ? unexpected.join('; ') : 'none'}`,
  );
  for (const ref of [...v.lost, ...v.duplicated].slice(0, 10))
    console.log(`  ${ref}: ${v.reasons.get(ref)}`);
  if (v.resentSameId.length)
    console.log(`resent with the same Message-ID: ${v.resentSameId.slice(0, 10).join(', ')}`);
  console.log(`streams at the end: ${await describeStreams(jsm, prefix)}`);
  console.log(`settled: ${state?.settled ?? false}; total ${since().trim()} s`);
  console.log(
    `lost=${v.lost.length} duplicated=${v.duplicated.length} resent_same_id=${v.resentSameId.length} recovered_s=${state?.settled ? recoveredS.toFixed(1) : 'timeout'}`,
  );
  if (unacknowledged.length)
    console.log(
      `NOT A PASS: ${unacknowledged.length} of ${outcomes.length} submissions were never acknowledged (the load did not get through)`,
    );
  const deadLetters = v.deadLetters.reduce((a, d) => a + d.n, 0);
  const unpublished = Object.values(v.unpublished).reduce((a, n) => a + n, 0);
  const pass =
    v.lost.length === 0 &&
    v.duplicated.length === 0 &&
    deadLetters === 0 &&
    unpublished === 0 &&
    unacknowledged.length === 0;
  return pass ? 0 : 1;
}

/**
 * Each of the run's streams: replicas, leader, and whether every follower is current (a cluster),
 * and how many messages it holds.
 */
async function describeStreams(jsm: JetStreamManager, prefix: string): Promise<string> {
  const names = PRODUCERS.map((p) => streamName(p, prefix));
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await jsm.streams.info(name).catch(() => undefined);
      if (!info) return `${name} (not found)`;
      const followers = info.cluster?.replicas ?? [];
      const current = followers.filter((r) => r.current).length;
      return (
        `${name} R${info.config.num_replicas} ${info.state.messages} msgs` +
        (info.cluster?.leader
          ? ` leader ${info.cluster.leader}, followers current ${current}/${followers.length}`
          : '')
      );
    }),
  );
  return parts.join('; ');
}

const hardLimit = setTimeout(() => {
  console.error(`[chaos] hard time limit of ${Math.round(TIMEOUT_S)} s reached: stopping`);
  void cleanup().finally(() => process.exit(2));
}, TIMEOUT_S * 1000);
hardLimit.unref();
for (const event of ['uncaughtException', 'unhandledRejection'] as const)
  process.once(event, (error) => {
    console.error(`[chaos] ${event}:`, error);
    void cleanup().finally(() => process.exit(1));
  });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`[chaos] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
