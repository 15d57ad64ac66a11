/**
 * Which errors mean "a dependency is away" rather than "a bug": the exception filter answers them
 * 503 DEPENDENCY_UNAVAILABLE with `Retry-After` instead of 500 (docs/runbook.md#health-and-logs).
 * Pure: it reads the shapes `pg`, `pg-pool`, TypeORM and nats.js give their errors.
 */

/** A dependency a request can find away. */
export type Dependency = 'database' | 'nats';

export const DEPENDENCIES: readonly Dependency[] = ['database', 'nats'];

/**
 * `Retry-After` (seconds) of a 503 for an outage: long enough for a Postgres restart or a NATS
 * reconnect (the client retries every 500 ms) to finish, short enough that a client's retry lands
 * soon after; a readiness probe every few seconds takes a replica out meanwhile.
 */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** Thrown by code that knows a dependency is away (e.g. NATS not connected). */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';

  constructor(
    readonly dependency: Dependency,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Node's socket errors: the server refuses, resets, is unreachable or does not answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable database: class 08 (connection exception), 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting down, recovering), 53300
 * too many connections. Not 57014 (a cancelled statement) nor 53xxx otherwise (disk full, out of
 * memory: an operator's problem, not a transient one).
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** Messages of `pg` and `pg-pool` for a connection that broke or never came. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** nats.js v3 error names of a connection that is closed, draining or away. */
const NATS_ERROR_NAMES = new Set([
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'NoResponders',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/** The error, its TypeORM `driverError`, its `cause`s and an AggregateError's parts. */
function* chain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (depth > 8 || error === null || typeof error !== 'object') return;
  const e = error as ErrorLike;
  yield e;
  if (e.driverError && e.driverError !== error) yield* chain(e.driverError, depth + 1);
  if (e.cause && e.cause !== error) yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const part of e.errors) yield* chain(part, depth + 1);
}

function isNatsError(e: ErrorLike): boolean {
  return typeof e.name === 'string' && NATS_ERROR_NAMES.has(e.name);
}

function isDatabaseError(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (code && isUnavailableSqlState(code)) return true;
  if (code && NETWORK_CODES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * The dependency an error says is unavailable, or undefined for any other error (a bug, bad
 * data, a constraint). A NATS error is recognised by its nats.js name; everything else that looks
 * like a lost or refused connection is the database's, the one other thing an HTTP request talks
 * to over the network.
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  for (const e of chain(error)) {
    if (e instanceof DependencyUnavailableError) return e.dependency;
    if (isNatsError(e)) return 'nats';
  }
  const parts = [...chain(error)];
  // An HTTP call's socket error (fetch's "fetch failed", e.g. a JWKS fetch) is not the database's.
  if (parts.some((e) => e.message === 'fetch failed')) return undefined;
  return parts.some(isDatabaseError) ? 'database' : undefined;
}
