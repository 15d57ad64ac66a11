import pg from 'pg';

/**
 * Idempotent set-up of the one database the services share, with one schema per service, each
 * owned by that service's own role, which has no rights on the other schemas. Run by
 * `npm start`, `npm run migrate` (through `cli setup`) and the tests; safe to run concurrently
 * and repeatedly.
 */
export interface ServiceRole {
  schema: string;
  role: string;
  password: string;
}

export interface ProvisionOptions {
  /** A superuser (or CREATEDB + CREATEROLE) connection, e.g. postgres://postgres@127.0.0.1:5432/postgres */
  adminUrl: string;
  database: string;
  services: ServiceRole[];
}

const DUPLICATE_DATABASE = '42P04';
const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

function ignore(codes: string[]) {
  return (error: unknown) => {
    if (codes.includes((error as { code?: string }).code ?? '')) return;
    throw error;
  };
}

export function urlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function provisionDatabase(options: ProvisionOptions): Promise<void> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const db = admin.escapeIdentifier(options.database);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) {
      await admin
        .query(`CREATE DATABASE ${db}`)
        .catch(ignore([DUPLICATE_DATABASE, UNIQUE_VIOLATION]));
    }
    for (const service of options.services) {
      const role = admin.escapeIdentifier(service.role);
      const password = admin.escapeLiteral(service.password);
      const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [service.role]);
      if (found.rowCount === 0) {
        await admin
          .query(
            `CREATE ROLE ${role} LOGIN PASSWORD ${password} NOSUPERUSER NOCREATEDB NOCREATEROLE`,
          )
          .catch(ignore([DUPLICATE_OBJECT, UNIQUE_VIOLATION]));
      }
      await admin.query(`ALTER ROLE ${role} LOGIN PASSWORD ${password}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    for (const service of options.services) {
      await admin.query(
        `GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${admin.escapeIdentifier(service.role)}`,
      );
    }
  } finally {
    await admin.end();
  }

  const target = new pg.Client({
    connectionString: urlWithDatabase(options.adminUrl, options.database),
  });
  await target.connect();
  try {
    // Nothing lives in public; nobody but the owner may create there.
    await target.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    for (const service of options.services) {
      const schema = target.escapeIdentifier(service.schema);
      const role = target.escapeIdentifier(service.role);
      await target
        .query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`)
        .catch(ignore([DUPLICATE_OBJECT, UNIQUE_VIOLATION]));
      await target.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
      await target.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
      await target.query(
        `ALTER ROLE ${role} IN DATABASE ${target.escapeIdentifier(options.database)} SET search_path = ${schema}`,
      );
    }
  } finally {
    await target.end();
  }
}

/** Drops a database and its roles (tests). */
export async function dropDatabase(
  adminUrl: string,
  database: string,
  roles: string[],
): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
    for (const role of roles) {
      await admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(role)}`);
    }
  } finally {
    await admin.end();
  }
}
