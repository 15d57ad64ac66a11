import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { DataSourceOptions } from 'typeorm';
import { Logger } from '@nestjs/common';
import { TypeOrmLogger } from './typeorm-logger.js';
import { unavailableDependency } from '../health/dependency-errors.js';
import { installCentreScope } from '../tenancy/scoped-connections.js';

/**
 * How long getting a connection may take — a new one to a server that does not answer, or a
 * free one from a full pool — before the request fails and answers 503 (docs/runbook.md#health-and-logs).
 * pg's default is to wait for ever, so a request during an outage would hang. 5 s: a burst queued
 * for the pool waits far less (a refused connection fails at once anyway).
 */
export const DB_CONNECT_TIMEOUT_MS = 5000;

const poolLogger = new Logger('TypeORM');

/**
 * An idle pooled connection that breaks (the server restarted) is reported here once per
 * connection; an outage is already logged once by DependencyOutages, so those stay at debug.
 */
function onPoolError(error: Error): void {
  if (unavailableDependency(error))
    poolLogger.debug(`Idle database connection lost: ${error.message}`);
  else poolLogger.warn(`Postgres pool raised an error: ${error.message}`);
}

/** A class (entity or migration), as TypeORM takes them. */
export type ClassType = new (...args: any[]) => unknown;

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's schema: every table of the service lives there. */
  schema: string;
  entities: MixedList<ClassType | string | EntitySchema>;
  migrations: MixedList<ClassType | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * One DataSource per service, pinned to its schema; never `synchronize` — the schema changes
 * only through the service's migrations (`npm run migrate`).
 */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+; the service roles may not create extensions.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['error', 'warn'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    applicationName: options.applicationName ?? options.schema,
    connectTimeoutMS: DB_CONNECT_TIMEOUT_MS,
    poolErrorHandler: onPoolError,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.schema}`,
      // A peer that vanished without closing the socket (a network partition) is noticed by TCP
      // keep-alive instead of hanging a connection until the OS gives up after minutes.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  };
}

/** The service's DataSource; every connection it hands out carries the caller's centre scope. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const dataSource = new DataSource(serviceDataSourceOptions(options));
  installCentreScope(dataSource);
  return dataSource;
}
