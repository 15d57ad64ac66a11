import {
  createServiceDataSource,
  MESSAGING_ENTITIES,
  provisionDatabase,
  type ClassType,
} from '@app/common';
import { APPLICATIONS_MIGRATIONS } from '../../apps/applications/src/migrations/index.js';
import { APPLICATIONS_ENTITIES } from '../../apps/applications/src/entities.js';
import { GRANTS_MIGRATIONS } from '../../apps/grants/src/migrations/index.js';
import { GRANTS_ENTITIES } from '../../apps/grants/src/entities.js';
import { NOTIFICATIONS_MIGRATIONS } from '../../apps/notifications/src/migrations/index.js';
import { NOTIFICATIONS_ENTITIES } from '../../apps/notifications/src/entities.js';
import { PORTAL_MIGRATIONS } from '../../apps/portal/src/migrations/index.js';
import { SERVICES, type DatabaseLayout, type Service } from './database-config.js';

const MIGRATIONS: Record<Service, { migrations: ClassType[]; entities: ClassType[] }> = {
  applications: { migrations: APPLICATIONS_MIGRATIONS, entities: APPLICATIONS_ENTITIES },
  grants: { migrations: GRANTS_MIGRATIONS, entities: GRANTS_ENTITIES },
  notifications: { migrations: NOTIFICATIONS_MIGRATIONS, entities: NOTIFICATIONS_ENTITIES },
};

/** Runs one service's pending migrations as that service's own role. Returns their names. */
export async function migrateService(service: Service, url: string): Promise<string[]> {
  const dataSource = createServiceDataSource({
    url,
    schema: service,
    entities: [...MIGRATIONS[service].entities, ...MESSAGING_ENTITIES],
    migrations: MIGRATIONS[service].migrations,
    poolSize: 2,
    applicationName: `owes-migrate-${service}`,
  });
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Set-up (idempotent): database, roles, schemas, then every service's migrations. */
export async function setupAndMigrate(
  layout: DatabaseLayout,
  log: (line: string) => void = () => {},
): Promise<void> {
  const { url: _portalUrl, ...portalRole } = layout.portal;
  await provisionDatabase({
    adminUrl: layout.adminUrl,
    database: layout.database,
    services: [...SERVICES.map((s) => layout.roles[s]), portalRole],
  });
  for (const service of SERVICES) {
    const applied = await migrateService(service, layout.urls[service]);
    log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  }
  const applied = await migratePortal(layout.portal.url);
  log(`portal: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
}

/** The web portal's migrations (its sessions), as its own role. */
export async function migratePortal(url: string): Promise<string[]> {
  const dataSource = createServiceDataSource({
    url,
    schema: 'portal',
    entities: [],
    migrations: PORTAL_MIGRATIONS,
    poolSize: 2,
    applicationName: 'owes-migrate-portal',
  });
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
