import { HttpException } from '@nestjs/common';
import {
  ERROR_CODES,
  type ErrorCode,
  type ErrorCodeWithStatus,
  type ErrorStatus,
} from './error-codes.js';

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
  readonly code: ErrorCode;
  readonly localized: Localized;
  readonly problems: FieldProblem[];

  /** `status` must be the one error-codes.ts records for `code` (the compiler checks the pair). */
  constructor(...[status, code, localized, problems = []]: ApiErrorArgs) {
    super(localized.en, status);
    this.code = code;
    this.localized = localized;
    this.problems = problems;
  }

  /** The error for `code`, with the status its catalogue entry records. */
  static of(code: ErrorCode, message: Localized, problems: FieldProblem[] = []): ApiError {
    const args = [ERROR_CODES[code].status, code, message, problems] as ApiErrorArgs;
    return new ApiError(...args);
  }

  static notFound(what: Localized = { pl: 'Nie znaleziono zasobu', en: 'Resource not found' }) {
    return new ApiError(404, 'NOT_FOUND', what);
  }

  static conflict(code: ErrorCodeWithStatus<409>, message: Localized) {
    return ApiError.of(code, message);
  }

  static unprocessable(
    code: ErrorCodeWithStatus<422>,
    message: Localized,
    problems: FieldProblem[] = [],
  ) {
    return ApiError.of(code, message, problems);
  }

  static badRequest(
    code: ErrorCodeWithStatus<400>,
    message: Localized,
    problems: FieldProblem[] = [],
  ) {
    return ApiError.of(code, message, problems);
  }

  static forbidden(
    code: ErrorCodeWithStatus<403> = 'FORBIDDEN',
    message: Localized = { pl: 'Brak uprawnień', en: 'Forbidden' },
  ) {
    return ApiError.of(code, message);
  }
}
