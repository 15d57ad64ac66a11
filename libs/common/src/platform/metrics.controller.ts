import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { Metrics } from '../metrics/metrics.js';

/**
 * `GET /metrics` (outside `/api`): the service's Prometheus metrics, collected at scrape
 * (docs/runbook.md#metrics-and-alerts). Public like `/health/*` and not in the access log; keep
 * it reachable only from the monitoring network (the proxy in front of the services should not
 * route it).
 */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics of this service instance (text exposition format 0.0.4)',
    description:
      'Outbox, consumers, dead letters, HTTP latency and the service’s own gauges; a dependency that is ' +
      'down leaves its gauges empty and `owes_dependency_up{dependency}` at 0, the scrape still answers 200. ' +
      'No token: serve it to the monitoring network only.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics.',
    content: {
      'text/plain': {
        schema: {
          type: 'string',
          example:
            '# HELP owes_outbox_unsent Events in the outbox not yet published\n# TYPE owes_outbox_unsent gauge\nowes_outbox_unsent{service="applications"} 0\n',
        },
      },
    },
  })
  async scrape(@Res() response: Response): Promise<void> {
    const body = await this.metrics.render();
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.send(body);
  }
}
