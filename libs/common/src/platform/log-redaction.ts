/**
 * What the logs may carry (docs/architecture.md#http-hardening): never query parameters, request
 * bodies or personal data. pino serialisers and redact paths for the platform's logger.
 */

/** An e-mail address, also percent-encoded (`%40`). */
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Eleven digits standing alone: a PESEL (or anything that looks like one). */
const PESEL = /(?<!\d)\d{11}(?!\d)/g;

/** Query parameters whose value is always hidden, whatever it looks like. */
const SENSITIVE_PARAMS = new Set(['recipient', 'email', 'to', 'pesel', 'q', 'token', 'code']);

/** Hides e-mail addresses and PESELs in free text. */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PESEL, '[pesel]');
}

/**
 * A URL as it may be logged: the path with personal data hidden, each query value replaced by
 * `[redacted]` when its name is sensitive or it holds an e-mail address or a PESEL.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = scrubPersonalData(at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  // URLSearchParams decodes each value (`%40`, `+`); a hidden one is written as `[redacted]`.
  const query = [...new URLSearchParams(url.slice(at + 1))]
    .map(([name, value]) => {
      const hidden = SENSITIVE_PARAMS.has(name.toLowerCase()) || scrubPersonalData(value) !== value;
      const shown = new URLSearchParams([[name, hidden ? '' : value]]).toString();
      return hidden ? `${shown}[redacted]` : shown;
    })
    .join('&');
  return `${path}?${scrubPersonalData(query)}`;
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
