import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ROLES, createEvent, type Role } from '@app/common';

/** Access tokens issued before a change are dead by then (JWT_TTL_SECONDS, default 600). */
function tokensExpireBy(now: Date, ttlSeconds = 600): string {
  const ttl = Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : 600;
  return new Date(now.getTime() + ttl * 1000).toISOString();
}

/**
 * users:set-role / users:disable / users:enable: the same change as the admin endpoints
 * (docs/runbook.md#accounts), in one transaction with its audit row and its
 * `applications.account.changed` event in the outbox (a running applications service publishes
 * it within a second), so the account's old tokens are refused in every service.
 */
export async function changeAccount(
  applicationsUrl: string,
  options: {
    command: 'set-role' | 'disable' | 'enable';
    email: string;
    role?: string;
    accessTokenTtlSeconds?: number;
    now?: Date;
  },
): Promise<string> {
  const { command } = options;
  const email = options.email.trim().toLowerCase();
  if (!email) throw new Error('--email is required');
  if (command === 'set-role' && !(ROLES as readonly string[]).includes(options.role ?? '')) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  }
  const client = new pg.Client({ connectionString: applicationsUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query(
      `SELECT id, role, disabled_at FROM applications.users WHERE email = $1 FOR UPDATE`,
      [email],
    );
    const user = found.rows[0];
    if (!user) throw new Error(`No account with the e-mail address ${email}`);
    const now = options.now ?? new Date();
    const disabled =
      command === 'disable' ? true : command === 'enable' ? false : user.disabled_at !== null;
    const role = command === 'set-role' ? (options.role as Role) : (user.role as Role);
    if (disabled === (user.disabled_at !== null) && role === user.role) {
      await client.query('ROLLBACK');
      return `Nothing to change for ${email}`;
    }
    const updated = await client.query(
      `UPDATE applications.users
          SET role = $2, disabled_at = CASE WHEN $3 THEN COALESCE(disabled_at, $4) ELSE NULL END,
              token_version = token_version + 1
        WHERE id = $1 RETURNING token_version`,
      [user.id, role, disabled, now],
    );
    const ended = disabled
      ? await client.query(
          `UPDATE applications.sessions SET revoked_at = $2, revoked_reason = 'disabled'
            WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
          [user.id, now],
        )
      : { rows: [] };
    const action =
      command === 'set-role' ? 'role-changed' : command === 'disable' ? 'disabled' : 'enabled';
    await client.query(
      `INSERT INTO applications.audit_log (at, actor_id, entity_type, entity_id, action, from_state, to_state, changes, correlation_id)
       VALUES ($1, NULL, 'user', $2, $3, $4, $5, $6, $7)`,
      [
        now,
        user.id,
        action,
        command === 'set-role' ? user.role : user.disabled_at ? 'disabled' : 'enabled',
        command === 'set-role' ? role : action,
        JSON.stringify({ by: 'cli' }),
        'cli',
      ],
    );
    await enqueueAccountChanged(client, {
      userId: user.id,
      tokenVersion: updated.rows[0].token_version,
      disabled,
      role,
      revokedSessionIds: ended.rows.map((r: { id: string }) => r.id),
      reason: action,
      now,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    });
    await client.query('COMMIT');
    return `${action} ${email} (id ${user.id}); old tokens refused from now on`;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Writes `applications.account.changed` into the applications outbox in the caller's transaction
 * (a running applications service publishes it), as the identity module would.
 */
export async function enqueueAccountChanged(
  client: pg.ClientBase,
  change: {
    userId: string;
    tokenVersion: number;
    disabled: boolean;
    role: Role;
    revokedSessionIds: string[];
    reason: string;
    now: Date;
    accessTokenTtlSeconds?: number;
  },
): Promise<void> {
  const event = createEvent(
    'applications.account.changed',
    {
      userId: change.userId,
      tokenVersion: change.tokenVersion,
      disabled: change.disabled,
      roles: [change.role],
      revokedSessionIds: change.revokedSessionIds,
      reason: change.reason,
      changedAt: change.now.toISOString(),
      tokensExpireBy: tokensExpireBy(change.now, change.accessTokenTtlSeconds),
    },
    { correlationId: `cli-${randomUUID()}`, occurredAt: change.now },
  );
  await client.query(
    `INSERT INTO applications.outbox (id, subject, envelope, correlation_id) VALUES ($1, $2, $3, $4)`,
    [event.id, event.type, JSON.stringify(event), event.correlationId],
  );
}
