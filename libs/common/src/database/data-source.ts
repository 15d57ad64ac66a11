import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { DataSourceOptions } from 'typeorm';
import { TypeOrmLogger } from './typeorm-logger.js';

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
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema}` },
  };
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}
