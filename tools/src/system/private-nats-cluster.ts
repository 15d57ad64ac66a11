import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '../infrastructure.js';
import { freePort, sleep } from './async.js';

/** What `/jsz` of a node says about the JetStream meta group (the fields used here). */
interface Jsz {
  meta_cluster?: { name?: string; leader?: string; cluster_size?: number };
}

/** One `nats-server` of the cluster: client, route and monitoring ports, its own store. */
export class NatsNode {
  child?: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly clusterPort: number,
    readonly monitorPort: number,
    readonly storeDir: string,
    private readonly routes: string,
    private readonly clusterName: string,
    private readonly logFile?: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process (again, with the same store); returns once the client port listens. */
  async start(): Promise<void> {
    if (this.running) return;
    const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
    const out = this.logFile ? openSync(this.logFile, 'a') : undefined;
    this.child = spawn(
      binary,
      [
        '-js',
        '-a',
        '127.0.0.1',
        '-p',
        String(this.port),
        '-m',
        String(this.monitorPort),
        '-sd',
        this.storeDir,
        '--server_name',
        this.name,
        '--cluster_name',
        this.clusterName,
        '--cluster',
        `nats://127.0.0.1:${this.clusterPort}`,
        '--routes',
        this.routes,
      ],
      { stdio: ['ignore', out ?? 'ignore', out ?? 'ignore'] },
    );
    if (out !== undefined) closeSync(out);
    if (!(await waitForPort('127.0.0.1', this.port, 15_000)))
      throw new Error(`${binary} (${this.name}) did not start listening on ${this.port}`);
  }

  /** kill -9 (or another signal), waiting for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  /** The node's `/jsz` (JetStream and meta-group state); undefined while it does not answer. */
  async jsz(): Promise<Jsz | undefined> {
    if (!this.running) return undefined;
    return fetch(`http://127.0.0.1:${this.monitorPort}/jsz`, { signal: AbortSignal.timeout(2000) })
      .then((r) => (r.ok ? (r.json() as Promise<Jsz>) : undefined))
      .catch(() => undefined);
  }

  /**
   * `/healthz`: 200 once the node's JetStream is up and, in a cluster, it has caught up with the
   * meta group and the streams and consumers it holds (nats-server 2.9).
   */
  async healthy(): Promise<boolean> {
    if (!this.running) return false;
    return fetch(`http://127.0.0.1:${this.monitorPort}/healthz`, {
      signal: AbortSignal.timeout(2000),
    })
      .then((r) => r.ok)
      .catch(() => false);
  }
}

/**
 * A JetStream cluster of its own on loopback ports (never the shared server on 4222): `size`
 * `nats-server` processes named n1…nN, each with its own store in a temporary directory that
 * survives `kill()` + `start()` (like a real server's disk), routes to every node, monitoring on
 * its own port. Used by the fault suite's cluster mode (`npm run test:chaos -- --cluster`) and the
 * stream-replica tests; `docs/scaling.md#nats-jetstream` says what it stands for.
 */
export class PrivateNatsCluster {
  private constructor(
    readonly nodes: NatsNode[],
    private readonly dir: string,
  ) {}

  /** Every node's client URL, comma-separated: what NATS_URL is given. */
  get url(): string {
    return this.nodes.map((n) => n.url).join(',');
  }

  /**
   * Starts `size` nodes and waits until they have elected a meta leader that every node knows
   * (and every node reports healthy). `logDir`: each node's log as `nats-<name>.log`.
   */
  static async create(size = 3, logDir?: string): Promise<PrivateNatsCluster> {
    if (!Number.isInteger(size) || size < 1) throw new Error('a cluster needs at least one node');
    const dir = mkdtempSync(join(tmpdir(), 'owes-nats-cluster-'));
    const ports = [];
    for (let i = 0; i < size; i++)
      ports.push({
        client: await freePort(),
        cluster: await freePort(),
        monitor: await freePort(),
      });
    const routes = ports.map((p) => `nats://127.0.0.1:${p.cluster}`).join(',');
    const nodes = ports.map((p, i) => {
      const store = join(dir, `n${i + 1}`);
      mkdirSync(store);
      return new NatsNode(
        `n${i + 1}`,
        p.client,
        p.cluster,
        p.monitor,
        store,
        routes,
        'owes',
        logDir ? join(logDir, `nats-n${i + 1}.log`) : undefined,
      );
    });
    const cluster = new PrivateNatsCluster(nodes, dir);
    try {
      await Promise.all(nodes.map((n) => n.start()));
      await cluster.waitForMetaLeader();
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    return cluster;
  }

  /** The meta leader's name as the running nodes agree on it, or undefined (none, or no agreement). */
  async metaLeader(): Promise<string | undefined> {
    const running = this.nodes.filter((n) => n.running);
    const views = await Promise.all(running.map((n) => n.jsz()));
    const leaders = new Set(views.map((v) => v?.meta_cluster?.leader ?? ''));
    const [leader] = [...leaders];
    return leaders.size === 1 && leader ? leader : undefined;
  }

  /**
   * Waits until every running node names the same meta leader and answers `/healthz` with 200
   * (a restarted node has caught up). Throws after `timeoutMs`.
   */
  async waitForMetaLeader(timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const leader = await this.metaLeader();
      if (leader) {
        const health = await Promise.all(
          this.nodes.filter((n) => n.running).map((n) => n.healthy()),
        );
        if (health.every(Boolean)) return leader;
      }
      if (Date.now() > deadline)
        throw new Error(`the NATS cluster elected no meta leader in ${timeoutMs / 1000} s`);
      await sleep(200);
    }
  }

  node(name: string): NatsNode {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no NATS node ${name}`);
    return node;
  }

  /** Kills (SIGKILL by default) the node and waits for its exit; its store stays. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.node(name).kill(signal);
  }

  /** Starts the node again with its store, then waits until the cluster is whole and healthy. */
  async restart(name: string, timeoutMs = 60_000): Promise<void> {
    await this.node(name).start();
    await this.waitForMetaLeader(timeoutMs);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.kill('SIGTERM')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
