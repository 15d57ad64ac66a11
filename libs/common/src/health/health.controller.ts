import { Controller, Get, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator.js';
import { RequestContext } from '../context/request-context.js';
import { ApiTag } from '../http/api-errors.decorator.js';
import { PLATFORM_ERRORS } from '../http/error-codes.js';
import { DEPENDENCY_UNAVAILABLE_MESSAGE } from '../http/exception.filter.js';
import { pickLang } from '../i18n/index.js';
import {
  DEPENDENCIES,
  DEPENDENCY_RETRY_AFTER_SECONDS,
  type Dependency,
} from './dependency-errors.js';
import { DependencyOutages, PROBE_TIMEOUT_MS } from './dependency-outages.js';

const READY_EXAMPLE = {
  status: 'ok',
  info: { database: { status: 'up', ms: 1 }, nats: { status: 'up', ms: 1 } },
  error: {},
  details: { database: { status: 'up', ms: 1 }, nats: { status: 'up', ms: 1 } },
};

const NOT_READY_EXAMPLE = {
  statusCode: 503,
  code: PLATFORM_ERRORS.DEPENDENCY_UNAVAILABLE.code,
  message: DEPENDENCY_UNAVAILABLE_MESSAGE.pl,
  errors: [{ path: 'database', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
  correlationId: '4f1c2e0a-…',
  status: 'error',
  down: ['database'],
  info: { nats: { status: 'up', ms: 1 } },
  error: {
    database: {
      status: 'down',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
      since: '2026-11-30T04:00:00.000Z',
    },
  },
  details: {},
};

/**
 * Liveness (the process answers) and readiness (the database and NATS answer within 2 s each;
 * otherwise 503 naming what is down, docs/runbook.md#health-and-logs).
 */
@ApiTag('health', 'Liveness and readiness of this service instance, for orchestrators')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly outages: DependencyOutages,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers (no dependency is checked)' })
  @ApiOkResponse({ description: 'The process runs.', schema: { example: { status: 'ok' } } })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary: `Readiness: the database and NATS each answer within ${PROBE_TIMEOUT_MS} ms`,
    description:
      'For load balancers and orchestrators. A 503 names the dependencies that are down in `down` ' +
      'and `errors[].path`, with `Retry-After`. An outage is logged once when it starts and once ' +
      'when it ends, however often this is called.',
  })
  @ApiOkResponse({ description: 'Everything answers.', schema: { example: READY_EXAMPLE } })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down (`DEPENDENCY_UNAVAILABLE`), named in `down`.',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    schema: { example: NOT_READY_EXAMPLE },
  })
  async ready(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check(DEPENDENCIES.map((d) => () => this.indicator(d)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const failed = (result.error ?? {}) as Record<string, { message?: string }>;
      const down = Object.keys(failed);
      const lang = pickLang(request.headers['accept-language']);
      response.status(503).setHeader('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
      return {
        statusCode: 503,
        code: PLATFORM_ERRORS.DEPENDENCY_UNAVAILABLE.code,
        message: DEPENDENCY_UNAVAILABLE_MESSAGE[lang],
        errors: down.map((path) => ({ path, message: failed[path]?.message ?? 'down' })),
        correlationId: RequestContext.correlationId(),
        ...result,
        down,
      };
    }
  }

  private async indicator(dependency: Dependency): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(dependency);
    const result = await this.outages.probe(dependency);
    return result.status === 'up'
      ? indicator.up({ ms: result.ms })
      : indicator.down({ message: result.message, since: result.since });
  }
}
