/**
 * HTTP error codes, one enum per feature: a feature declares its codes with `defineErrorCodes`
 * (`<feature>/<feature>.errors.ts`), each mapped to exactly one status and a line saying when it
 * happens, and throws the entry (`ApiError.conflict(AwardsErrors.AGREEMENT_ALREADY_SIGNED, …)`:
 * a 409 helper takes only a 409 entry). Each service merges the platform's codes below and its
 * features' into its catalogue (`apps/<service>/src/errors.ts`), which its OpenAPI description
 * and docs/api-error-codes.md are rendered from (`npm run docs:errors`).
 *
 * Keep `when` to one line of plain English: it is printed in a table.
 */

export interface ErrorCodeSpec {
  readonly status: number;
  /** One line of English: when the API answers this code. */
  readonly when: string;
}

/** One code of a feature's catalogue: the code, its one status, when it happens. */
export interface ErrorCodeEntry<C extends string = string, S extends number = number> {
  readonly code: C;
  readonly status: S;
  readonly when: string;
}

/** A catalogue: code → entry (each entry's `code` is its key). */
export type ErrorCatalogue = Readonly<Record<string, ErrorCodeEntry>>;

/**
 * A feature's error codes — its enum, each code mapped to exactly one status (twenty's
 * `<feature>.exception.ts` pattern): `AwardsErrors.AGREEMENT_ALREADY_SIGNED` is typed with its
 * code and its status, so `ApiError.conflict(entry)` compiles only for a 409 entry.
 */
export function defineErrorCodes<const T extends Record<string, ErrorCodeSpec>>(
  spec: T,
): { readonly [K in keyof T & string]: ErrorCodeEntry<K, T[K]['status']> } {
  return Object.fromEntries(
    Object.entries(spec).map(([code, { status, when }]) => [code, { code, status, when }]),
  ) as { readonly [K in keyof T & string]: ErrorCodeEntry<K, T[K]['status']> };
}

/**
 * One service's catalogue from its features' catalogues (the platform's first). A code may stand
 * in several (a feature reusing another's entry) only if it means the same status there.
 */
export function mergeErrorCatalogues(...catalogues: ErrorCatalogue[]): ErrorCatalogue {
  const merged: Record<string, ErrorCodeEntry> = {};
  for (const catalogue of catalogues) {
    for (const entry of Object.values(catalogue)) {
      const seen = merged[entry.code];
      if (seen && seen.status !== entry.status)
        throw new Error(
          `Error code ${entry.code} has two statuses: ${seen.status}, ${entry.status}`,
        );
      merged[entry.code] ??= entry;
    }
  }
  return merged;
}

/** A catalogue as rows, sorted by status, then code. */
export function errorCodeRows(
  catalogue: ErrorCatalogue,
): { code: string; status: number; when: string }[] {
  return Object.values(catalogue)
    .map(({ code, status, when }) => ({ code, status, when }))
    .sort((a, b) => a.status - b.status || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A catalogue as a Markdown table (code | HTTP status | when it happens). */
export function errorCodeTable(catalogue: ErrorCatalogue): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| code | HTTP status | when it happens |',
    '|---|---|---|',
    ...errorCodeRows(catalogue).map((r) => `| \`${r.code}\` | ${r.status} | ${cell(r.when)} |`),
  ].join('\n');
}

/**
 * The codes of the platform itself — the HTTP layer, validation, authentication, the global
 * filter — which every service can answer.
 */
export const PLATFORM_ERRORS = defineErrorCodes({
  BAD_REQUEST: {
    status: 400,
    when: 'The HTTP layer refused the request before validation: a path id that is not a UUID, or another framework 400.',
  },
  MALFORMED_JSON: {
    status: 400,
    when: 'A JSON request body cannot be parsed (e.g. a truncated `{"a":`) or its top level is not an object or array; nothing of the request was processed.',
  },
  JSON_TOO_DEEP: {
    status: 400,
    when: 'A JSON request body nests objects and arrays deeper than 64 levels; nothing of the request was processed.',
  },
  VALIDATION_FAILED: {
    status: 400,
    when: "The request's data is malformed: the validation pipe refused the body or query (missing, unknown or wrong-typed field, `null` for a field that is not nullable, value out of range, a page past the last allowed, text with a NUL or an unpaired UTF-16 surrogate), or a service's field check did (e.g. a date in the future, an unknown criterion); `errors` lists the fields.",
  },
  INVALID_TOKEN: {
    status: 401,
    when: 'The bearer token does not verify (signature, issuer, audience, expiry or claims) on a route that needs one.',
  },
  UNAUTHORIZED: {
    status: 401,
    when: 'A route that needs authentication was called without a bearer token.',
  },
  FORBIDDEN: {
    status: 403,
    when: "The caller's role may not use the route, or an evaluator who is not the call's committee chair opens or approves its ranking.",
  },
  NOT_FOUND: {
    status: 404,
    when: "The resource does not exist or is not the caller's to see (another user's application, group or award answers 404), or no route matches the path.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    when: 'A framework 405; no route answers it today (an unknown method and path answers 404 NOT_FOUND).',
  },
  CONFLICT: {
    status: 409,
    when: 'A framework 409 without a specific code; the services do not throw it today.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: "The request body is larger than the body parser's limit.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'The body parser cannot read the body (unsupported charset or content encoding).',
  },
  UNPROCESSABLE: {
    status: 422,
    when: 'A framework 422 without a specific code; the services do not throw it today.',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    when: 'Too many failed logins for one account or from one address (a growing delay, never a lock-out), or too many registration, verification-resend or forgotten-password requests (Retry-After says when to retry).',
  },
  INTERNAL_ERROR: {
    status: 500,
    when: 'An unexpected server error; the body shows only the correlation id to quote to support.',
  },
  DEPENDENCY_UNAVAILABLE: {
    status: 503,
    when: 'The database or NATS does not answer (an outage, a restart, too many connections); nothing was changed, try again after `Retry-After` seconds. `/health/ready` answers it too, naming what is down.',
  },
});
