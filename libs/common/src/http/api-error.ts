import { HttpException } from '@nestjs/common';
import { PLATFORM_ERRORS, type ErrorCodeEntry } from './error-codes.js';

/** An entry of status S, from a feature's catalogue. */
type EntryOf<S extends number> = ErrorCodeEntry<string, S>;

export interface Localized {
  pl: string;
  en: string;
}

export interface FieldProblem {
  path: string;
  /** A message key of messages.ts, or a ready localized text. */
  message: Localized;
}

/**
 * A domain or request error with a stable `code`, a localized message and optional field-level
 * problems; the global filter renders it in the caller's language as the error shape of
 * docs/architecture.md#http-interface.
 */
export class ApiError extends HttpException {
  readonly code: string;
  readonly localized: Localized;
  readonly problems: FieldProblem[];

  /** An error for a catalogue entry: its code and its status (see error-codes.ts). */
  constructor(entry: ErrorCodeEntry, localized: Localized, problems: FieldProblem[] = []) {
    super(localized.en, entry.status);
    this.code = entry.code;
    this.localized = localized;
    this.problems = problems;
  }

  static of(entry: ErrorCodeEntry, message: Localized, problems: FieldProblem[] = []): ApiError {
    return new ApiError(entry, message, problems);
  }

  static notFound(what: Localized = { pl: 'Nie znaleziono zasobu', en: 'Resource not found' }) {
    return new ApiError(PLATFORM_ERRORS.NOT_FOUND, what);
  }

  static conflict(entry: EntryOf<409>, message: Localized) {
    return new ApiError(entry, message);
  }

  static unprocessable(entry: EntryOf<422>, message: Localized, problems: FieldProblem[] = []) {
    return new ApiError(entry, message, problems);
  }

  static badRequest(entry: EntryOf<400>, message: Localized, problems: FieldProblem[] = []) {
    return new ApiError(entry, message, problems);
  }

  static forbidden(
    entry: EntryOf<403> = PLATFORM_ERRORS.FORBIDDEN,
    message: Localized = { pl: 'Brak uprawnień', en: 'Forbidden' },
  ) {
    return new ApiError(entry, message);
  }
}
