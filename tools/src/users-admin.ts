import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  createEvent,
  createServiceDataSource,
  insertOutboxEvent,
  MESSAGING_ENTITIES,
  ROLES,
  type Role,
} from '@app/common';
import { APPLICATIONS_ENTITIES } from '../../apps/applications/src/entities.js';
import { Centre } from '../../apps/applications/src/centres/centre.entity.js';
import {
  dropCentresOfFormerRole,
  isStaffRole,
  joinCentres,
  leaveCentres,
  saveCoordinatorScope,
  staffCentreIds,
} from '../../apps/applications/src/centres/centres.store.js';
import {
  accountChangedPayload,
  type AccountChangeReason,
} from '../../apps/applications/src/identity/sessions.service.js';
import { Session, User } from '../../apps/applications/src/identity/user.entity.js';

/** Access tokens issued before a change are dead by then (JWT_TTL_SECONDS, default 600). */
function ttl(seconds?: number): number {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : 600;
}

/** Runs `work` in one transaction on the applications database (as the service's role). */
async function inTransaction<T>(
  applicationsUrl: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const dataSource = createServiceDataSource({
    url: applicationsUrl,
    schema: 'applications',
    entities: [...APPLICATIONS_ENTITIES, ...MESSAGING_ENTITIES],
    migrations: [],
    poolSize: 1,
    applicationName: 'owes-cli',
  });
  await dataSource.initialize();
  try {
    return await dataSource.transaction(work);
  } finally {
    await dataSource.destroy();
  }
}

/** `--centre` values: centre numbers or ids, repeatable or comma-separated. */
function centreArgs(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/**
 * The centre ids of `--centre` values (numbers or ids, each must exist); none given, the only
 * active centre, and an error when several are active (or none).
 */
export async function resolveCentres(manager: EntityManager, values: string[]): Promise<string[]> {
  const wanted = centreArgs(values);
  if (wanted.length === 0) {
    const active = await manager.find(Centre, { where: { active: true }, select: { id: true } });
    if (active.length !== 1) {
      throw new Error(
        active.length === 0
          ? 'No centre is active: name the centre(s) with --centre <number|id> (see centres:list)'
          : 'Several centres are active: name the centre(s) with --centre <number|id> (see centres:list)',
      );
    }
    return [active[0].id];
  }
  const ids: string[] = [];
  for (const c of wanted) {
    const found = /^\d+$/.test(c)
      ? await manager.findOne(Centre, { where: { number: Number(c) } })
      : /^[0-9a-f-]{36}$/i.test(c)
        ? await manager.findOne(Centre, { where: { id: c.toLowerCase() } })
        : null;
    if (!found) throw new Error(`No centre ${c} (see centres:list)`);
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

export interface CentreOptions {
  /** `--centre`: an operator's or admin's centres, or a coordinator's listed centres. */
  centres?: string[];
  /** `--voivodeship`: a coordinator's region (TERYT, two digits). */
  voivodeship?: string;
}

/**
 * Puts an account's centres in line with its role: operator/admin become staff of the centres
 * named (exactly those), or keep theirs, or join the only active centre; a coordinator gets the
 * scope named (required when it has none yet); every other role leaves its centres and scope.
 * Returns whether anything changed (then the account's token claims changed).
 */
async function settleCentres(
  manager: EntityManager,
  userId: string,
  role: Role,
  options: CentreOptions,
): Promise<boolean> {
  const named = centreArgs(options.centres);
  const voivodeship = options.voivodeship?.trim();
  if (voivodeship !== undefined && role !== 'coordinator')
    throw new Error('--voivodeship is only for a coordinator');
  if (named.length > 0 && !isStaffRole(role) && role !== 'coordinator')
    throw new Error('--centre is only for an operator, admin or coordinator');
  let changed = await dropCentresOfFormerRole(manager, userId, role);
  if (isStaffRole(role)) {
    const current = await staffCentreIds(manager, userId);
    if (named.length > 0 || current.length === 0) {
      const ids = await resolveCentres(manager, named);
      const joined = await joinCentres(manager, userId, ids);
      const left = await leaveCentres(manager, userId, ids);
      changed ||= joined.length > 0 || left.length > 0;
    }
  } else if (role === 'coordinator') {
    if (voivodeship !== undefined && !/^\d{2}$/.test(voivodeship))
      throw new Error('--voivodeship must be a TERYT voivodeship code, e.g. 08');
    if (voivodeship !== undefined || named.length > 0) {
      const centreIds = named.length > 0 ? await resolveCentres(manager, named) : [];
      const saved = await saveCoordinatorScope(manager, userId, {
        voivodeship: voivodeship ?? null,
        centreIds,
      });
      changed ||= saved.changed;
    } else {
      const scope: unknown[] = await manager.query(
        `SELECT 1 FROM applications.coordinator_scopes WHERE user_id = $1`,
        [userId],
      );
      if (scope.length === 0)
        throw new Error('A coordinator needs --voivodeship <code> or --centre <number|id>,…');
    }
  }
  return changed;
}

/** Ends the account's open sessions; returns their ids. */
async function endSessions(
  manager: EntityManager,
  userId: string,
  reason: AccountChangeReason,
  now: Date,
): Promise<string[]> {
  const open = await manager.find(Session, {
    where: { userId, revokedAt: IsNull() },
    select: { id: true },
  });
  const ids = open.map((s) => s.id);
  if (ids.length > 0)
    await manager.update(Session, { id: In(ids) }, { revokedAt: now, revokedReason: reason });
  return ids;
}

/**
 * Writes `applications.account.changed` into the applications outbox in the caller's transaction
 * (a running applications service publishes it), built as the identity module builds it.
 */
async function enqueueAccountChanged(
  manager: EntityManager,
  user: Pick<User, 'id' | 'tokenVersion' | 'disabledAt' | 'role'>,
  reason: AccountChangeReason,
  options: { revokedSessionIds: string[]; now: Date; accessTokenTtlSeconds?: number },
): Promise<void> {
  await insertOutboxEvent(
    manager,
    createEvent(
      'applications.account.changed',
      accountChangedPayload(user, reason, {
        revokedSessionIds: options.revokedSessionIds,
        now: options.now,
        accessTokenTtlSeconds: ttl(options.accessTokenTtlSeconds),
      }),
      { correlationId: `cli-${randomUUID()}`, occurredAt: options.now },
    ),
  );
}

async function auditUser(
  manager: EntityManager,
  row: {
    at: Date;
    userId: string;
    action: string;
    fromState: string | null;
    toState: string | null;
    changes: Record<string, unknown>;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO applications.audit_log (at, actor_id, entity_type, entity_id, action, from_state, to_state, changes, correlation_id)
     VALUES ($1, NULL, 'user', $2, $3, $4, $5, $6, 'cli')`,
    [row.at, row.userId, row.action, row.fromState, row.toState, JSON.stringify(row.changes)],
  );
}

/**
 * users:set-role / users:disable / users:enable: the same change as the admin endpoints
 * (docs/runbook.md#accounts), in one transaction with its audit row and its
 * `applications.account.changed` event in the outbox (a running applications service publishes
 * it within a second), so the account's old tokens are refused in every service. set-role also
 * puts the account's centres in line with the role (`--centre`, `--voivodeship`).
 */
export async function changeAccount(
  applicationsUrl: string,
  options: {
    command: 'set-role' | 'disable' | 'enable';
    email: string;
    role?: string;
    accessTokenTtlSeconds?: number;
    now?: Date;
  } & CentreOptions,
): Promise<string> {
  const { command } = options;
  const email = options.email.trim().toLowerCase();
  if (!email) throw new Error('--email is required');
  if (command === 'set-role' && !(ROLES as readonly string[]).includes(options.role ?? '')) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  }
  return inTransaction(applicationsUrl, async (manager) => {
    const user = await manager.findOne(User, {
      where: { email },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new Error(`No account with the e-mail address ${email}`);
    const now = options.now ?? new Date();
    const disabled =
      command === 'disable' ? true : command === 'enable' ? false : user.disabledAt !== null;
    const role = command === 'set-role' ? (options.role as Role) : user.role;
    const centresChanged =
      command === 'set-role' ? await settleCentres(manager, user.id, role, options) : false;
    if (disabled === (user.disabledAt !== null) && role === user.role && !centresChanged)
      return `Nothing to change for ${email}`;
    const fromRole = user.role;
    const wasDisabled = user.disabledAt !== null;
    user.role = role;
    user.disabledAt = disabled ? (user.disabledAt ?? now) : null;
    user.tokenVersion += 1;
    await manager.update(
      User,
      { id: user.id },
      { role, disabledAt: user.disabledAt, tokenVersion: user.tokenVersion },
    );
    const ended =
      disabled && !wasDisabled ? await endSessions(manager, user.id, 'disabled', now) : [];
    const action: AccountChangeReason =
      command === 'disable'
        ? 'disabled'
        : command === 'enable'
          ? 'enabled'
          : role !== fromRole
            ? 'role-changed'
            : 'centres-changed';
    await auditUser(manager, {
      at: now,
      userId: user.id,
      action,
      fromState: command === 'set-role' ? fromRole : wasDisabled ? 'disabled' : 'enabled',
      toState: command === 'set-role' ? role : action,
      changes:
        command === 'set-role'
          ? {
              by: 'cli',
              centres: await staffCentreIds(manager, user.id),
              ...(options.voivodeship !== undefined ? { voivodeship: options.voivodeship } : {}),
            }
          : { by: 'cli' },
    });
    await enqueueAccountChanged(manager, user, action, {
      revokedSessionIds: ended,
      now,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    });
    return `${action} ${email} (id ${user.id}); old tokens refused from now on`;
  });
}

/**
 * users:create: a new account (verified at once), or for an existing address its password and
 * role reset and its sessions ended, as after a reset through the API; its centres are put in
 * line with the role as `changeAccount` does.
 */
export async function createAccount(
  applicationsUrl: string,
  options: {
    email: string;
    passwordHash: string;
    role: Role;
    name?: string;
    language: 'pl' | 'en';
    accessTokenTtlSeconds?: number;
    now?: Date;
  } & CentreOptions,
): Promise<{ id: string; created: boolean }> {
  return inTransaction(applicationsUrl, async (manager) => {
    const now = options.now ?? new Date();
    const rows: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO applications.users (email, password_hash, role, full_name, language, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
         token_version = applications.users.token_version + 1
       RETURNING id, (xmax = 0) AS created`,
      [
        options.email,
        options.passwordHash,
        options.role,
        options.name ?? options.email,
        options.language,
        now,
      ],
    );
    const { id, created } = rows[0];
    await settleCentres(manager, id, options.role, options);
    if (!created) {
      const user = await manager.findOneOrFail(User, { where: { id } });
      const ended = await endSessions(manager, id, 'password-reset', now);
      await auditUser(manager, {
        at: now,
        userId: id,
        action: 'password-reset',
        fromState: null,
        toState: options.role,
        changes: { by: 'cli users:create', centres: await staffCentreIds(manager, id) },
      });
      await enqueueAccountChanged(manager, user, 'password-reset', {
        revokedSessionIds: ended,
        now,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      });
    }
    return { id, created };
  });
}

/** centres:list: every centre, by number. */
export async function listCentres(applicationsUrl: string): Promise<
  {
    number: number;
    id: string;
    name: string;
    voivodeship: string;
    counties: string[];
    active: boolean;
  }[]
> {
  return inTransaction(applicationsUrl, async (manager) => {
    const centres = await manager.find(Centre, { order: { number: 'ASC' } });
    return centres.map((c) => ({
      number: c.number,
      id: c.id,
      name: c.name,
      voivodeship: c.voivodeship,
      counties: [...c.counties],
      active: c.active,
    }));
  });
}

/** centres:list as printed: one tab-separated line a centre, with a header. */
export function formatCentres(centres: Awaited<ReturnType<typeof listCentres>>): string {
  const lines = ['number\tid\tname\tvoivodeship\tcounties\tactive'];
  for (const c of centres)
    lines.push(
      [c.number, c.id, c.name, c.voivodeship, c.counties.join(','), c.active ? 'yes' : 'no'].join(
        '\t',
      ),
    );
  return lines.join('\n');
}
