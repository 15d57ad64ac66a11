import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { databaseLayout, SERVICE_NODE_FLAGS, SERVICES, type Service } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import {
  hostPortOf,
  isListening,
  startEmbeddedPostgres,
  startNatsServer,
} from './infrastructure.js';

/**
 * `npm start`: finds (or starts) Postgres and NATS, sets up the database and applies the
 * migrations, then runs the three services and the web portal (http://localhost:3000) and waits
 * until each is ready. Ctrl-C stops all.
 *
 * With no database configured and nothing on 127.0.0.1:5432, an embedded Postgres runs in
 * .data/; with no NATS configured and nothing on 127.0.0.1:4222, `nats-server -js` is started
 * from the PATH. A configured address that does not answer is an error, never a fallback.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const log = (line: string) => console.log(`[start] ${line}`);
const fail = (line: string): never => {
  console.error(`[start] ${line}`);
  process.exit(1);
};

const PORTS: Record<Service, number> = {
  applications: Number(process.env.APPLICATIONS_PORT ?? 3001),
  grants: Number(process.env.GRANTS_PORT ?? 3002),
  notifications: Number(process.env.NOTIFICATIONS_PORT ?? 3003),
};

const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 3000);

const cleanups: (() => Promise<void> | void)[] = [];
const children = new Map<Service | 'portal', ChildProcess>();
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Stopping…');
    for (const child of children.values()) child.kill('SIGTERM');
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((r) => {
            if (child.exitCode !== null || child.signalCode !== null) return r();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              r();
            }, 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              r();
            });
          }),
      ),
    );
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  }
  process.exit(code);
}

async function postgres(): Promise<string | undefined> {
  const configured =
    process.env.DATABASE_ADMIN_URL ??
    SERVICES.map((s) => process.env[`${s.toUpperCase()}_DATABASE_URL`]).find(Boolean);
  if (configured) {
    const { host, port } = hostPortOf(configured, 5432);
    if (!(await isListening(host, port, 3000)))
      fail(`The configured database at ${host}:${port} does not answer.`);
    return undefined;
  }
  if (await isListening('127.0.0.1', 5432)) {
    log('Using the Postgres on 127.0.0.1:5432');
    return undefined;
  }
  log('No database configured and nothing on 127.0.0.1:5432: starting an embedded Postgres');
  const embedded = await startEmbeddedPostgres(dataDir, log);
  cleanups.push(embedded.stop);
  return embedded.adminUrl;
}

async function nats(): Promise<string> {
  if (process.env.NATS_URL) {
    const { host, port } = hostPortOf(process.env.NATS_URL, 4222);
    if (!(await isListening(host, port, 3000)))
      fail(`The configured NATS at ${host}:${port} does not answer.`);
    return process.env.NATS_URL;
  }
  if (await isListening('127.0.0.1', 4222)) {
    log('Using the NATS server on 127.0.0.1:4222');
    return 'nats://127.0.0.1:4222';
  }
  const child = await startNatsServer(dataDir, log);
  if (!child) {
    fail(
      'No NATS configured and nothing on 127.0.0.1:4222, and nats-server is not installed.\n' +
        '  Install it (Debian/Ubuntu: apt-get install nats-server) or set NATS_URL to a server with JetStream (-js).',
    );
  }
  cleanups.push(() => {
    child!.kill('SIGTERM');
  });
  return 'nats://127.0.0.1:4222';
}

async function waitReady(service: Service | 'portal', timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const port = service === 'portal' ? PORTAL_PORT : PORTS[service];
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${service} did not become ready within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const embeddedAdminUrl = await postgres();
  const natsUrl = await nats();
  const layout = databaseLayout(process.env, { adminUrl: embeddedAdminUrl });
  log(`Setting up database ${layout.database} and applying migrations`);
  await setupAndMigrate(layout, (line) => log(line));

  for (const service of SERVICES) {
    const entry = join(root, 'dist', 'apps', service, 'apps', service, 'src', 'main.js');
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], {
      stdio: 'inherit',
      env: {
        ...process.env,
        PORT: String(PORTS[service]),
        DATABASE_URL: layout.urls[service],
        NATS_URL: natsUrl,
        JWKS_URL:
          process.env.JWKS_URL ?? `http://127.0.0.1:${PORTS.applications}/api/auth/jwks.json`,
        MAIL_DIR: process.env.MAIL_DIR ?? join(dataDir, 'mail'),
        ...(service === 'applications' ? { TRUST_PROXY: 'loopback' } : {}),
      },
    });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[start] ${service} exited (${signal ?? code}); stopping everything`);
        void stopAll(1);
      }
    });
    children.set(service, child);
  }
  await Promise.all(SERVICES.map((s) => waitReady(s)));
  // The web portal, once the services it calls are up.
  const portal = spawn(
    process.execPath,
    [
      ...SERVICE_NODE_FLAGS,
      join(root, 'dist', 'apps', 'portal', 'apps', 'portal', 'src', 'main.js'),
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        PORT: String(PORTAL_PORT),
        DATABASE_URL: layout.portal.url,
        APPLICATIONS_URL: `http://127.0.0.1:${PORTS.applications}`,
        GRANTS_URL: `http://127.0.0.1:${PORTS.grants}`,
        NOTIFICATIONS_URL: `http://127.0.0.1:${PORTS.notifications}`,
      },
    },
  );
  portal.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] portal exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    }
  });
  children.set('portal', portal);
  await waitReady('portal');
  log('All services are ready:');
  for (const service of SERVICES) {
    log(
      `  ${service.padEnd(13)} http://127.0.0.1:${PORTS[service]}  (docs: /api/docs, health: /health/ready)`,
    );
  }
  log(`  ${'portal'.padEnd(13)} http://localhost:${PORTAL_PORT}  (open it in a browser)`);
  log('Press Ctrl-C to stop.');
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  void stopAll(1);
});
