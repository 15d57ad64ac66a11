import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '../metrics/metrics.js';

/** Seconds: from a cached read (5 ms) to a slow export or a request waiting for a dead dependency. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The route template of a finished request (`/api/applications/:id/submit`), never the concrete
 * path (ids would make a series per resource); `unmatched` when no route took it (404s, probes).
 */
export function routeTemplate(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * `owes_http_request_duration_seconds{method, route, status_class}`: every answered request,
 * timed from the first middleware to the last byte; guards' 401/403 and the filter's 4xx/5xx
 * count too (an interceptor would miss what the guards refuse).
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status_class'>;

  constructor(metrics: Metrics) {
    this.duration = metrics.histogram(
      'owes_http_request_duration_seconds',
      'HTTP requests by method, route template and status class (2xx…5xx), in seconds',
      ['method', 'route', 'status_class'],
      BUCKETS,
    );
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const started = performance.now();
    response.once('finish', () => {
      this.duration.observe(
        {
          method: request.method,
          route: routeTemplate(request),
          status_class: `${Math.floor(response.statusCode / 100)}xx`,
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  }
}
