import 'reflect-metadata';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { ROLES, type Role } from '@app/common';
import { databaseLayout } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { demoSeed } from './demo-seed.js';
import { changeAccount, enqueueAccountChanged } from './users-admin.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   create database, roles and schemas if needed; apply migrations
  demo:seed [--production]                  load the OWES Płock demo (docs/product.md#demo-data); refused in production unless asked
  users:create --email E --password P --role operator|evaluator|admin|applicant [--name N] [--lang pl|en]
                                            create a staff account (or reset its password and role, ending its sessions)
  users:set-role --email E --role R         change an account's role; its old tokens are refused everywhere
  users:disable --email E                   disable an account: every session ends, no login
  users:enable --email E                    enable a disabled account again

Environment: DATABASE_ADMIN_URL, DB_NAME, <SERVICE>_DATABASE_URL (see README).`;

async function usersCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      lang: { type: 'string', default: 'pl' },
    },
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new Error('--email must be an e-mail address');
  if (!values.password || values.password.length < 12)
    throw new Error('--password needs at least 12 characters');
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  }
  if (values.lang !== 'pl' && values.lang !== 'en') throw new Error('--lang must be pl or en');
  const layout = databaseLayout(process.env);
  const hash = await argon2.hash(values.password, { type: argon2.argon2id });
  const client = new pg.Client({ connectionString: layout.urls.applications });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await client.query(
      `INSERT INTO applications.users (email, password_hash, role, full_name, language, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
         token_version = applications.users.token_version + 1
       RETURNING id, (xmax = 0) AS created, token_version, disabled_at`,
      [email, hash, values.role as Role, values.name ?? email, values.lang],
    );
    const row = result.rows[0];
    if (!row.created) {
      // A reset password and role: the account's sessions end and its old tokens are refused
      // everywhere, as after a reset through the API (docs/runbook.md#accounts).
      const now = new Date();
      const ended = await client.query(
        `UPDATE applications.sessions SET revoked_at = $2, revoked_reason = 'password-reset'
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
        [row.id, now],
      );
      await client.query(
        `INSERT INTO applications.audit_log (at, actor_id, entity_type, entity_id, action, to_state, changes, correlation_id)
         VALUES ($1, NULL, 'user', $2, 'password-reset', $3, $4, 'cli')`,
        [now, row.id, values.role, JSON.stringify({ by: 'cli users:create' })],
      );
      await enqueueAccountChanged(client, {
        userId: row.id,
        tokenVersion: row.token_version,
        disabled: row.disabled_at !== null,
        role: values.role as Role,
        revokedSessionIds: ended.rows.map((r: { id: string }) => r.id),
        reason: 'password-reset',
        now,
        accessTokenTtlSeconds: Number(process.env.JWT_TTL_SECONDS ?? 600),
      });
    }
    await client.query('COMMIT');
    console.log(`${row.created ? 'Created' : 'Updated'} ${values.role} ${email} (id ${row.id})`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function usersChange(command: 'set-role' | 'disable' | 'enable', args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, role: { type: 'string' } },
  });
  const message = await changeAccount(databaseLayout(process.env).urls.applications, {
    command,
    email: values.email ?? '',
    role: values.role,
    accessTokenTtlSeconds: Number(process.env.JWT_TTL_SECONDS ?? 600),
  });
  console.log(message);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'migrate':
      await setupAndMigrate(databaseLayout(process.env), (line) => console.log(line));
      return;
    case 'demo:seed': {
      const { values } = parseArgs({
        args: rest,
        options: { production: { type: 'boolean', default: false } },
      });
      if (process.env.NODE_ENV === 'production' && !values.production) {
        throw new Error(
          'NODE_ENV is production: demo data is refused unless you pass --production',
        );
      }
      await demoSeed(databaseLayout(process.env), new Date(), (line) => console.log(line));
      return;
    }
    case 'users:create':
      await usersCreate(rest);
      return;
    case 'users:set-role':
      await usersChange('set-role', rest);
      return;
    case 'users:disable':
      await usersChange('disable', rest);
      return;
    case 'users:enable':
      await usersChange('enable', rest);
      return;
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main().catch((error: Error) => {
  console.error(`Error: ${error.message}`);
  process.exit(1);
});
