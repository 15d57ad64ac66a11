import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { SERVICES, type DatabaseLayout, type Service } from '../database-config.js';
import { sleep } from '../system/async.js';

/**
 * Server settings of the bench's private Postgres: pg_stat_statements (every statement, nested
 * ones too, counted per role) and a JSON log (`log/postgresql.json`) into which the bench turns
 * `log_statement = all` on only while it captures one submission.
 */
export const STATEMENT_SETTINGS: Record<string, string> = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'all',
  'pg_stat_statements.max': '5000',
  logging_collector: 'on',
  log_destination: 'jsonlog',
  log_directory: 'log',
  log_filename: 'postgresql',
  log_rotation_size: '0',
  // The bench's own load: no fsync wait on every commit would flatter nothing here (both the
  // system and the baselines pay the same), so Postgres keeps its defaults otherwise.
};

/** Transaction control: not counted as statements (they are round trips, counted apart). */
const CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END)\b/i;

/** What each service's role executed since the last reset. */
export interface StatementCounts {
  /** Top-level statements (what a client sends), transaction control excluded. */
  statements: Record<Service, number>;
  /** BEGIN/START TRANSACTION, COMMIT and ROLLBACK sent by each service. */
  control: Record<Service, number>;
  /** Statements run inside functions and triggers (not round trips). */
  nested: Record<Service, number>;
  /** The statements themselves, most called first: service, calls, mean ms, text. */
  rows: { service: Service; calls: number; meanMs: number; toplevel: boolean; query: string }[];
}

export async function installStatementStats(admin: pg.Client): Promise<void> {
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
}

export async function resetStatementStats(admin: pg.Client): Promise<void> {
  await admin.query('SELECT pg_stat_statements_reset()');
}

export async function statementCounts(
  admin: pg.Client,
  layout: DatabaseLayout,
): Promise<StatementCounts> {
  const byRole = new Map(SERVICES.map((s) => [layout.roles[s].role, s] as const));
  const { rows } = await admin.query(
    `SELECT r.rolname AS role, s.calls::bigint AS calls, s.mean_exec_time AS mean, s.toplevel, s.query
       FROM pg_stat_statements s
       JOIN pg_roles r ON r.oid = s.userid
       JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = $1
      ORDER BY s.calls DESC`,
    [layout.database],
  );
  const zero = () => Object.fromEntries(SERVICES.map((s) => [s, 0])) as Record<Service, number>;
  const counts: StatementCounts = { statements: zero(), control: zero(), nested: zero(), rows: [] };
  for (const row of rows) {
    const service = byRole.get(row.role as string);
    if (!service) continue; // the bench's own connections
    const calls = Number(row.calls);
    const query = String(row.query);
    if (!row.toplevel) counts.nested[service] += calls;
    else if (CONTROL.test(query)) counts.control[service] += calls;
    else counts.statements[service] += calls;
    counts.rows.push({ service, calls, meanMs: Number(row.mean), toplevel: row.toplevel, query });
  }
  return counts;
}

/** Commits and rollbacks of the database so far (pg_stat_database; flushed within ~1 s). */
export async function transactionCounts(
  admin: pg.Client,
  database: string,
): Promise<{ commits: number; rollbacks: number }> {
  // Backends report their counters at most once a second, and an idle one within the next
  // ten seconds: wait until two readings a second apart agree.
  let last = '';
  for (let i = 0; i < 15; i++) {
    const { rows } = await admin.query(
      `SELECT xact_commit::bigint AS c, xact_rollback::bigint AS r FROM pg_stat_database WHERE datname = $1`,
      [database],
    );
    const now = `${rows[0].c}/${rows[0].r}`;
    if (now === last) return { commits: Number(rows[0].c), rollbacks: Number(rows[0].r) };
    last = now;
    await admin.query('SELECT pg_stat_clear_snapshot()');
    await sleep(1100);
  }
  const [c, r] = last.split('/').map(Number);
  return { commits: c, rollbacks: r };
}

/** One statement as the server logged it: its text and, for the extended protocol, its parameters. */
export interface LoggedStatement {
  text: string;
  params: (string | null)[];
  at: number;
}

/** One transaction (or one implicit single-statement transaction) of one service's session. */
export interface LoggedTransaction {
  service: Service;
  session: string;
  statements: LoggedStatement[];
  at: number;
}

/** The server's JSON log and how far the bench has read it. */
export class StatementLog {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'log', 'postgresql.json');
  }

  /** The current end of the log: what is logged after it is what `read` returns. */
  offset(): number {
    return existsSync(this.file) ? statSync(this.file).size : 0;
  }

  static present(dataDir: string): boolean {
    const dir = join(dataDir, 'log');
    return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
  }

  /** Turns statement logging on (`all`) or off for every session (a reload). */
  static async setLogging(admin: pg.Client, on: boolean): Promise<void> {
    await admin.query(
      on ? `ALTER SYSTEM SET log_statement = 'all'` : `ALTER SYSTEM RESET log_statement`,
    );
    await admin.query('SELECT pg_reload_conf()');
  }

  /** The services' transactions logged between `from` and `to` (the end), in the order they started. */
  read(from: number, layout: DatabaseLayout, to?: number): LoggedTransaction[] {
    const byRole = new Map(SERVICES.map((s) => [layout.roles[s].role, s] as const));
    const text = readFileSync(this.file).subarray(from, to).toString('utf8');
    const open = new Map<string, LoggedTransaction>();
    const all: LoggedTransaction[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: Record<string, string>;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      const service = byRole.get(entry.user);
      if (!service || entry.dbname !== layout.database) continue;
      const statement = parseStatement(entry.message, entry.detail);
      if (!statement) continue;
      statement.at = Date.parse(entry.timestamp.replace(' UTC', 'Z').replace(' ', 'T'));
      const key = `${entry.session_id}|${entry.vxid}`;
      let tx = open.get(key);
      if (!tx) {
        tx = { service, session: entry.session_id, statements: [], at: statement.at };
        open.set(key, tx);
        all.push(tx);
      }
      tx.statements.push(statement);
    }
    return all;
  }
}

function parseStatement(message: string, detail?: string): LoggedStatement | undefined {
  const simple = /^statement: ([\s\S]*)$/.exec(message);
  if (simple) return { text: simple[1], params: [], at: 0 };
  const extended = /^execute [^:]*: ([\s\S]*)$/.exec(message);
  if (!extended) return undefined;
  const params: (string | null)[] = [];
  if (detail && /^parameters: /i.test(detail)) {
    const re = /\$(\d+) = (NULL|'((?:[^']|'')*)')/g;
    for (let m = re.exec(detail); m; m = re.exec(detail)) {
      params[Number(m[1]) - 1] = m[2] === 'NULL' ? null : m[3].replace(/''/g, "'");
    }
  }
  return { text: extended[1], params, at: 0 };
}

const WRITE =
  /^\s*(WITH[\s\S]*\b(INSERT|UPDATE|DELETE)\b|INSERT|UPDATE|DELETE|SELECT[\s\S]*FOR UPDATE(?! SKIP))/i;

/**
 * The transactions of one submission among what the log holds for its window, without the
 * idle pollers' passes: a read-only claim (`SKIP LOCKED`) is a poller finding nothing; a
 * transaction made only of statements the services also ran in a quiet window before is a
 * poller's too — except the one claim that took the submission's work (the e-mail sender's
 * claim-and-lease): of those, the last before the e-mail went out is kept.
 */
export function submissionTransactions(
  window: LoggedTransaction[],
  quiet: LoggedTransaction[],
  mailedAt: number,
): LoggedTransaction[] {
  const idle = new Set(quiet.flatMap((t) => t.statements.map((s) => `${t.service}|${s.text}`)));
  const bodyOf = (tx: LoggedTransaction) => tx.statements.filter((s) => !CONTROL.test(s.text));
  const kept = new Set<LoggedTransaction>();
  const claims = new Map<string, LoggedTransaction>();
  for (const tx of window) {
    const body = bodyOf(tx);
    if (body.length === 0) continue;
    const writes = body.some((s) => WRITE.test(s.text));
    const claim = body.some((s) => /SKIP LOCKED/i.test(s.text));
    if (claim && !writes) continue;
    if (!body.every((s) => idle.has(`${tx.service}|${s.text}`))) kept.add(tx);
    else if (claim && writes && tx.at <= mailedAt) {
      claims.set(`${tx.service}|${body.map((s) => s.text).join(';')}`, tx);
    }
  }
  const first = Math.min(...[...kept].map((t) => t.at));
  for (const tx of claims.values()) if (tx.at >= first) kept.add(tx);
  return window.filter((tx) => kept.has(tx));
}

/** A readable listing of captured transactions (kept as an artifact). */
export function describeTransactions(txs: LoggedTransaction[]): string {
  return txs
    .map(
      (tx, i) =>
        `#${i + 1} ${tx.service} (session ${tx.session}, ${tx.statements.length} statements)\n` +
        tx.statements
          .map(
            (s) =>
              `  ${s.text.replace(/\s+/g, ' ').slice(0, 300)}` +
              (s.params.length
                ? `\n    [${s.params.map((p) => (p === null ? 'NULL' : JSON.stringify(p.length > 80 ? `${p.slice(0, 77)}…` : p))).join(', ')}]`
                : ''),
          )
          .join('\n'),
    )
    .join('\n');
}
