import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { Clock, SystemClock } from '@app/common/time/clock.js';
import { PortalEnv } from '../config/portal.env.js';
import { loadAssets } from './assets.js';
import { ASSETS, PG_POOL, SERVICE_URLS, type ServiceUrls } from './providers.js';
import { ServiceUnavailableError, TokenStore, type IssuedTokens } from './tokens.js';
import { PlatformController } from './platform.controller.js';

/** Asks the identity service for a new token pair; null when the refresh token is refused. */
export async function refreshTokens(
  applicationsUrl: string,
  refreshToken: string,
): Promise<IssuedTokens | null> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/refresh', applicationsUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ServiceUnavailableError(`refresh: ${(error as Error).message}`);
  }
  if (response.status === 400 || response.status === 401) return null;
  if (!response.ok) throw new ServiceUnavailableError(`refresh: ${response.status}`);
  return (await response.json()) as IssuedTokens;
}

class PoolCloser implements OnApplicationShutdown {
  constructor(private readonly pool: pg.Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}

/**
 * What every page of the portal shares: its validated environment, the clock, the Postgres pool
 * of its sessions, the token store, the services' addresses and the static assets.
 */
@Global()
@Module({})
export class PortalCoreModule {
  static forRoot(env: PortalEnv, clock: Clock = new SystemClock()): DynamicModule {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 5,
      connectionTimeoutMillis: 5000,
      application_name: 'owes-portal',
    });
    pool.on('error', () => {});
    const urls: ServiceUrls = {
      applications: env.APPLICATIONS_URL,
      grants: env.GRANTS_URL,
      notifications: env.NOTIFICATIONS_URL,
    };
    return {
      module: PortalCoreModule,
      controllers: [PlatformController],
      providers: [
        { provide: PortalEnv, useValue: env },
        { provide: Clock, useValue: clock },
        { provide: PG_POOL, useValue: pool },
        { provide: SERVICE_URLS, useValue: urls },
        { provide: ASSETS, useFactory: () => loadAssets() },
        {
          provide: TokenStore,
          useValue: new TokenStore(pool, clock, (token) => refreshTokens(urls.applications, token)),
        },
        { provide: PoolCloser, useValue: new PoolCloser(pool) },
      ],
      exports: [PortalEnv, Clock, PG_POOL, SERVICE_URLS, ASSETS, TokenStore],
    };
  }
}
