import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { BaseEnv, serviceDatabaseUrl, validateEnv } from '../config/env.js';
import { serviceDataSourceOptions, type ClassType } from '../database/data-source.js';
import { installCentreScope } from '../tenancy/scoped-connections.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { MESSAGING_ENTITIES } from '../messaging/messaging.entities.js';
import { HealthController } from '../health/health.controller.js';
import { DependencyOutages } from '../health/dependency-outages.js';
import { AuthGuard } from '../auth/auth.guard.js';
import { JwksTokenVerifier, TokenVerifier } from '../auth/token-verifier.js';
import { Clock, SystemClock } from '../time/clock.js';
import { Metrics } from '../metrics/metrics.js';
import { RequestContext } from '../context/request-context.js';
import { CorrelationMiddleware, correlationIdOf } from './correlation.middleware.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import {
  REDACT_PATHS,
  errorSerializer,
  requestSerializer,
  scrubLogArguments,
} from './log-redaction.js';

export type ServiceName = 'applications' | 'grants' | 'notifications';

export interface PlatformOptions<E extends BaseEnv> {
  /** Service name: its schema, its durable consumer, its log name. */
  service: ServiceName;
  envClass: new () => E;
  /** The raw environment (process.env in production; an object in tests). */
  rawEnv: Record<string, string | undefined>;
  entities: MixedList<ClassType | string | EntitySchema>;
  /**
   * Replaces the remote-JWKS verifier: providers that include one for `TokenVerifier` (the
   * identity module verifies with its own keys). They are exported to the whole service.
   */
  tokenVerifierProviders?: Provider[];
  /** Overrides the system clock (tests move time instead of sleeping). */
  clock?: Clock;
}

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * What every service has: validated configuration, JSON logs with correlation ids, its
 * schema-pinned DataSource, JetStream messaging (outbox, inbox, consumers), health checks, the
 * auth guard and the clock. A service's AppModule imports `PlatformModule.forService(...)`.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forService<E extends BaseEnv>(options: PlatformOptions<E>): DynamicModule {
    const env = validateEnv(options.envClass, options.rawEnv);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            name: options.service,
            genReqId: (req) => correlationIdOf(req as any),
            customProps: () => ({ correlationId: RequestContext.current()?.correlationId }),
            mixin: () => {
              const ctx = RequestContext.current();
              return ctx ? { correlationId: ctx.correlationId } : {};
            },
            // Never query parameters, request bodies or personal data (docs/architecture.md#http-hardening).
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            serializers: { req: requestSerializer, err: errorSerializer },
            hooks: {
              logMethod(args, method) {
                return method.apply(this, scrubLogArguments(args) as Parameters<typeof method>);
              },
            },
            // Probes and scrapes are not requests anybody reads about.
            autoLogging: {
              ignore: (req) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? ''),
            },
            ...(env.LOG_FILE
              ? { stream: pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true }) }
              : {}),
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: serviceDatabaseUrl(env, options.service),
              schema: options.service,
              entities: [...(options.entities as any[]), ...MESSAGING_ENTITIES],
              migrations: [],
              poolSize: env.DB_POOL_SIZE,
              applicationName: `owes-${options.service}`,
            }),
          // Every pooled connection gets the centre scope of the code that borrows it
          // (docs/tenancy.md#row-level-security), as `createServiceDataSource` does.
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = new DataSource(dataSourceOptions!);
            installCentreScope(dataSource);
            return dataSource;
          },
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: options.service,
            natsUrl: env.NATS_URL,
            prefix: env.NATS_PREFIX,
            streamReplicas: env.NATS_STREAM_REPLICAS,
            maxDeliver: env.EVENT_MAX_DELIVER,
            retryBaseMs: env.EVENT_RETRY_BASE_MS,
          }),
        }),
        // Its own failure log would say so at every probe; DependencyOutages logs an outage once.
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: options.envClass, useValue: env },
        { provide: BaseEnv, useValue: env },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: Metrics, useValue: new Metrics(options.service) },
        DependencyOutages,
        ...(options.tokenVerifierProviders ?? [
          {
            provide: TokenVerifier,
            // Expiry follows the service's Clock (docs/architecture.md#sessions-and-revocation).
            useFactory: (clock: Clock) =>
              JwksTokenVerifier.remote(env.JWKS_URL, env.JWT_ISSUER, env.JWT_AUDIENCE, () =>
                clock.now(),
              ),
            inject: [Clock],
          },
        ]),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [
        options.envClass,
        BaseEnv,
        SERVICE_NAME,
        Clock,
        Metrics,
        DependencyOutages,
        ...(options.tokenVerifierProviders ?? [TokenVerifier]),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
