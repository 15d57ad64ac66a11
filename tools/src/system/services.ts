import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SERVICE_NODE_FLAGS,
  SERVICES,
  type DatabaseLayout,
  type Service,
} from '../database-config.js';
import { freePort, sleep } from './async.js';

/** The repository root, from dist/tools/tools/src/system. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

export interface FleetOptions {
  layout: DatabaseLayout;
  natsUrl: string;
  natsPrefix: string;
  smtpPort: number;
  /** Replicas of each service (distinct ports, the same database and NATS). */
  replicas: number;
  /** Where each replica's output goes (`<service>-<n>.log`); unset: stderr inherited, stdout dropped. */
  logDir?: string;
  /** Extra or overriding environment for every replica. */
  env?: Record<string, string>;
  /** Called when a replica exits without having been stopped or killed by the fleet. */
  onUnexpectedExit?: (replica: Replica, code: number | null, signal: string | null) => void;
}

export interface Replica {
  service: Service;
  index: number;
  port: number;
  child?: ChildProcess;
  /** Set while the fleet itself kills or stops it (so the exit is expected). */
  expectingExit: boolean;
}

/**
 * The built services (`npm run build`) as real processes, the way `npm start` and the Docker
 * image run them (same Node flags), each replica on its own port against one database and one
 * NATS namespace, e-mail to an SMTP server of the caller. Used by `npm run bench` and
 * `npm run test:chaos`.
 */
export class ServiceFleet {
  readonly replicas: Record<Service, Replica[]>;
  private stopping = false;

  private constructor(
    private readonly options: FleetOptions,
    replicas: Record<Service, Replica[]>,
  ) {
    this.replicas = replicas;
  }

  static async create(options: FleetOptions): Promise<ServiceFleet> {
    const replicas = {} as Record<Service, Replica[]>;
    for (const service of SERVICES) {
      replicas[service] = [];
      for (let index = 0; index < options.replicas; index++)
        replicas[service].push({ service, index, port: await freePort(), expectingExit: false });
    }
    return new ServiceFleet(options, replicas);
  }

  /** Base URL of a replica (replica 0 by default). */
  url(service: Service, index = 0): string {
    return `http://127.0.0.1:${this.replicas[service][index].port}`;
  }

  all(): Replica[] {
    return SERVICES.flatMap((s) => this.replicas[s]);
  }

  /** Starts every replica and waits until each answers /health/ready. */
  async startAll(timeoutMs = 90_000): Promise<void> {
    for (const replica of this.all()) this.spawn(replica);
    await Promise.all(this.all().map((r) => this.waitReady(r, timeoutMs)));
  }

  /** Starts a replica's process (again) on its port; nothing once `stopAll` has begun. */
  spawn(replica: Replica): void {
    if (this.stopping) return;
    const { layout, natsUrl, natsPrefix, smtpPort, logDir } = this.options;
    const { service, port } = replica;
    const entry = join(REPO_ROOT, 'dist', 'apps', service, 'apps', service, 'src', 'main.js');
    const out = logDir ? openSync(join(logDir, `${service}-${replica.index}.log`), 'a') : undefined;
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], {
      stdio: ['ignore', out ?? 'ignore', out ?? 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: layout.urls[service],
        DB_POOL_SIZE: '20',
        NATS_URL: natsUrl,
        NATS_PREFIX: natsPrefix,
        LOG_LEVEL: 'warn',
        JWKS_URL: `${this.url('applications')}/api/auth/jwks.json`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        ...this.options.env,
      },
    });
    if (out !== undefined) closeSync(out);
    replica.child = child;
    replica.expectingExit = false;
    child.once('exit', (code, signal) => {
      if (replica.child === child && !replica.expectingExit)
        this.options.onUnexpectedExit?.(replica, code, signal);
    });
  }

  async waitReady(replica: Replica, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${replica.port}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      if (Date.now() > deadline)
        throw new Error(`${replica.service}#${replica.index} not ready in ${timeoutMs / 1000} s`);
      await sleep(200);
    }
  }

  /** Sends `signal` to a replica and waits for its exit. */
  async kill(replica: Replica, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = replica.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    replica.expectingExit = true;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  /** Stops every replica (SIGTERM, SIGKILL after `graceMs`). */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.all().map(async (replica) => {
        const timer = setTimeout(() => replica.child?.kill('SIGKILL'), graceMs);
        await this.kill(replica, 'SIGTERM');
        clearTimeout(timer);
      }),
    );
  }

  /** Resident memory now and at its peak (MB) of each service's first replica. */
  memory(): Record<string, { rssMb: number; peakMb: number }> {
    return Object.fromEntries(
      SERVICES.map((service) => {
        const pid = this.replicas[service][0].child?.pid;
        const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        return [service, { rssMb: Math.round(kb / 1024), peakMb: Math.round(hwm / 1024) }];
      }),
    );
  }
}
