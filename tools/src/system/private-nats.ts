import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '../infrastructure.js';
import { freePort } from './async.js';

/**
 * A `nats-server -js` of its own (never the shared one on 4222) on a free port, its JetStream
 * store in a temporary directory that survives `kill()` + `start()`, like a real server's disk.
 */
export class PrivateNats {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async create(): Promise<PrivateNats> {
    const nats = new PrivateNats(await freePort(), mkdtempSync(join(tmpdir(), 'owes-chaos-nats-')));
    await nats.start();
    return nats;
  }

  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
    this.child = spawn(
      binary,
      ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.dir],
      {
        stdio: 'ignore',
      },
    );
    if (!(await waitForPort('127.0.0.1', this.port, 15_000)))
      throw new Error(`${binary} did not start listening on ${this.port}`);
  }

  /** kill -9 (or another signal), waiting for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
