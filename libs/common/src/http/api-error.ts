import { HttpException } from '@nestjs/common';
import {
  ERROR_CODES,
  type ErrorCode,
  type ErrorCodeEntry,
  type ErrorCodeWithStatus,
  type ErrorStatus,
} from './error-codes.js';

/** A feature catalogue's entry of status S, or (until every feature has its catalogue) a legacy code. */
type EntryOf<S extends number> = ErrorCodeEntry<string, S> | ErrorCodeWithStatus<S>;

export interface Localized {
  pl: string;
  en: string;
}

export interface FieldProblem {
  path: string;
  /** A message key of messages.ts, or a ready localized text. */
  message: Localized;
}

/** The constructor's arguments: a catalogued code with the status its entry records. */
type ApiErrorArgs = {
  [C in ErrorCode]: [
    status: ErrorStatus<C>,
    code: C,
    localized: Localized,
    problems?: FieldProblem[],
  ];
}[ErrorCode];

/**
 * A domain or request error with a stable `code`, a localized message and optional field-level
 * problems; the global filter renders it in the caller's language as the error shape of
 * docs/architecture.md#http-interface.
 */
export class ApiError extends HttpException {
  readonly code: string;
  readonly localized: Localized;
  readonly problems: FieldProblem[];

  /**
   * Legacy form: `status` must be the one error-codes.ts records for `code` (the compiler checks
   * the pair). New code throws a feature catalogue's entry: `ApiError.of(AwardsErrors.X, …)`.
   */
  constructor(...[status, code, localized, problems = []]: ApiErrorArgs) {
    super(localized.en, status);
    this.code = code;
    this.localized = localized;
    this.problems = problems;
  }

  /** The error for a catalogue entry (or a legacy code), with the status it records. */
  static of(
    entry: ErrorCodeEntry | ErrorCode,
    message: Localized,
    problems: FieldProblem[] = [],
  ): ApiError {
    const { code, status } =
      typeof entry === 'string' ? { code: entry, status: ERROR_CODES[entry].status } : entry;
    return new ApiError(...([status, code, message, problems] as unknown as ApiErrorArgs));
  }

  static notFound(what: Localized = { pl: 'Nie znaleziono zasobu', en: 'Resource not found' }) {
    return ApiError.of('NOT_FOUND', what);
  }

  static conflict(entry: EntryOf<409>, message: Localized) {
    return ApiError.of(entry, message);
  }

  static unprocessable(entry: EntryOf<422>, message: Localized, problems: FieldProblem[] = []) {
    return ApiError.of(entry, message, problems);
  }

  static badRequest(entry: EntryOf<400>, message: Localized, problems: FieldProblem[] = []) {
    return ApiError.of(entry, message, problems);
  }

  static forbidden(
    entry: EntryOf<403> = 'FORBIDDEN',
    message: Localized = { pl: 'Brak uprawnień', en: 'Forbidden' },
  ) {
    return ApiError.of(entry, message);
  }
}
