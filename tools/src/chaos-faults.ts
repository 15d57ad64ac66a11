import type { Service } from './database-config.js';
import { sleep } from './system/async.js';
import type { PrivatePostgres } from './system/private-postgres.js';
import type { ServiceFleet } from './system/services.js';
import type { SmtpSink } from './system/smtp-sink.js';

/**
 * What the NATS fault kills and starts again: the one `nats-server` (PrivateNats), or one node of
 * a cluster (the fault suite's cluster mode), chosen when the fault begins by `describe`.
 */
export interface NatsFaultTarget {
  /** Picks the victim if there is a choice and names it; unset: "nats-server". */
  describe?(): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again; resolves when it serves (a cluster node: when it has caught up). */
  start(): Promise<void>;
}

export interface FaultTargets {
  fleet: ServiceFleet;
  nats: NatsFaultTarget;
  postgres: PrivatePostgres;
  smtp: SmtpSink;
}

export interface FaultPlan {
  /** Services whose process is killed with SIGKILL (one replica each, restarted at once). */
  kill: Service[];
  /** Seconds between two faults. */
  gapS: number;
  /** How long nats-server and Postgres stay down. */
  downS: number;
  /** How long the SMTP server is away (0: not at all). */
  smtpOutageS: number;
  natsKill: boolean;
  postgresRestart: boolean;
}

/** What happened, with times (performance.now()). */
export interface FaultRecord {
  name: string;
  startedAt: number;
  endedAt: number;
}

/** The length of the timeline in seconds, without restart times (for pacing the load over it). */
export function plannedSeconds(plan: FaultPlan): number {
  const steps = plan.kill.length + (plan.natsKill ? 1 : 0) + (plan.postgresRestart ? 1 : 0);
  const sequential =
    (steps + 1) * plan.gapS +
    (plan.natsKill ? plan.downS : 0) +
    (plan.postgresRestart ? plan.downS : 0);
  return Math.max(sequential, (plan.kill.length + 1) * plan.gapS + plan.smtpOutageS);
}

/**
 * The faults, one at a time with `gapS` between them, while the load runs: kill -9 one replica
 * of each service in `kill` (restarted at once; the fault ends when it is ready again; while
 * e-mail flows, so a notifications kill can hit the send→record window), the SMTP outage
 * (started after the last kill, running beside the rest), kill -9 of nats-server — or of one
 * node of a NATS cluster — (restarted after `downS` with its store), an immediate-mode stop of Postgres (started again
 * after `downS`). Returns when every fault has ended.
 */
export async function runFaults(
  targets: FaultTargets,
  plan: FaultPlan,
  log: (line: string) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  const record = async (name: string, fault: () => Promise<void>) => {
    const startedAt = performance.now();
    log(`fault: ${name}`);
    await fault();
    const endedAt = performance.now();
    records.push({ name, startedAt, endedAt });
    log(`fault over: ${name} (${((endedAt - startedAt) / 1000).toFixed(1)} s)`);
  };
  const { fleet, nats, postgres, smtp } = targets;
  let smtpOutage: Promise<void> = Promise.resolve();
  const startSmtpOutage = () => {
    if (plan.smtpOutageS <= 0) return;
    smtpOutage = record(
      `SMTP away for ${plan.smtpOutageS} s (421 on connect, 451 on MAIL FROM)`,
      async () => {
        smtp.outage(true);
        await sleep(plan.smtpOutageS * 1000);
        smtp.outage(false);
      },
    );
  };

  let turn = 0;
  for (const service of plan.kill) {
    await sleep(plan.gapS * 1000);
    const replicas = fleet.replicas[service];
    const replica = replicas[turn++ % replicas.length];
    await record(
      `kill -9 ${service}#${replica.index} (pid ${replica.child?.pid}), restarted at once`,
      async () => {
        await fleet.kill(replica, 'SIGKILL');
        fleet.spawn(replica);
        await fleet.waitReady(replica, 120_000);
      },
    );
  }
  startSmtpOutage();
  if (plan.natsKill) {
    await sleep(plan.gapS * 1000);
    const victim = (await nats.describe?.()) ?? 'nats-server';
    await record(`kill -9 ${victim}, restarted after ${plan.downS} s`, async () => {
      await nats.kill('SIGKILL');
      await sleep(plan.downS * 1000);
      await nats.start();
    });
  }
  if (plan.postgresRestart) {
    await sleep(plan.gapS * 1000);
    await record(`Postgres stopped in immediate mode, started after ${plan.downS} s`, async () => {
      postgres.crash();
      await sleep(plan.downS * 1000);
      await postgres.start();
    });
  }
  await smtpOutage;
  return records;
}
