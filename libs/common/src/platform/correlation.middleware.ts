import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, RequestContext } from '../context/request-context.js';

const VALID = /^[A-Za-z0-9._:-]{1,100}$/;

export function correlationIdOf(req: Request): string {
  const given = req.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  if (value && VALID.test(value)) return value;
  const generated = randomUUID();
  req.headers[CORRELATION_HEADER] = generated;
  return generated;
}

/**
 * Runs the request inside a RequestContext carrying its correlation id (taken or made) and no
 * centre: until the auth guard names the caller's centres, the request sees no centre's rows.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = correlationIdOf(req);
    res.setHeader(CORRELATION_HEADER, correlationId);
    RequestContext.run({ correlationId, centres: [] }, next);
  }
}
