import { HttpException } from '@nestjs/common';

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
 * problems; the global filter renders it in the caller's language as SPEC §8's error shape.
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly localized: Localized,
    readonly problems: FieldProblem[] = [],
  ) {
    super(localized.en, status);
  }

  static notFound(what: Localized = { pl: 'Nie znaleziono zasobu', en: 'Resource not found' }) {
    return new ApiError(404, 'NOT_FOUND', what);
  }

  static conflict(code: string, message: Localized) {
    return new ApiError(409, code, message);
  }

  static unprocessable(code: string, message: Localized, problems: FieldProblem[] = []) {
    return new ApiError(422, code, message, problems);
  }

  static badRequest(code: string, message: Localized, problems: FieldProblem[] = []) {
    return new ApiError(400, code, message, problems);
  }

  static forbidden(
    code = 'FORBIDDEN',
    message: Localized = { pl: 'Brak uprawnień', en: 'Forbidden' },
  ) {
    return new ApiError(403, code, message);
  }
}
