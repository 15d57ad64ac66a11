import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { BaseEnv, envInteger, isValidTeryt } from '@app/common';

/** Comma-separated TERYT county codes, each in the register. */
function IsTerytList(): PropertyDecorator {
  return ValidateBy({
    name: 'isTerytList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value
          .split(',')
          .map((code) => code.trim())
          .every((code) => isValidTeryt(code)),
      defaultMessage: () => 'must be comma-separated TERYT county codes (e.g. 1462,1419,1427,1404)',
    },
  });
}

export class ApplicationsEnv extends BaseEnv {
  override PORT = 3001;

  /** PKCS#8 PEM of an ES256 key; when unset the key is generated once and kept in the database. */
  @IsString()
  @IsOptional()
  JWT_PRIVATE_KEY?: string;

  /**
   * Lifetime of an access token in seconds (default 10 minutes: a revoked session's token dies
   * with it at the latest; docs/architecture.md#sessions-and-revocation). Long scenario tests
   * that move the clock by months raise it.
   */
  @Transform(envInteger)
  @IsInt()
  @Min(60)
  @Max(315_360_000)
  JWT_TTL_SECONDS = 600;

  /** How long a session (its refresh tokens) lasts from login, in hours (default 14 days). */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(87_600)
  SESSION_TTL_HOURS = 336;

  /** How long a forgotten-password link stays valid, in minutes. */
  @Transform(envInteger)
  @IsInt()
  @Min(5)
  @Max(1_440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /**
   * The least zxcvbn score (0–4) a new password needs. 3 ("safely unguessable") is what the
   * estimator's authors advise where an attacker could try offline; below it common words, names
   * and keyboard patterns with a digit pass (ASVS 2.1.7).
   */
  @Transform(envInteger)
  @IsInt()
  @Min(0)
  @Max(4)
  PASSWORD_MIN_SCORE = 3;

  /**
   * The counties (TERYT) the centre serves. When unset, the centre's area is the union of the
   * counties of every call published by grants (the calls read model).
   */
  @IsTerytList()
  @IsOptional()
  CENTRE_COUNTIES?: string;

  /**
   * An initiative group needs at least this many natural persons (default 3; see
   * docs/product.md#initiative-groups)…
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  GROUP_MIN_NATURAL_PERSONS = 3;

  /** …or at least this many legal persons (default 2). */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  GROUP_MIN_LEGAL_PERSONS = 2;

  /** How many times an operator may ask for corrections of one application (default once). */
  @Transform(envInteger)
  @IsInt()
  @Min(0)
  @Max(5)
  CORRECTION_ROUNDS = 1;

  /** How often the durable timers are scanned, in ms; 0 turns the background loop off. */
  @Transform(envInteger)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  TIMERS_POLL_MS = 5000;

  /** How long an e-mail verification link stays valid, in hours. */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(720)
  EMAIL_VERIFICATION_TTL_HOURS = 48;

  /**
   * Express's `trust proxy` for the client address (`req.ip`) that login throttling and rate
   * limits count: unset = off (the socket's address; `X-Forwarded-For` ignored). Behind a proxy
   * that sets `X-Forwarded-For` (the web portal, a load balancer): `loopback`, a comma-separated
   * list of addresses or subnets, or a number of hops (see identity/trust-proxy.ts).
   */
  @IsString()
  @Matches(/^[0-9A-Za-z.:/, ]+$/, {
    message: 'must be loopback, linklocal, uniquelocal, addresses/subnets or a number of hops',
  })
  @IsOptional()
  TRUST_PROXY?: string;

  /** The web portal's address; verification links point at `<PUBLIC_WEB_URL>/verify-email?token=…`. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_WEB_URL = 'http://localhost:3000';

  /**
   * Failed logins to one account before each further attempt must wait a growing delay
   * (docs/architecture.md#login-throttling); never a lock-out.
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_ACCOUNT_FREE_FAILURES = 5;

  /** Failed logins from one client address, whatever the accounts, before the delay starts. */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_ADDRESS_FREE_FAILURES = 20;

  /** The longest delay between attempts, in seconds (the delay doubles up to it). */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_MAX_DELAY_SECONDS = 900;

  /** Failures are forgotten after this many seconds without one. */
  @Transform(envInteger)
  @IsInt()
  @Min(60)
  @Max(604_800)
  LOGIN_FAILURES_TTL_SECONDS = 3600;

  /**
   * Registrations, verification resends and forgotten-password requests allowed per client IP and
   * e-mail address within REGISTER_RATE_TTL_SECONDS (counted in Postgres, shared by replicas).
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  REGISTER_RATE_LIMIT = 5;

  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(86_400)
  REGISTER_RATE_TTL_SECONDS = 3600;
}
