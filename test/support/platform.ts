import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { configureApp, type Clock } from '@app/common';
import * as applications from '../../apps/applications/src/app.module.js';
import * as grants from '../../apps/grants/src/app.module.js';
import * as notifications from '../../apps/notifications/src/app.module.js';
import { UsersService } from '../../apps/applications/src/identity/users.service.js';
import type { Role } from '@app/common';
import type { DatabaseLayout, Service } from '../../tools/src/database-config.js';
import { createTestDatabase, uniqueId, type TestDatabase } from './database.js';
import { client, type Client } from './http.js';

export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const MODULES = {
  applications: {
    module: applications.AppModule,
    description: applications.APPLICATIONS_DESCRIPTION,
  },
  grants: { module: grants.AppModule, description: grants.GRANTS_DESCRIPTION },
  notifications: {
    module: notifications.AppModule,
    description: notifications.NOTIFICATIONS_DESCRIPTION,
  },
} as const;

export interface ServiceOptions {
  layout: DatabaseLayout;
  natsUrl: string;
  prefix: string;
  clock?: Clock;
  jwksUrl?: string;
  env?: Record<string, string>;
}

/** Boots one service in this process exactly as main.ts does (real HTTP port, real NATS, real DB). */
export async function startService(
  service: Service,
  options: ServiceOptions,
): Promise<{ app: INestApplication; url: string }> {
  const { module, description } = MODULES[service];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: options.layout.urls[service],
    NATS_URL: options.natsUrl,
    NATS_PREFIX: options.prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '5',
    // Scenario tests move the clock by months while holding one login's token; the sessions
    // tests set the real, short lifetime (docs/architecture.md#sessions-and-revocation).
    JWT_TTL_SECONDS: String(10 * 365 * 86_400),
    SESSION_TTL_HOURS: String(5 * 365 * 24),
    ...(options.jwksUrl ? { JWKS_URL: options.jwksUrl } : {}),
    ...options.env,
  };
  const app = await NestFactory.create(module.forRoot({ env, clock: options.clock }), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app, description);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

export interface Platform {
  db: TestDatabase;
  natsUrl: string;
  prefix: string;
  apps: Partial<Record<Service, INestApplication>>;
  api: Record<Service, Client>;
  /** Each running service's base URL (http://127.0.0.1:<port>). */
  urls: Partial<Record<Service, string>>;
  /** Creates a verified account of any role and returns its token. */
  account(
    role: Role,
    /** `centres`: an operator's or admin's centres (default: the only active centre, no. 1). */
    opts?: { email?: string; name?: string; language?: 'pl' | 'en'; centres?: string[] },
  ): Promise<{ token: string; email: string; id: string; password: string; refreshToken: string }>;
  restart(service: Service, env?: Record<string, string>): Promise<void>;
  stop(service: Service): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole system for one test file: its own database, its own NATS namespace (streams and
 * subjects prefixed), and the chosen services booted on free ports.
 */
export async function startPlatform(
  options: {
    services?: Service[];
    clock?: Clock;
    env?: Partial<Record<Service, Record<string, string>>>;
    natsUrl?: string;
  } = {},
): Promise<Platform> {
  const services = options.services ?? ['applications', 'grants', 'notifications'];
  const db = await createTestDatabase();
  const prefix = `t${uniqueId()}`;
  const natsUrl = options.natsUrl ?? NATS_URL;
  const apps: Partial<Record<Service, INestApplication>> = {};
  const urls: Partial<Record<Service, string>> = {};
  let jwksUrl: string | undefined;

  const boot = async (service: Service, extra?: Record<string, string>) => {
    const started = await startService(service, {
      layout: db.layout,
      natsUrl,
      prefix,
      clock: options.clock,
      jwksUrl,
      env: { ...options.env?.[service], ...extra },
    });
    apps[service] = started.app;
    urls[service] = started.url;
    if (service === 'applications') jwksUrl = `${started.url}/api/auth/jwks.json`;
  };
  // applications first: the others verify tokens against its JWKS. A service that fails to boot
  // takes the ones already started down with it, or jest would hang on their open handles.
  try {
    for (const service of ['applications', 'grants', 'notifications'] as const) {
      if (services.includes(service)) await boot(service);
    }
  } catch (error) {
    for (const service of ['notifications', 'grants', 'applications'] as const) {
      await apps[service]?.close().catch(() => {});
    }
    await deleteStreams(natsUrl, prefix).catch(() => {});
    await db.drop().catch(() => {});
    throw error;
  }

  const api = new Proxy({} as Record<Service, Client>, {
    get: (_, service: Service) => client(urls[service] ?? 'http://127.0.0.1:1'),
  });

  const platform: Platform = {
    db,
    urls,
    natsUrl,
    prefix,
    apps,
    api,
    async account(role, opts = {}) {
      const app = apps.applications;
      if (!app) throw new Error('account() needs the applications service');
      const email = opts.email ?? `${role}-${uniqueId()}@example.pl`;
      const password = `Haslo-${uniqueId()}-1`;
      const user = await app.get(UsersService).create({
        email,
        password,
        fullName: opts.name ?? `Test ${role}`,
        role,
        language: opts.language,
        verified: true,
        centres: opts.centres,
      });
      const login = await client(urls.applications!).post('/api/auth/login', { email, password });
      if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
      return {
        token: login.body.accessToken,
        email,
        id: user.id,
        password,
        refreshToken: login.body.refreshToken,
      };
    },
    async stop(service) {
      await apps[service]?.close();
      delete apps[service];
    },
    async restart(service, env) {
      await platform.stop(service);
      await boot(service, env);
    },
    async close() {
      for (const service of ['notifications', 'grants', 'applications'] as const) {
        await apps[service]?.close().catch(() => {});
      }
      await deleteStreams(natsUrl, prefix).catch(() => {});
      await db.drop();
    },
  };
  return platform;
}

/** Removes the JetStream streams of a test namespace. */
export async function deleteStreams(natsUrl: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl, timeout: 2000 });
  try {
    const jsm = await jetstreamManager(nc);
    const upper = prefix.toUpperCase();
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${upper}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}
