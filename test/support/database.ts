import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@app/common';
import { databaseLayout, SERVICES, type DatabaseLayout } from '../../tools/src/database-config.js';
import { setupAndMigrate } from '../../tools/src/migrate.js';

export const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function uniqueId(): string {
  return randomBytes(4).toString('hex');
}

export interface TestDatabase {
  layout: DatabaseLayout;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own (`owes_t_<id>`) with its own roles, set up and migrated
 * exactly as `npm run migrate` does, dropped afterwards: runs cannot collide.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const id = uniqueId();
  const env: Record<string, string> = { DATABASE_ADMIN_URL: ADMIN_URL, DB_NAME: `owes_t_${id}` };
  for (const service of SERVICES) {
    env[`${service.toUpperCase()}_DB_ROLE`] = `owes_t_${id}_${service}`;
    env[`${service.toUpperCase()}_DB_PASSWORD`] = `pw_${id}_${service}`;
  }
  env.PORTAL_DB_ROLE = `owes_t_${id}_portal`;
  env.PORTAL_DB_PASSWORD = `pw_${id}_portal`;
  const layout = databaseLayout(env);
  await setupAndMigrate(layout);
  return {
    layout,
    drop: () =>
      dropDatabase(ADMIN_URL, layout.database, [
        ...SERVICES.map((s) => layout.roles[s].role),
        layout.portal.role,
      ]),
  };
}
