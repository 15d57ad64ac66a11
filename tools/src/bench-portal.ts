import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { dropDatabase } from '@app/common';
import { databaseLayout, SERVICE_NODE_FLAGS, SERVICES, SYSTEM_SCOPE } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { freePort, percentile, pollUntil } from './system/async.js';
import { HttpClient, OPERATOR_PASSWORD, openCall, prepareDrafts } from './system/load.js';
import { REPO_ROOT, ServiceFleet } from './system/services.js';
import { startSmtpSink } from './system/smtp-sink.js';

/**
 * `npm run bench -- --portal`: what the web portal costs a person (docs/portal.md#measurements),
 * measured, never asserted in a test —
 *  1. the server's render time of each page an applicant goes through (the start page, the
 *     calls, the application's task list, each form section, check your answers), p50 and p95
 *     over BENCH_PORTAL_RENDERS requests each, timed from the request to the last byte on
 *     loopback (so: the portal's work and its calls to the services);
 *  2. the bytes each page makes the browser download: the HTML, the stylesheet and every
 *     script it loads (the modules its `data-owes-module` elements name included), as sent and
 *     gzip-compressed.
 * The built services and portal run as processes, with their own database and NATS namespace.
 */
const env = process.env;
const RENDERS = Number(env.BENCH_PORTAL_RENDERS ?? 200);
const NATS_URL = env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ADMIN_URL = env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => console.log(line);

/** A browser-like session with the portal: its cookie jar (one cookie: the session). */
class PortalSession {
  private cookie = '';
  constructor(private readonly base: string) {}

  async get(path: string): Promise<{ status: number; body: string; ms: number }> {
    const t0 = performance.now();
    const response = await fetch(new URL(path, this.base), {
      headers: this.cookie ? { cookie: this.cookie } : {},
      redirect: 'manual',
    });
    const body = await response.text();
    this.remember(response);
    return { status: response.status, body, ms: performance.now() - t0 };
  }

  async post(path: string, form: Record<string, string>): Promise<number> {
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    await response.text();
    this.remember(response);
    return response.status;
  }

  private remember(response: Response): void {
    const set = response.headers.getSetCookie().find((c) => c.startsWith('owes.sid='));
    if (set) this.cookie = set.split(';')[0]!;
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The stylesheet and scripts a page makes the browser fetch (modules named by its elements). */
function assetsOf(html: string): string[] {
  const assets = new Set<string>();
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) assets.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]* src="([^"]+)"/g)) assets.add(m[1]!);
  for (const m of html.matchAll(/import \{[^}]*\} from '([^']+)'/g)) assets.add(m[1]!);
  for (const m of html.matchAll(/data-owes-module="([^"]+)"/g)) {
    for (const name of m[1]!.split(/\s+/)) assets.add(`/assets/${name}.js`);
  }
  if (html.includes('id="owes-timeout"')) assets.add('/assets/timeout.js');
  return [...assets];
}

async function main(): Promise<void> {
  const id = randomUUID().slice(0, 8);
  const prefix = `benchp${id}`;
  const layoutEnv: Record<string, string> = {
    DATABASE_ADMIN_URL: ADMIN_URL,
    DB_NAME: `owes_benchp_${id}`,
    PORTAL_DB_ROLE: `owes_benchp_${id}_portal`,
    PORTAL_DB_PASSWORD: `bench_${id}`,
  };
  for (const s of SERVICES) {
    layoutEnv[`${s.toUpperCase()}_DB_ROLE`] = `owes_benchp_${id}_${s}`;
    layoutEnv[`${s.toUpperCase()}_DB_PASSWORD`] = `bench_${id}`;
  }
  const layout = databaseLayout(layoutEnv);
  log(`OWES Grants portal benchmark — database ${layout.database}`);
  await setupAndMigrate(layout);
  const smtp = await startSmtpSink();
  const fleet = await ServiceFleet.create({
    layout,
    natsUrl: NATS_URL,
    natsPrefix: prefix,
    smtpPort: smtp.port,
    replicas: 1,
  });
  const portalPort = await freePort();
  let portal: ReturnType<typeof spawn> | undefined;
  try {
    await fleet.startAll(60_000);
    portal = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        join(REPO_ROOT, 'dist', 'apps', 'portal', 'apps', 'portal', 'src', 'main.js'),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          PORT: String(portalPort),
          DATABASE_URL: layout.portal.url,
          APPLICATIONS_URL: fleet.url('applications'),
          GRANTS_URL: fleet.url('grants'),
          NOTIFICATIONS_URL: fleet.url('notifications'),
          SESSION_SECRET: `bench-session-secret-${id}-${id}-${id}`,
        },
      },
    );
    const base = `http://127.0.0.1:${portalPort}`;
    const ready = await pollUntil(
      async () => (await fetch(`${base}/health/ready`).catch(() => null))?.ok === true,
      30_000,
    );
    if (!ready) throw new Error('the portal did not become ready');

    const apps = new pg.Client({ ...SYSTEM_SCOPE, connectionString: layout.urls.applications });
    apps.on('error', () => {});
    await apps.connect();
    const http = new HttpClient(4);
    const { callId, passwordHash } = await openCall(
      http,
      apps,
      { applications: fleet.url('applications'), grants: fleet.url('grants') },
      id,
    );
    const [draft] = await prepareDrafts(apps, callId, passwordHash, 1, id);
    const applicant = await apps.query(
      `SELECT u.email FROM applications.users u JOIN applications.applications a ON a.applicant_id = u.id WHERE a.id = $1`,
      [draft!.applicationId],
    );
    await apps.end();

    const session = new PortalSession(base);
    const signInPage = await session.get('/logowanie');
    const status = await session.post('/logowanie', {
      _csrf: csrfOf(signInPage.body),
      email: applicant.rows[0].email as string,
      password: OPERATOR_PASSWORD,
    });
    if (status !== 303) throw new Error(`signing in to the portal answered ${status}`);

    const app = `/wnioski/${draft!.applicationId}`;
    const pages: [string, string][] = [
      ['start page', '/'],
      ['calls', '/nabory'],
      ['task list', app],
      ...[
        'wnioskodawca',
        'zatrudnienie',
        'miejsca-pracy',
        'budzet',
        'biznesplan',
        'de-minimis',
        'oswiadczenia',
      ].map((s): [string, string] => [`section ${s}`, `${app}/${s}`]),
      ['check your answers', `${app}/sprawdz`],
    ];
    const assetSizes = new Map<string, { raw: number; gzip: number }>();
    const sizeOf = async (url: string) => {
      if (!assetSizes.has(url)) {
        const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
        assetSizes.set(url, { raw: body.length, gzip: gzipSync(body).length });
      }
      return assetSizes.get(url)!;
    };
    const kb = (n: number) => (n / 1024).toFixed(1);
    log(
      `\n${'page'.padEnd(24)} ${'status'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  ${'HTML kB'.padStart(8)} ${'CSS kB'.padStart(8)} ${'JS kB'.padStart(8)}  (gzip: HTML/CSS/JS kB)`,
    );
    const p95s: number[] = [];
    for (const [name, path] of pages) {
      const first = await session.get(path);
      const times: number[] = [];
      for (let i = 0; i < RENDERS; i++) times.push((await session.get(path)).ms);
      const assets = assetsOf(first.body);
      const css = { raw: 0, gzip: 0 };
      const js = { raw: 0, gzip: 0 };
      for (const url of assets) {
        const size = await sizeOf(url);
        const into = url.includes('.css') ? css : js;
        into.raw += size.raw;
        into.gzip += size.gzip;
      }
      const html = { raw: Buffer.byteLength(first.body), gzip: gzipSync(first.body).length };
      const p95 = percentile(times, 95);
      if (path.startsWith('/wnioski')) p95s.push(p95);
      log(
        `${name.padEnd(24)} ${String(first.status).padStart(6)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${kb(html.raw).padStart(8)} ${kb(css.raw).padStart(8)} ${kb(js.raw).padStart(8)}  (${kb(html.gzip)}/${kb(css.gzip)}/${kb(js.gzip)})`,
      );
    }
    log(`\nportal_form_p95_ms=${Math.max(...p95s).toFixed(1)} renders_per_page=${RENDERS}`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    portal?.kill('SIGTERM');
    await fleet.stopAll(1500);
    await smtp.close();
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix.toUpperCase()}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
    await dropDatabase(ADMIN_URL, layout.database, [
      ...SERVICES.map((s) => layout.roles[s].role),
      layout.portal.role,
    ]);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
