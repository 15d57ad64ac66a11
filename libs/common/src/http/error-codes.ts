/**
 * Every `code` the HTTP API can answer in its error body, with its HTTP status and when it
 * happens: the one source of truth. `ApiError` accepts only these codes, each with the status
 * recorded here (a new code is added here first, or the throw does not compile); the global
 * filter's codes for framework errors are typed by it too. docs/api-error-codes.md and the
 * OpenAPI description of every service are rendered from it (`npm run docs:errors`).
 *
 * One status per code. Keep `when` to one line of plain English: it is printed in a table.
 */
export const ERROR_CODES = {
  // 400: the request itself is wrong.
  BAD_REQUEST: {
    status: 400,
    when: 'The HTTP layer refused the request before validation: a path id that is not a UUID, or another framework 400.',
  },
  MALFORMED_JSON: {
    status: 400,
    when: 'A JSON request body cannot be parsed (e.g. a truncated `{"a":`) or its top level is not an object or array; nothing of the request was processed.',
  },
  VALIDATION_FAILED: {
    status: 400,
    when: "The request's data is malformed: the validation pipe refused the body or query (missing, unknown or wrong-typed field, value out of range), or a service's field check did (e.g. a date in the future, an unknown criterion); `errors` lists the fields.",
  },
  VERIFICATION_TOKEN_EXPIRED: {
    status: 400,
    when: 'The e-mail verification link has expired; a new one must be requested.',
  },
  VERIFICATION_TOKEN_INVALID: {
    status: 400,
    when: 'The e-mail verification token is unknown or has already been used.',
  },

  // 401: who is calling is not known.
  INVALID_CREDENTIALS: { status: 401, when: 'Login with a wrong e-mail address or password.' },
  INVALID_TOKEN: {
    status: 401,
    when: 'The bearer token does not verify (signature, issuer, audience, expiry or claims) on a route that needs one.',
  },
  UNAUTHORIZED: {
    status: 401,
    when: 'A route that needs authentication was called without a bearer token.',
  },

  // 403: the caller is known and may not do this.
  CONFLICT_OF_INTEREST: {
    status: 403,
    when: 'An evaluator who declared a conflict of interest asks to see the application of that evaluation.',
  },
  DECLARATION_REQUIRED: {
    status: 403,
    when: 'An evaluator opens or scores an evaluation without a signed impartiality and confidentiality declaration (or scores one after declaring a conflict of interest).',
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    when: 'Login with the right password to an account whose e-mail address has not been verified yet.',
  },
  FORBIDDEN: {
    status: 403,
    when: "The caller's role may not use the route, or an evaluator who is not the call's committee chair opens or approves its ranking.",
  },
  NOT_THE_APPLICANT: {
    status: 403,
    when: 'Someone other than the applicant (e.g. an operator) files an appeal against a decision.',
  },

  // 404.
  NOT_FOUND: {
    status: 404,
    when: "The resource does not exist or is not the caller's to see (another user's application, group or award answers 404), or no route matches the path.",
  },

  // 405.
  METHOD_NOT_ALLOWED: {
    status: 405,
    when: 'A framework 405; no route answers it today (an unknown method and path answers 404 NOT_FOUND).',
  },

  // 409: the request conflicts with the resource's current state.
  AGREEMENT_ALREADY_SIGNED: {
    status: 409,
    when: "An award's agreement is prepared or signed again once signed, or the award is given up after signing (that is a termination with a refund).",
  },
  ALREADY_DECLARED: {
    status: 409,
    when: 'An evaluator makes the impartiality declaration for an evaluation already declared on.',
  },
  ALREADY_SCORED: {
    status: 409,
    when: 'An evaluator submits scores for an evaluation already scored.',
  },
  APPEAL_ALREADY_FILED: {
    status: 409,
    when: 'A second appeal is filed against the same decision.',
  },
  AWARD_CLOSED: {
    status: 409,
    when: 'A bridging-support extension is requested or decided for an award no longer under a signed agreement (settled or given up).',
  },
  AWARD_GIVEN_UP: {
    status: 409,
    when: 'An agreement, a payment or a give-up is recorded for an award that has been given up.',
  },
  BRIDGING_EXTENSION_DECIDED: {
    status: 409,
    when: 'A decision is recorded on a bridging-support extension request that has already been decided.',
  },
  BRIDGING_EXTENSION_EXISTS: {
    status: 409,
    when: "A bridging-support extension is requested while the award's earlier request is pending or approved.",
  },
  BUDGET_EXCEEDED: {
    status: 409,
    when: "Approving a bridging-support extension would commit more than what is left of the call's budget.",
  },
  CALL_NUMBER_TAKEN: {
    status: 409,
    when: 'A call is created or updated with the number of another call.',
  },
  CALL_RULES_LOCKED: {
    status: 409,
    when: "A call's settings are changed after an application to it has been submitted.",
  },
  CANNOT_WITHDRAW: {
    status: 409,
    when: 'An application is withdrawn after its formal check has ended.',
  },
  CONFLICT: {
    status: 409,
    when: 'A framework 409 without a specific code; the services do not throw it today.',
  },
  CROSS_APPLICATION_CONFLICT: {
    status: 409,
    when: "An operator formally accepts an application that conflicts with an earlier active one in the call, or with a job still funded in the programme: the entity's jobs above the call's `maxJobsPerEntity`, or an employee (PESEL) already in another job; `errors` lists each conflict.",
  },
  EMAIL_TAKEN: {
    status: 409,
    when: 'Registration with an e-mail address that already has an account.',
  },
  JOB_ALREADY_VACANT: {
    status: 409,
    when: 'A vacancy is reported for a job that is not filled (already vacant).',
  },
  JOB_NOT_VACANT: {
    status: 409,
    when: 'A refill is reported for a job that is not vacant.',
  },
  JOB_TERM_CLOSED: {
    status: 409,
    when: 'A monthly report, vacancy or refill is recorded for a job whose monitoring has ended (kept, or refund claimed).',
  },
  NOT_AWAITING_FORMAL_CHECK: {
    status: 409,
    when: 'An operator records a formal check of an application that is not awaiting one.',
  },
  NOT_A_DRAFT: {
    status: 409,
    when: 'An application or initiative group is edited or submitted in a state that does not allow it (already submitted, decided or withdrawn).',
  },
  NOT_SUBMITTED: {
    status: 409,
    when: 'A recruitment decision is recorded for an initiative group that is not submitted or was already decided otherwise.',
  },
  NO_CORRECTION_ROUNDS_LEFT: {
    status: 409,
    when: 'An operator requests corrections once the allowed number of correction rounds is used up.',
  },
  PROGRAMME_NAME_TAKEN: {
    status: 409,
    when: 'A programme is created or renamed with the name of another programme.',
  },
  RANKING_ALREADY_APPROVED: {
    status: 409,
    when: "A call's ranking is approved a second time.",
  },
  EXCHANGE_RATE_MISSING: {
    status: 409,
    when: 'An agreement is signed on a day (or the application declares de minimis aid granted on a day) with no NBP average EUR rate in force in the table: an operator adds it (POST /api/exchange-rates).',
  },
  RATE_EXISTS: {
    status: 409,
    when: 'An interest rate is added from a day that already has one (a change is a new entry from a new day).',
  },
  REPORT_ALREADY_SUBMITTED: {
    status: 409,
    when: "A job's monthly retention report is submitted for a month already reported.",
  },

  // 413, 415: the HTTP layer refused the body.
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: "The request body is larger than the body parser's limit.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'The body parser cannot read the body (unsupported charset or content encoding).',
  },

  // 422: well-formed, but the business rules refuse it.
  AGREEMENT_NOT_SIGNED: {
    status: 422,
    when: "A payment or a bridging-support extension request before the award's agreement is signed.",
  },
  APPEAL_TERM_OVER: {
    status: 422,
    when: 'An appeal is filed after the appeal term of the decision has ended.',
  },
  BRIDGING_NOT_ALLOWED: {
    status: 422,
    when: "A bridging-support payment falls outside the job's bridging months (or an extension not granted) or exceeds the monthly cap.",
  },
  CALL_ALREADY_CLOSED: {
    status: 422,
    when: 'A call is published after its closing moment, or a published call is given a closing moment in the past.',
  },
  CALL_CLOSED: {
    status: 422,
    when: 'An application is submitted while its call is not open (before it opens or after it closes).',
  },
  DE_MINIMIS_CEILING_EXCEEDED: {
    status: 422,
    when: 'An agreement would grant aid that, with the de minimis aid the application declared in the counted period, passes the ceiling (EUR 300,000 over three years); the message states the figures and what is left.',
  },
  CALL_NOT_CLOSED: {
    status: 422,
    when: "A call's ranking is approved before the call has closed.",
  },
  CORRECTION_TERM_PASSED: {
    status: 422,
    when: 'Corrections to an application are submitted after the term the centre set for them.',
  },
  EVALUATION_INCOMPLETE: {
    status: 422,
    when: "A call's ranking is approved while some applications' evaluation is not finished.",
  },
  EXCEEDS_AWARD: {
    status: 422,
    when: 'A payment is larger than what remains to be paid of the award.',
  },
  FORMAL_CHECK_PENDING: {
    status: 422,
    when: "A call's ranking is approved while some applications have not been formally checked.",
  },
  FORM_INVALID: {
    status: 422,
    when: "An application or initiative group is submitted with a form that breaks the call's or the centre's rules; `errors` lists the fields.",
  },
  NOTHING_TO_APPEAL: {
    status: 422,
    when: 'An appeal is filed against a decision that funded the application.',
  },
  NOTHING_TO_RANK: {
    status: 422,
    when: "A call's ranking is approved while the call has no application to rank.",
  },
  NO_BRIDGING_SUPPORT: {
    status: 422,
    when: 'A bridging-support payment or extension is asked for under a call whose funding model has no bridging support.',
  },
  PERIOD_NOT_ENDED: {
    status: 422,
    when: "A job's monthly retention report is submitted before the month has ended.",
  },
  REFILL_TOO_LATE: {
    status: 422,
    when: 'A vacant job is reported refilled after its refill deadline.',
  },
  UNKNOWN_CALL: {
    status: 422,
    when: 'An application draft is created for a call the applications service does not know.',
  },
  UNPROCESSABLE: {
    status: 422,
    when: 'A framework 422 without a specific code; the services do not throw it today.',
  },

  // 429.
  TOO_MANY_REQUESTS: {
    status: 429,
    when: 'Too many login, registration or verification-resend attempts from one address for one e-mail within the window (Retry-After says when to retry).',
  },

  // 500.
  INTERNAL_ERROR: {
    status: 500,
    when: 'An unexpected server error; the body shows only the correlation id to quote to support.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;

export interface ErrorCodeSpec {
  readonly status: number;
  /** One line of English: when the API answers this code. */
  readonly when: string;
}
/** @deprecated the legacy name of ErrorCodeSpec. */
export type LegacyErrorCodeEntry = ErrorCodeSpec;

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

/** A code the API can answer: a key of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status the catalogue records for a code. */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_CODES)[C]['status'];

/** The codes answered with status `S`, e.g. `ErrorCodeWithStatus<409>`. */
export type ErrorCodeWithStatus<S extends number> = {
  [C in ErrorCode]: ErrorStatus<C> extends S ? C : never;
}[ErrorCode];

const LEGACY_CATALOGUE: ErrorCatalogue = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([code, spec]) => [code, { code, ...spec }]),
);

/** A catalogue as rows, sorted by status, then code. */
export function errorCodeRows(
  catalogue: ErrorCatalogue = LEGACY_CATALOGUE,
): { code: string; status: number; when: string }[] {
  return Object.values(catalogue)
    .map(({ code, status, when }) => ({ code, status, when }))
    .sort((a, b) => a.status - b.status || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A catalogue as a Markdown table (code | HTTP status | when it happens). */
export function errorCodeTable(catalogue: ErrorCatalogue = LEGACY_CATALOGUE): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| code | HTTP status | when it happens |',
    '|---|---|---|',
    ...errorCodeRows(catalogue).map((r) => `| \`${r.code}\` | ${r.status} | ${cell(r.when)} |`),
  ].join('\n');
}

/**
 * The codes of the platform itself — the HTTP layer, validation, authentication, the global
 * filter — which every service can answer. A feature's own codes live in its folder
 * (`<feature>/<feature>.errors.ts`, made with `defineErrorCodes`) and each service merges them
 * into its catalogue (`apps/<service>/src/errors.ts`).
 */
export const PLATFORM_ERRORS = defineErrorCodes({
  BAD_REQUEST: ERROR_CODES.BAD_REQUEST,
  MALFORMED_JSON: ERROR_CODES.MALFORMED_JSON,
  VALIDATION_FAILED: ERROR_CODES.VALIDATION_FAILED,
  INVALID_TOKEN: ERROR_CODES.INVALID_TOKEN,
  UNAUTHORIZED: ERROR_CODES.UNAUTHORIZED,
  FORBIDDEN: ERROR_CODES.FORBIDDEN,
  NOT_FOUND: ERROR_CODES.NOT_FOUND,
  METHOD_NOT_ALLOWED: ERROR_CODES.METHOD_NOT_ALLOWED,
  CONFLICT: ERROR_CODES.CONFLICT,
  PAYLOAD_TOO_LARGE: ERROR_CODES.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  UNPROCESSABLE: ERROR_CODES.UNPROCESSABLE,
  TOO_MANY_REQUESTS: ERROR_CODES.TOO_MANY_REQUESTS,
  INTERNAL_ERROR: ERROR_CODES.INTERNAL_ERROR,
});
