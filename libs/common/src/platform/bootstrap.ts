import { Logger as NestLogger, RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { ErrorCatalogue } from '../http/error-codes.js';
import { answerUnknownRoutes, GlobalExceptionFilter } from '../http/exception.filter.js';
import { useJsonBodyLimits } from '../http/request-limits.js';
import { createValidationPipe } from '../http/validation.js';
import { connectJetStream } from '../messaging/messaging.module.js';
import { DependencyOutages } from '../health/dependency-outages.js';
import { applyHttpHardening } from './http-hardening.js';
import { buildOpenApiDocument } from './openapi.js';

export interface ServiceDescription {
  title: string;
  description: string;
  /** The codes the service answers: its catalogue (`apps/<service>/src/errors.ts`). */
  errors: ErrorCatalogue;
}

/**
 * Everything an application needs beyond its modules: `/api` prefix (health stays at
 * `/health/*`), the error filter, the validation pipe, OpenAPI at `/api/docs` and
 * `/api/docs-json`, the JetStream event transport. Used by main.ts and by the tests.
 */
export async function configureApp(
  app: INestApplication,
  description: ServiceDescription,
): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Idle keep-alive connections stay open 65 s instead of Node's 5 s: longer than the idle timeout
  // of the proxies in front (60 s is usual), so the proxy, never the service, closes an idle
  // connection, and a client reusing one does not race the close (ECONNRESET on its next
  // request). Headers must still arrive within 66 s (more than the keep-alive, as Node asks).
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { apiDocs } = applyHttpHardening(app);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  useJsonBodyLimits(app);
  app.useGlobalFilters(new GlobalExceptionFilter(app.get(DependencyOutages)));
  app.useGlobalPipes(createValidationPipe());
  if (apiDocs) {
    const document = buildOpenApiDocument(app, description);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  connectJetStream(app);
  // Modules first (the NATS connection and streams), then the consumers.
  await app.init();
  answerUnknownRoutes(app);
  await app.startAllMicroservices();
}

export async function bootstrapService(
  module: unknown,
  description: ServiceDescription & { port: number; host?: string },
): Promise<INestApplication> {
  const app = await NestFactory.create(module as any, { bufferLogs: true });
  await configureApp(app, description);
  await app.listen(description.port, description.host ?? '0.0.0.0');
  new NestLogger('Bootstrap').log(`${description.title} listening on port ${description.port}`);
  return app;
}

/** main.ts entry: a configuration error prints its message and exits 1 without a stack trace. */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: Error) => {
    if (error?.name === 'EnvValidationError' || error?.constructor?.name === 'EnvValidationError') {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}
