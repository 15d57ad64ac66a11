import type { ServiceRole } from '@app/common';

export const SERVICES = ['applications', 'grants', 'notifications'] as const;
export type Service = (typeof SERVICES)[number];

export interface DatabaseLayout {
  adminUrl: string;
  database: string;
  roles: Record<Service, ServiceRole>;
  /** Each service's own connection (its role, its schema's search_path). */
  urls: Record<Service, string>;
  /** The web portal's role and connection (schema `portal`: its sessions), apart from SERVICES. */
  portal: ServiceRole & { url: string };
}

/**
 * Where the database is and which roles the services use, from the environment:
 * DATABASE_ADMIN_URL (a superuser, for set-up), DB_NAME (default `owes`), and per service
 * `<SERVICE>_DB_ROLE`, `<SERVICE>_DB_PASSWORD` or a whole `<SERVICE>_DATABASE_URL`.
 */
export function databaseLayout(
  env: Record<string, string | undefined>,
  defaults?: { adminUrl?: string },
): DatabaseLayout {
  const adminUrl =
    env.DATABASE_ADMIN_URL ?? defaults?.adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = env.DB_NAME ?? 'owes';
  const admin = new URL(adminUrl);
  const roles = {} as Record<Service, ServiceRole>;
  const urls = {} as Record<Service, string>;
  for (const service of SERVICES) {
    const key = service.toUpperCase();
    const role = env[`${key}_DB_ROLE`] ?? `owes_${service}`;
    const password = env[`${key}_DB_PASSWORD`] ?? `owes_${service}`;
    roles[service] = { schema: service, role, password };
    const url = new URL(`postgres://${admin.host}/${database}`);
    url.username = role;
    url.password = password;
    urls[service] = env[`${key}_DATABASE_URL`] ?? url.toString();
  }
  const portalRole = env.PORTAL_DB_ROLE ?? 'owes_portal';
  const portalPassword = env.PORTAL_DB_PASSWORD ?? 'owes_portal';
  const portalUrl = new URL(`postgres://${admin.host}/${database}`);
  portalUrl.username = portalRole;
  portalUrl.password = portalPassword;
  const portal = {
    schema: 'portal',
    role: portalRole,
    password: portalPassword,
    url: env.PORTAL_DATABASE_URL ?? portalUrl.toString(),
  };
  return { adminUrl, database, roles, urls, portal };
}

/**
 * Node flags of the service processes, for the 200 MB per service of
 * docs/architecture.md#performance-targets: a smaller young generation (the default reserves
 * ~3 × 16 MB) and an old space capped at 128 MB, so V8 collects instead of growing lazily
 * (measured: without the cap applications reached ~300 MB RSS in a 36,000-submission burst; with
 * it the peak stays under 200 MB and nothing fails).
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];

/**
 * Spread into a `pg` client's or pool's settings when a tool (bench, chaos) connects as a service's
 * own role: it acts as the system, for every centre (`owes.centres = *`), as the services' own
 * workers do — without it the row-level policies show it no centre's rows (docs/tenancy.md).
 */
export const SYSTEM_SCOPE = { options: '-c owes.centres=*' } as const;
