/**
 * What the logs may carry (docs/architecture.md#http-hardening): never query parameters, request
 * bodies or personal data. pino serialisers and redact paths for the platform's logger.
 */

/**
 * An e-mail address, also percent-encoded (`%40`): the local part takes every character RFC 5322
 * allows unquoted (`%`, `*`, `'`… included), not only the usual ones — but `/`, which would take a
 * URL path in front of an address for its local part (an address with `/` keeps what precedes it).
 */
const EMAIL = /[A-Za-z0-9!#$%&'*+=?^_`{|}~.-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/**
 * Eleven digits standing alone: a PESEL (or anything that looks like one). Not a run inside a
 * longer token of letters and digits (the last group of a UUID, a hex id).
 */
const PESEL = /(?<![0-9A-Za-z])\d{11}(?![0-9A-Za-z])/g;
/**
 * A query value shown in the logs must look like an enum, a number, a date or an id; anything
 * else (spaces, `@`, `%`, `/`, quotes, long text) is hidden, whatever its name.
 */
const SHOWABLE_VALUE = /^[A-Za-z0-9_.:-]{0,40}$/;
/** A parameter name shown as it is; a stranger one is written `[param]`. */
const SHOWABLE_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/** Query parameters whose value is always hidden, whatever it looks like. */
const SENSITIVE_PARAMS = new Set(['recipient', 'email', 'to', 'pesel', 'q', 'token', 'code']);

/** Hides e-mail addresses and PESELs in free text. */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PESEL, '[pesel]');
}

/**
 * A URL as it may be logged: the path with personal data hidden; of the query, the names (a
 * bracketed name such as `q[]` or `q[a]` counts as `q`) and only the values that are plainly not
 * personal — an enum, a number, a date, an id — for a name that is not sensitive. Every other
 * value is written `[redacted]`.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = scrubPersonalData(at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  // URLSearchParams decodes each name and value (`%40`, `+`) before they are judged.
  const query = [...new URLSearchParams(url.slice(at + 1))]
    .map(([rawName, value]) => {
      const base = rawName.replace(/\[.*$/, '');
      const name = SHOWABLE_NAME.test(base) ? rawName.slice(0, base.length) : '[param]';
      const bracketed = rawName.length > base.length ? '[]' : '';
      const shown =
        !SENSITIVE_PARAMS.has(base.toLowerCase()) &&
        SHOWABLE_VALUE.test(value) &&
        scrubPersonalData(value) === value;
      return `${name}${bracketed}=${shown ? value : '[redacted]'}`;
    })
    .join('&');
  return `${path}?${query}`;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * pino-http's `req` serialiser (given the standard serialisation): the URL redacted, no `query`,
 * no `params`, no body; the headers stay (the redact paths hide the credentials).
 */
export function requestSerializer(req: SerializedRequest): Record<string, unknown> {
  const headers = { ...(req.headers ?? {}) };
  if (typeof headers.referer === 'string') headers.referer = redactUrl(headers.referer);
  return {
    id: req.id,
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    headers,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

interface SerializedError {
  type?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  query?: unknown;
  driverError?: { code?: unknown } | unknown;
  cause?: unknown;
}

/**
 * The `err` serialiser: type, message, stack and code only. A TypeORM `QueryFailedError` keeps its
 * query text (`$1` placeholders) but never its `parameters` nor the driver's `detail`
 * (`Key (email)=(…) already exists`); e-mail addresses and PESELs in the text are hidden.
 */
export function errorSerializer(err: SerializedError): Record<string, unknown> {
  if (err === null || typeof err !== 'object') return { message: scrubPersonalData(String(err)) };
  const driverCode =
    err.driverError && typeof err.driverError === 'object'
      ? (err.driverError as { code?: unknown }).code
      : undefined;
  const out: Record<string, unknown> = {
    type: err.type,
    message: typeof err.message === 'string' ? scrubPersonalData(err.message) : undefined,
    stack: typeof err.stack === 'string' ? scrubPersonalData(err.stack) : undefined,
  };
  const code = err.code ?? driverCode;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (typeof err.query === 'string') out.query = scrubPersonalData(err.query);
  return out;
}

/**
 * pino's `logMethod` hook: message strings scrubbed; a call with only an error (or `{ err }`)
 * gets the error's scrubbed message as its `msg`, which pino would otherwise copy verbatim.
 */
export function scrubLogArguments(args: unknown[]): unknown[] {
  const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubPersonalData(arg) : arg));
  const [first] = args;
  if (args.length === 1 && first !== null && typeof first === 'object') {
    const error = first instanceof Error ? first : (first as { err?: unknown }).err;
    if (error instanceof Error) scrubbed.push(scrubPersonalData(error.message));
  }
  return scrubbed;
}

/** Paths pino replaces with `[redacted]`: credentials, passwords, PESELs, recipients. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.pesel',
  '*.*.pesel',
  'pesel',
  'email',
  '*.email',
  'to',
  '*.to',
  'recipient',
  '*.recipient',
  'parameters',
  '*.parameters',
  'body',
  '*.body',
];
