import {
  ArgumentsHost,
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, type Localized } from './api-error.js';
import { PLATFORM_ERRORS, type ErrorCodeEntry } from './error-codes.js';
import { JSON_TOO_DEEP_TYPE, MAX_JSON_DEPTH } from './request-limits.js';
import { RequestContext } from '../context/request-context.js';
import { pickLang } from '../i18n/index.js';
import {
  DEPENDENCY_RETRY_AFTER_SECONDS,
  unavailableDependency,
} from '../health/dependency-errors.js';
import type { DependencyOutages } from '../health/dependency-outages.js';

/** A framework HttpException's code by status: each a platform entry of that status. */
const STATUS_TEXT: Record<number, { entry: ErrorCodeEntry } & Localized> = {
  400: { entry: PLATFORM_ERRORS.BAD_REQUEST, pl: 'Nieprawidłowe żądanie', en: 'Bad request' },
  401: {
    entry: PLATFORM_ERRORS.UNAUTHORIZED,
    pl: 'Wymagane zalogowanie',
    en: 'Authentication required',
  },
  403: { entry: PLATFORM_ERRORS.FORBIDDEN, pl: 'Brak uprawnień', en: 'Forbidden' },
  404: { entry: PLATFORM_ERRORS.NOT_FOUND, pl: 'Nie znaleziono', en: 'Not found' },
  405: {
    entry: PLATFORM_ERRORS.METHOD_NOT_ALLOWED,
    pl: 'Niedozwolona metoda',
    en: 'Method not allowed',
  },
  409: { entry: PLATFORM_ERRORS.CONFLICT, pl: 'Konflikt stanu', en: 'Conflict' },
  413: {
    entry: PLATFORM_ERRORS.PAYLOAD_TOO_LARGE,
    pl: 'Zbyt duże żądanie',
    en: 'Payload too large',
  },
  415: {
    entry: PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE,
    pl: 'Nieobsługiwany format danych',
    en: 'Unsupported media type',
  },
  422: {
    entry: PLATFORM_ERRORS.UNPROCESSABLE,
    pl: 'Nie można przetworzyć danych',
    en: 'Unprocessable entity',
  },
  429: {
    entry: PLATFORM_ERRORS.TOO_MANY_REQUESTS,
    pl: 'Zbyt wiele żądań, spróbuj później',
    en: 'Too many requests',
  },
};

const MALFORMED_JSON: Localized = {
  pl: 'Treść żądania nie jest poprawnym dokumentem JSON',
  en: 'The request body is not valid JSON',
};

const JSON_TOO_DEEP: Localized = {
  pl: `Dokument JSON jest zagnieżdżony głębiej niż ${MAX_JSON_DEPTH} poziomy`,
  en: `The JSON document nests deeper than ${MAX_JSON_DEPTH} levels`,
};

/** The answer to a request that found the database or NATS away (a 503, never a 500). */
export const DEPENDENCY_UNAVAILABLE_MESSAGE: Localized = {
  pl: 'Usługa jest chwilowo niedostępna. Nic nie zostało zmienione — spróbuj ponownie za kilka sekund.',
  en: 'The service is temporarily unavailable. Nothing was changed — try again in a few seconds.',
};

/** A JSON body refused by the depth limit of request-limits.ts (body-parser's `verify`). */
function isTooDeepJson(exception: unknown): boolean {
  const tooDeep = (error: unknown) =>
    (error as { type?: unknown } | null)?.type === JSON_TOO_DEEP_TYPE;
  return tooDeep(exception) || (exception instanceof HttpException && tooDeep(exception.cause));
}

/**
 * A request body the JSON parser refused: body-parser's error (`type: 'entity.parse.failed'`),
 * which Nest's Express adapter hands on wrapped in a BadRequestException as its `cause`.
 */
function isMalformedJson(exception: unknown): boolean {
  const parseFailed = (error: unknown) =>
    (error as { type?: unknown } | null)?.type === 'entity.parse.failed';
  return (
    parseFailed(exception) ||
    (exception instanceof HttpException &&
      exception.getStatus() === 400 &&
      parseFailed(exception.cause))
  );
}

/**
 * The one exception filter of every service: the error shape of docs/architecture.md#http-interface
 * `{ statusCode, code, message, errors: [{ path, message }], correlationId }`, in Polish unless the
 * caller asked for English; a 500 never shows internals, only the correlation id to quote.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  /**
   * @param outages the service's outage tracker: a request that finds the database or NATS away
   * answers 503 DEPENDENCY_UNAVAILABLE with `Retry-After`, and the outage is logged once when it
   * starts instead of once per request. Without it (tests of the filter alone) each is logged.
   */
  constructor(private readonly outages?: DependencyOutages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const lang = pickLang(request.headers['accept-language']);
    const correlationId = RequestContext.correlationId();

    let status = 500;
    // A framework error with a status STATUS_TEXT lacks answers `HTTP_<status>`: the one code
    // pattern outside error-codes.ts.
    let code: string = PLATFORM_ERRORS.INTERNAL_ERROR.code;
    let message: Localized = {
      pl: 'Wystąpił błąd serwera. Podaj identyfikator zgłoszenia pomocy technicznej.',
      en: 'Server error. Quote the correlation id to support.',
    };
    let errors: { path: string; message: string }[] = [];

    if (exception instanceof ApiError) {
      status = exception.getStatus();
      code = exception.code;
      message = exception.localized;
      errors = exception.problems.map((p) => ({ path: p.path, message: p.message[lang] }));
    } else if (!(exception instanceof HttpException) && unavailableDependency(exception)) {
      const dependency = unavailableDependency(exception)!;
      status = 503;
      code = PLATFORM_ERRORS.DEPENDENCY_UNAVAILABLE.code;
      message = DEPENDENCY_UNAVAILABLE_MESSAGE;
      response.setHeader('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
      if (this.outages) this.outages.reportDown(dependency, exception);
      else
        this.logger.warn({ dependency, err: exception, correlationId }, 'Dependency unavailable');
    } else if (isTooDeepJson(exception)) {
      status = 400;
      code = PLATFORM_ERRORS.JSON_TOO_DEEP.code;
      message = JSON_TOO_DEEP;
    } else if (isMalformedJson(exception)) {
      status = 400;
      code = PLATFORM_ERRORS.MALFORMED_JSON.code;
      message = MALFORMED_JSON;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const known = STATUS_TEXT[status];
      code = known?.entry.code ?? `HTTP_${status}`;
      message = known
        ? { pl: known.pl, en: known.en }
        : { pl: exception.message, en: exception.message };
    }

    if (status >= 500 && code !== PLATFORM_ERRORS.DEPENDENCY_UNAVAILABLE.code) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    response
      .status(status)
      .json({ statusCode: status, code, message: message[lang], errors, correlationId });
  }
}

/**
 * Answers a path no route or prefix router claimed (outside `/api`, e.g. `/`, `/health/x`) with
 * the error shape (404 NOT_FOUND) instead of Express's HTML page. Call after `app.init()`, so it
 * stands after every route; under `/api` Nest's own not-found handler answers through the filter.
 */
export function answerUnknownRoutes(app: INestApplication): void {
  const filter = new GlobalExceptionFilter();
  app.use((req: Request, res: Response, next: NextFunction) => {
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => next }),
    } as unknown as ArgumentsHost;
    filter.catch(new NotFoundException(), host);
  });
}
