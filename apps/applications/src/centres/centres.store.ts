import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  ApiError,
  countyByTeryt,
  createEvent,
  insertOutboxEvent,
  RequestContext,
  type EventPayload,
} from '@app/common';
import { Centre, CoordinatorScope } from './centre.entity.js';
import { CentresErrors } from './centres.errors.js';

/**
 * Centres as plain functions over an EntityManager (docs/tenancy.md#centres), so a tool (the demo
 * seed, a migration) can create one without booting Nest, exactly as the HTTP API does: the row
 * and its `applications.centre.changed` in the caller's transaction.
 */

export interface CentreInput {
  /** Given by a seed or migration (centre no. 1); a new uuid otherwise. */
  id?: string;
  /** The next free number when absent. */
  number?: number;
  name: string;
  accreditationNumber: string;
  voivodeship: string;
  counties: string[];
  address: string;
  contactEmail: string;
  contactPhone: string;
  senderName: string;
  senderEmail: string;
  signature: string;
  operatorsMailbox: string[];
  active?: boolean;
}

export type CentrePatch = Partial<Omit<CentreInput, 'id' | 'number'>>;

const UNIQUE_VIOLATION = '23505';

/** Problems of a centre's area: every county a TERYT county of the centre's voivodeship. */
export function centreAreaProblems(voivodeship: string, counties: string[]): string[] {
  const problems: string[] = [];
  if (!/^\d{2}$/.test(voivodeship)) problems.push(`voivodeship ${voivodeship} is not a TERYT code`);
  for (const county of counties) {
    if (!countyByTeryt(county)) problems.push(`${county} is not a TERYT county`);
    else if (!county.startsWith(voivodeship))
      problems.push(`${county} is not a county of voivodeship ${voivodeship}`);
  }
  if (new Set(counties).size !== counties.length) problems.push('a county is listed twice');
  return problems;
}

function assertArea(voivodeship: string, counties: string[]): void {
  const problems = centreAreaProblems(voivodeship, counties);
  if (problems.length > 0) {
    throw ApiError.badRequest(
      CentresErrors.CENTRE_INVALID,
      {
        pl: 'Powiaty ośrodka muszą być powiatami (TERYT) jego województwa',
        en: 'The centre’s counties must be TERYT counties of its voivodeship',
      },
      problems.map((p) => ({ path: 'counties', message: { pl: p, en: p } })),
    );
  }
}

const TAKEN = {
  pl: 'Ośrodek o tym numerze lub numerze akredytacji już istnieje',
  en: 'A centre with this number or accreditation number exists already',
};

/** The full record as `applications.centre.changed` carries it. */
export function centreChangedPayload(c: Centre): EventPayload<'applications.centre.changed'> {
  return {
    centreId: c.id,
    version: c.version,
    number: c.number,
    name: c.name,
    accreditationNumber: c.accreditationNumber,
    voivodeship: c.voivodeship,
    counties: [...c.counties],
    address: c.address,
    contact: { email: c.contactEmail, phone: c.contactPhone },
    mail: {
      senderName: c.senderName,
      senderEmail: c.senderEmail,
      signature: c.signature,
      operatorsMailbox: [...c.operatorsMailbox],
    },
    active: c.active,
    changedAt: c.updatedAt.toISOString(),
  };
}

async function publish(manager: EntityManager, centre: Centre, now: Date): Promise<void> {
  await insertOutboxEvent(
    manager,
    createEvent('applications.centre.changed', centreChangedPayload(centre), {
      correlationId: RequestContext.correlationId(),
      occurredAt: now,
    }),
  );
}

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { code?: string; driverError?: { code?: string } };
    if (e.code === UNIQUE_VIOLATION || e.driverError?.code === UNIQUE_VIOLATION) {
      throw ApiError.conflict(CentresErrors.CENTRE_TAKEN, TAKEN);
    }
    throw error;
  }
}

/** Creates a centre (version 1) and writes its `applications.centre.changed` to the outbox. */
export async function createCentre(
  manager: EntityManager,
  input: CentreInput,
  now: Date,
): Promise<Centre> {
  assertArea(input.voivodeship, input.counties);
  // Numbers are handed out one at a time (no. 1, 2, …).
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('owes.centre-number'))`);
  const taken: { n: number }[] = await manager.query(
    `SELECT COALESCE(MAX(number), 0) + 1 AS n FROM applications.centres`,
  );
  const centre = manager.create(Centre, {
    id: input.id ?? randomUUID(),
    number: input.number ?? Number(taken[0].n),
    name: input.name,
    accreditationNumber: input.accreditationNumber,
    voivodeship: input.voivodeship,
    counties: [...input.counties],
    address: input.address,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    senderName: input.senderName,
    senderEmail: input.senderEmail,
    signature: input.signature,
    operatorsMailbox: [...input.operatorsMailbox],
    active: input.active ?? true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  await saving(() => manager.insert(Centre, centre));
  await publish(manager, centre, now);
  return centre;
}

/** Changes a centre (version + 1) and publishes the whole record; null when there is none. */
export async function updateCentre(
  manager: EntityManager,
  id: string,
  patch: CentrePatch,
  now: Date,
): Promise<Centre | null> {
  const centre = await manager.findOne(Centre, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!centre) return null;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (centre as unknown as Record<string, unknown>)[key] = value;
  }
  assertArea(centre.voivodeship, centre.counties);
  centre.version += 1;
  centre.updatedAt = now;
  await saving(() => manager.save(Centre, centre));
  await publish(manager, centre, now);
  return centre;
}

/** The active centres. */
export function activeCentres(manager: EntityManager): Promise<Centre[]> {
  return manager.find(Centre, { where: { active: true }, order: { number: 'ASC' } });
}

/**
 * The centres of an access token's `ctr` (docs/tenancy.md#tokens): an operator's or admin's
 * centres of staff; a coordinator's active centres of the voivodeship plus the listed ones;
 * nobody else's.
 */
export async function tokenCentres(
  manager: EntityManager,
  user: { id: string; role: string },
): Promise<string[]> {
  if (user.role === 'operator' || user.role === 'admin') {
    const rows: { centre_id: string }[] = await manager.query(
      `SELECT centre_id FROM applications.centre_staff WHERE user_id = $1 ORDER BY centre_id`,
      [user.id],
    );
    return rows.map((r) => r.centre_id);
  }
  if (user.role === 'coordinator') {
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id FROM applications.coordinator_scopes s
         JOIN applications.centres c
           ON (c.active AND c.voivodeship = s.voivodeship) OR c.id = ANY (s.centre_ids)
        WHERE s.user_id = $1
        GROUP BY c.id ORDER BY c.id`,
      [user.id],
    );
    return rows.map((r) => r.id);
  }
  return [];
}

/** The roles that work for centres (docs/tenancy.md#roles): their `ctr` is their centres of staff. */
export function isStaffRole(role: string): boolean {
  return role === 'operator' || role === 'admin';
}

/** The centres an account is staff of. */
export async function staffCentreIds(manager: EntityManager, userId: string): Promise<string[]> {
  const rows: { centre_id: string }[] = await manager.query(
    `SELECT centre_id FROM applications.centre_staff WHERE user_id = $1 ORDER BY centre_id`,
    [userId],
  );
  return rows.map((r) => r.centre_id);
}

/** Makes the account staff of the centres (ids); returns those it newly joined. */
export async function joinCentres(
  manager: EntityManager,
  userId: string,
  centreIds: string[],
): Promise<string[]> {
  const joined: string[] = [];
  for (const centreId of new Set(centreIds)) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO applications.centre_staff (centre_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING centre_id`,
      [centreId, userId],
    );
    if (rows.length > 0) joined.push(centreId);
  }
  return joined;
}

/** Takes the account off the staff of every centre not in `keep`; returns the centres it left. */
export async function leaveCentres(
  manager: EntityManager,
  userId: string,
  keep: string[] = [],
): Promise<string[]> {
  const before = await staffCentreIds(manager, userId);
  const leaving = before.filter((id) => !keep.includes(id));
  if (leaving.length > 0) {
    await manager.query(
      `DELETE FROM applications.centre_staff WHERE user_id = $1 AND centre_id = ANY ($2::uuid[])`,
      [userId, leaving],
    );
  }
  return leaving;
}

/**
 * Sets which centres a coordinator reads (a voivodeship and/or listed centres, which must exist);
 * returns whether anything changed.
 */
export async function saveCoordinatorScope(
  manager: EntityManager,
  userId: string,
  scope: { voivodeship?: string | null; centreIds?: string[] },
): Promise<{ voivodeship: string | null; centreIds: string[]; changed: boolean }> {
  const voivodeship = scope.voivodeship ?? null;
  const centreIds = [...new Set(scope.centreIds ?? [])].sort();
  if (centreIds.length > 0) {
    const known: unknown[] = await manager.query(
      `SELECT id FROM applications.centres WHERE id = ANY ($1::uuid[])`,
      [centreIds],
    );
    if (known.length !== centreIds.length) {
      const message = { pl: 'Nie ma takiego ośrodka', en: 'No such centre' };
      throw ApiError.badRequest(CentresErrors.CENTRE_UNKNOWN, message, [
        { path: 'centreIds', message },
      ]);
    }
  }
  const before: { voivodeship: string | null; centre_ids: string[] }[] = await manager.query(
    `SELECT voivodeship, centre_ids FROM applications.coordinator_scopes WHERE user_id = $1`,
    [userId],
  );
  const changed =
    before.length === 0 ||
    before[0].voivodeship !== voivodeship ||
    [...before[0].centre_ids].sort().join(',') !== centreIds.join(',');
  await manager.query(
    `INSERT INTO applications.coordinator_scopes (user_id, voivodeship, centre_ids) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET voivodeship = EXCLUDED.voivodeship, centre_ids = EXCLUDED.centre_ids`,
    [userId, voivodeship, centreIds],
  );
  return { voivodeship, centreIds, changed };
}

/**
 * After an account's role changed: one that is no longer staff leaves every centre, one that is no
 * longer a coordinator loses its scope (its next token's `ctr` is empty either way). Returns
 * whether a membership or scope went.
 */
export async function dropCentresOfFormerRole(
  manager: EntityManager,
  userId: string,
  role: string,
): Promise<boolean> {
  const left = isStaffRole(role) ? [] : await leaveCentres(manager, userId);
  let scoped = 0;
  if (role !== 'coordinator') {
    scoped = (await manager.delete(CoordinatorScope, { userId })).affected ?? 0;
  }
  return left.length > 0 || scoped > 0;
}
