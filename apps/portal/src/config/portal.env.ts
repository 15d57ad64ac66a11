import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { envBoolean, envInteger } from '@app/common/config/env.js';

/**
 * The portal's environment (docs/portal.md#configuration): where the services are, its own
 * database role (sessions), and the session cookie's settings. Validated at start-up.
 */
export class PortalEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(envInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The portal's own role (schema `portal`: sessions and their tokens). */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://owes_portal:owes_portal@127.0.0.1:5432/owes';

  @Matches(/^https?:\/\/.+/)
  APPLICATIONS_URL = 'http://127.0.0.1:3001';

  @Matches(/^https?:\/\/.+/)
  GRANTS_URL = 'http://127.0.0.1:3002';

  @Matches(/^https?:\/\/.+/)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3003';

  /**
   * Signs the session cookie; the same on every replica. Required in production; elsewhere a
   * random one per start (sessions then end with a restart).
   */
  @IsString()
  @MinLength(32)
  @IsOptional()
  SESSION_SECRET?: string;

  /** A session ends after this long without a request (the page warns before). */
  @Transform(envInteger)
  @IsInt()
  @Min(2)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** How long before the end of an idle session the page offers to stay signed in. */
  @Transform(envInteger)
  @IsInt()
  @Min(30)
  @Max(600)
  SESSION_WARNING_SECONDS = 120;

  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (the cookie is then Secure). */
  @Transform(envBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Always mark the session cookie Secure (default: when the request came over HTTPS). */
  @Transform(envBoolean)
  @IsBoolean()
  COOKIE_SECURE = false;
}
