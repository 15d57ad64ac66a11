import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** class-transformer steps for environment strings (an unset variable keeps the default). */
export const envInteger = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : Number(value);
export const envBoolean = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === '1';

/**
 * Environment shared by every service. Each service extends it with its own variables and
 * validates the whole environment at start-up: a bad value stops the process with a message
 * naming the variable (immich's env.dto.ts does the same).
 */
export class BaseEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  @IsOptional()
  PORT?: number;

  /** The service's own database role, e.g. postgres://owes_applications:…@127.0.0.1:5432/owes */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  @IsOptional()
  DATABASE_URL?: string;

  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Matches(/^(nats|tls):\/\/[^,]+(,(nats|tls):\/\/[^,]+)*$/, {
    message: 'must be nats://host:port',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Namespaces JetStream streams and subjects (tests, several installations on one server). */
  @Matches(/^([a-z0-9_-]+)?$/i)
  NATS_PREFIX = '';

  /**
   * Replicas of each JetStream stream (and of its durable consumers, which follow the stream):
   * 1 on a single server, 3 on a three-node cluster (docs/scaling.md#nats-jetstream). An existing
   * stream with fewer replicas is scaled up at start-up; one with more is left as it is.
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS = 1;

  /** Deliveries of an event before it is given up into the dead letters. */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_DELIVER = 8;

  /** First redelivery delay of a failed event (ms); doubles with each delivery, at most 30 s. */
  @Transform(envInteger)
  @IsInt()
  @Min(10)
  @Max(60_000)
  EVENT_RETRY_BASE_MS = 500;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(envBoolean)
  @IsBoolean()
  LOG_PRETTY = false;

  /** Where tokens are verified: the identity module's JWKS (or an external OIDC provider's). */
  @IsString()
  JWKS_URL = 'http://127.0.0.1:3001/api/auth/jwks.json';

  @IsString()
  JWT_ISSUER = 'owes-grants';

  @IsString()
  JWT_AUDIENCE = 'owes-grants';

  /** Writes the log lines to this file (appended) instead of standard output. */
  @IsString()
  @IsOptional()
  LOG_FILE?: string;

  /** The web portal's origin(s), comma-separated: the only ones CORS allows (docs/architecture.md#http-hardening). */
  @Matches(/^https?:\/\/[^/\s,]+(\s*,\s*https?:\/\/[^/\s,]+)*$/, {
    message: 'must be an origin such as https://portal.example.pl (several comma-separated)',
  })
  PORTAL_ORIGIN = 'http://localhost:3000';

  /** Serves Swagger UI at /api/docs and the document at /api/docs-json; unset: on unless production. */
  @Transform(envBoolean)
  @IsBoolean()
  @IsOptional()
  API_DOCS?: boolean;

  /** Sends Strict-Transport-Security on every answer (set when clients reach the service only over HTTPS, e.g. behind a TLS proxy); otherwise only on requests that came over TLS. */
  @Transform(envBoolean)
  @IsBoolean()
  HSTS = false;
}

export class EnvValidationError extends Error {
  override name = 'EnvValidationError';
}

/**
 * Validates `raw` (normally process.env) into an instance of `cls`. Unknown variables are
 * ignored; invalid ones are listed all at once.
 */
export function validateEnv<T extends object>(cls: new () => T, raw: Record<string, unknown>): T {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const instance = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const errors = validateSync(instance as object, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new EnvValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return instance;
}

/** Resolves the service's database URL: its own variable, or the local default for its role. */
export function serviceDatabaseUrl(env: BaseEnv, service: string): string {
  return env.DATABASE_URL ?? `postgres://owes_${service}:owes_${service}@127.0.0.1:5432/owes`;
}
