import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { formatReferenceNumber, MESSAGING_DEFAULTS } from '@app/common';
import { SYSTEM_SCOPE, type DatabaseLayout, type Service } from '../database-config.js';
import type { LoggedTransaction } from './statements.js';

/** The submission whose statements were captured, and what in them names it. */
export interface CapturedSubmission {
  transactions: LoggedTransaction[];
  applicationId: string;
  applicantId: string;
  sessionId: string;
  reference: string;
  /** Epoch ms at which its e-mail reached the SMTP server (splits notifications' work). */
  mailedAt: number;
  /** Identifiers of rows that exist before a submission (the call, the centres): kept as they are. */
  keep: Set<string>;
}

/** A draft the replay submits in place of the captured one. */
export interface ReplayDraft {
  applicationId: string;
  applicantId: string;
  sessionId: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The year of the replays' references: their own counter row, never the system's numbers. */
export const REPLAY_YEAR = 9999;

/**
 * The captured submission's values rewritten for one replay: its application, applicant and
 * session become the replay draft's, every other new identifier (event, outbox, audit, delivery
 * ids…) a fresh one, the reference the one the replay's own counter statement returns.
 */
class Substitution {
  private readonly ids = new Map<string, string>();
  reference?: string;

  constructor(
    private readonly captured: CapturedSubmission,
    draft: ReplayDraft,
  ) {
    this.ids.set(captured.applicationId.toLowerCase(), draft.applicationId);
    this.ids.set(captured.applicantId.toLowerCase(), draft.applicantId);
    this.ids.set(captured.sessionId.toLowerCase(), draft.sessionId);
  }

  apply(value: string): string {
    let out = value.replace(UUID, (id) => {
      const key = id.toLowerCase();
      if (this.captured.keep.has(key)) return id;
      let mapped = this.ids.get(key);
      if (!mapped) this.ids.set(key, (mapped = randomUUID()));
      return mapped;
    });
    if (this.reference) out = out.split(this.captured.reference).join(this.reference);
    return out;
  }
}

/**
 * Tables the services' own pollers claim from (the outbox relays, the e-mail sender): a replay
 * writes to a copy of each (`bench_<name>`, the same columns, indexes and defaults), so the
 * running services never pick up a replayed row — the same statements on tables of the same
 * shape.
 */
const SHADOWED: Record<Service, string[]> = {
  applications: ['outbox'],
  grants: ['outbox'],
  notifications: ['outbox', 'deliveries'],
};

function shadow(service: Service, text: string): string {
  let out = text;
  for (const table of SHADOWED[service])
    out = out.replace(new RegExp(`\\b${table}\\b`, 'g'), `bench_${table}`);
  return out;
}

/** The outcome of baseline (b). */
export interface SameWorkBaseline {
  rate: number;
  seconds: number;
  n: number;
  statementsPerSubmission: Record<Service, number>;
}

/**
 * Baseline (b): the captured submission's work done raw, `n` times, `concurrency` at once —
 * applications' transactions (the HTTP request's, the submission's, the relay's) on plain `pg`,
 * the event published with the raw JetStream client to a stream of the bench's own, two durable
 * pull consumers (as grants and notifications) that run those services' transactions, and an
 * SMTP send (nodemailer's pool, as the notifications service) to the bench's SMTP server between
 * notifications' transactions before and after the e-mail went out. The statements are replayed
 * with the exact texts and the parameter values of the one captured submission, identifiers and
 * the reference rewritten (`Substitution`). The rate is submissions whose whole pipeline
 * finished (e-mail sent and marked) per second.
 */
export async function runSameWorkBaseline(options: {
  captured: CapturedSubmission;
  drafts: ReplayDraft[];
  layout: DatabaseLayout;
  nc: NatsConnection;
  prefix: string;
  smtpPort: number;
  concurrency: number;
}): Promise<SameWorkBaseline> {
  const { captured, drafts, layout, nc, prefix, concurrency } = options;
  const n = drafts.length;
  const of = (s: Service) => captured.transactions.filter((t) => t.service === s);
  const appsTxs = of('applications');
  const grantsTxs = of('grants');
  const notifBefore = of('notifications').filter((t) => t.at <= captured.mailedAt);
  const notifAfter = of('notifications').filter((t) => t.at > captured.mailedAt);
  // The event as written to the outbox (a statement of its own, or a part of a CTE).
  const event = appsTxs
    .flatMap((t) => t.statements)
    .filter((s) => /INSERT INTO (\w+\.)?outbox\b/i.test(s.text))
    .flatMap((s) => s.params)
    .find((p) => typeof p === 'string' && p.startsWith('{') && p.includes('"payload"'));
  if (!event) throw new Error('the captured submission wrote no outbox row');
  const mailText =
    notifBefore
      .flatMap((t) => t.statements.flatMap((s) => s.params))
      .filter((p): p is string => typeof p === 'string')
      .sort((a, b) => b.length - a.length)[0] ?? captured.reference;

  const pools = Object.fromEntries(
    (['applications', 'grants', 'notifications'] as const).map((s) => [
      s,
      new pg.Pool({ ...SYSTEM_SCOPE, connectionString: layout.urls[s], max: 20 }),
    ]),
  ) as Record<Service, pg.Pool>;
  const mailer = nodemailer.createTransport({
    host: '127.0.0.1',
    port: options.smtpPort,
    secure: false,
    pool: true,
    maxConnections: 5,
  });
  const stream = `${prefix.toUpperCase()}_BASELINE_SAME`;
  const subject = `${prefix}.bsame.submitted`;
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.bsame.>`] });
  for (const durable of ['grants', 'notifications'])
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 1000,
    });

  for (const service of Object.keys(SHADOWED) as Service[])
    for (const table of SHADOWED[service])
      await pools[service].query(
        `CREATE TABLE IF NOT EXISTS ${service}.bench_${table} (LIKE ${service}.${table} INCLUDING ALL)`,
      );

  const substitutions: Substitution[] = drafts.map((d) => new Substitution(captured, d));
  // One connection for a service's part of a submission, as the service's own pool gave it in
  // the captured run (the centre scope is a session setting made by one of the statements).
  const capturedYear = captured.reference.split('/')[1];
  // A claim (`SKIP LOCKED`: the relay's, the sender's) is one worker's at a time in a service, as
  // its PollingWorker runs it: concurrent claims of overlapping rows would deadlock.
  const claims = new Map<Service, Promise<unknown>>();
  const serially = <T>(service: Service, work: () => Promise<T>): Promise<T> => {
    const next = (claims.get(service) ?? Promise.resolve()).then(work, work);
    claims.set(
      service,
      next.catch(() => {}),
    );
    return next;
  };
  const run = async (service: Service, txs: LoggedTransaction[], sub: Substitution) => {
    const client = await pools[service].connect();
    const replay = async (tx: LoggedTransaction) => {
      for (const s of tx.statements) {
        const counter = /reference_counters/.test(s.text);
        const params = s.params.map((p) => (p === null ? null : sub.apply(p)));
        // The year's counter (a statement of its own, or within the submission's CTE): the
        // replays count in a year of their own.
        if (counter)
          for (let k = 0; k < params.length; k++)
            if (params[k] === capturedYear) params[k] = String(REPLAY_YEAR);
        const result = await client.query(
          shadow(service, sub.apply(s.text)),
          params.length ? params : undefined,
        );
        const returned = result.rows?.[0] as { last_value?: string; reference?: string };
        if (counter && returned?.last_value !== undefined)
          sub.reference = formatReferenceNumber(REPLAY_YEAR, Number(returned.last_value));
        else if (counter && returned?.reference) sub.reference = returned.reference;
      }
    };
    try {
      for (const tx of txs) {
        if (tx.statements.some((st) => /SKIP LOCKED/i.test(st.text)))
          await serially(service, () => replay(tx));
        else await replay(tx);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new Error(
        `baseline (b), replaying ${service}'s transaction: ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      client.release();
    }
  };

  let finished = 0;
  let failure: Error | undefined;
  const parts = new Map<number, number>();
  let allDone!: () => void;
  const done = new Promise<void>((r) => (allDone = r));
  const finish = (i: number) => {
    const k = (parts.get(i) ?? 0) + 1;
    parts.set(i, k);
    if (k === 2 && ++finished === n) allDone();
  };
  const fail = (error: Error) => {
    failure ??= error;
    allDone();
  };
  const consume = async (durable: string, work: (msg: JsMsg, i: number) => Promise<void>) => {
    const consumer = await js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    const limit = MESSAGING_DEFAULTS.concurrency;
    const inFlight = new Set<Promise<void>>();
    void (async () => {
      for await (const msg of messages) {
        while (inFlight.size >= limit) await Promise.race(inFlight);
        const i = Number(msg.headers?.get('Bench-I'));
        const task: Promise<void> = work(msg, i)
          .then(() => {
            msg.ack();
            finish(i);
          })
          .catch(fail)
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    })();
    return messages;
  };
  const grants = await consume('grants', async (msg, i) => {
    msg.json();
    await run('grants', grantsTxs, substitutions[i]);
  });
  const notifications = await consume('notifications', async (msg, i) => {
    msg.json();
    const sub = substitutions[i];
    await run('notifications', notifBefore, sub);
    await mailer.sendMail({
      from: 'bench@owes.local',
      to: 'applicant@bench.local',
      subject: `Wniosek ${sub.reference}`,
      text: sub.apply(mailText),
    });
    await run('notifications', notifAfter, sub);
  });

  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n && !failure) {
        const i = next++;
        const sub = substitutions[i];
        try {
          await run('applications', appsTxs, sub);
          const h = natsHeaders();
          h.set('Bench-I', String(i));
          await js.publish(subject, sub.apply(event), {
            msgID: randomUUID(),
            headers: h,
          });
        } catch (error) {
          fail(error as Error);
        }
      }
    }),
  );
  await done;
  const seconds = (performance.now() - t0) / 1000;
  grants.stop();
  notifications.stop();
  mailer.close();
  for (const service of Object.keys(SHADOWED) as Service[])
    for (const table of SHADOWED[service])
      await pools[service].query(`DROP TABLE IF EXISTS ${service}.bench_${table}`);
  await Promise.all(Object.values(pools).map((p) => p.end()));
  await jsm.streams.delete(stream);
  if (failure) throw failure;
  const count = (txs: LoggedTransaction[]) =>
    txs
      .flatMap((t) => t.statements)
      .filter((s) => !/^\s*(BEGIN|START|COMMIT|ROLLBACK)/i.test(s.text)).length;
  return {
    rate: n / seconds,
    seconds,
    n,
    statementsPerSubmission: {
      applications: count(appsTxs),
      grants: count(grantsTxs),
      notifications: count(notifBefore) + count(notifAfter),
    },
  };
}
