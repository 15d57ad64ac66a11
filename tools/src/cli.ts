import 'reflect-metadata';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import { ROLES, type Role } from '@app/common';
import { databaseLayout } from './database-config.js';
import { setupAndMigrate } from './migrate.js';
import { demoSeed } from './demo-seed.js';
import { changeAccount, createAccount, formatCentres, listCentres } from './users-admin.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   create database, roles and schemas if needed; apply migrations
  demo:seed [--production]                  load four demo centres, their staff and coordinators (docs/product.md#demo-data); refused in production unless asked
  users:create --email E --password P --role operator|evaluator|admin|applicant|coordinator|platform-admin [--name N] [--lang pl|en]
               [--centre <number|id>[,…]] [--voivodeship VV]
                                            create an account (or reset its password and role, ending its sessions);
                                            operator/admin: staff of the centres named (default: the only active centre);
                                            coordinator: reads the centres of --voivodeship and/or those named by --centre
  users:set-role --email E --role R [--centre <number|id>[,…]] [--voivodeship VV]
                                            change an account's role and centres (as users:create); a role other than
                                            operator/admin leaves every centre; its old tokens are refused everywhere
  users:disable --email E                   disable an account: every session ends, no login
  users:enable --email E                    enable a disabled account again
  centres:list                              every centre: number, id, name, voivodeship, counties, active

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
      centre: { type: 'string', multiple: true },
      voivodeship: { type: 'string' },
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
  const passwordHash = await argon2.hash(values.password, { type: argon2.argon2id });
  const { id, created } = await createAccount(databaseLayout(process.env).urls.applications, {
    email,
    passwordHash,
    role: values.role as Role,
    name: values.name,
    language: values.lang,
    centres: values.centre,
    voivodeship: values.voivodeship,
    accessTokenTtlSeconds: Number(process.env.JWT_TTL_SECONDS ?? 600),
  });
  console.log(`${created ? 'Created' : 'Updated'} ${values.role} ${email} (id ${id})`);
}

async function usersChange(command: 'set-role' | 'disable' | 'enable', args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      ...(command === 'set-role'
        ? {
            centre: { type: 'string' as const, multiple: true as const },
            voivodeship: { type: 'string' as const },
          }
        : {}),
    },
  });
  const message = await changeAccount(databaseLayout(process.env).urls.applications, {
    command,
    email: values.email ?? '',
    role: values.role,
    centres: values.centre as string[] | undefined,
    voivodeship: values.voivodeship as string | undefined,
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
    case 'centres:list':
      console.log(formatCentres(await listCentres(databaseLayout(process.env).urls.applications)));
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
