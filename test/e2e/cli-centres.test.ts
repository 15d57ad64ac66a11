import { jest } from '@jest/globals';
import pg from 'pg';
import { DEFAULT_CENTRE_ID } from '@app/common';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  changeAccount,
  createAccount,
  formatCentres,
  listCentres,
} from '../../tools/src/users-admin.js';

jest.setTimeout(60_000);

const ZG = '00000000-0000-4000-8000-0000000000a2';
const GW = '00000000-0000-4000-8000-0000000000a3';

/**
 * The CLI's account commands and centres (docs/runbook.md#accounts, docs/tenancy.md): staff
 * memberships follow the role, coordinators get their region, and every change of a token's
 * claims raises the token version and is published as `applications.account.changed`.
 */
describe('CLI: accounts and centres', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  let url: string;

  const user = async (email: string) =>
    (
      await sql.query(`SELECT id, role, token_version FROM applications.users WHERE email = $1`, [
        email,
      ])
    ).rows[0] as { id: string; role: string; token_version: number };
  const staffOf = async (email: string) =>
    (
      await sql.query(
        `SELECT s.centre_id FROM applications.centre_staff s JOIN applications.users u ON u.id = s.user_id
          WHERE u.email = $1 ORDER BY s.centre_id`,
        [email],
      )
    ).rows.map((r) => r.centre_id as string);
  const scopeOf = async (email: string) =>
    (
      await sql.query(
        `SELECT s.voivodeship, s.centre_ids FROM applications.coordinator_scopes s
           JOIN applications.users u ON u.id = s.user_id WHERE u.email = $1`,
        [email],
      )
    ).rows[0] as { voivodeship: string | null; centre_ids: string[] } | undefined;
  const accountEvents = async (userId: string) =>
    (
      await sql.query(
        `SELECT envelope FROM applications.outbox WHERE subject = 'applications.account.changed'
          ORDER BY seq`,
      )
    ).rows
      .map((r) => r.envelope.payload)
      .filter((p) => p.userId === userId);
  const create = (email: string, role: string, extra: Record<string, unknown> = {}) =>
    createAccount(url, {
      email,
      passwordHash: 'not-a-real-hash',
      role: role as never,
      language: 'pl',
      ...extra,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    url = db.layout.urls.applications;
    const admin = new URL(db.layout.adminUrl);
    admin.pathname = `/${db.layout.database}`;
    sql = new pg.Client({ connectionString: admin.toString() });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('makes a new operator staff of the only active centre and lists the centres', async () => {
    const created = await create('anna@owes.example.pl', 'operator');
    expect(created.created).toBe(true);
    expect(await staffOf('anna@owes.example.pl')).toEqual([DEFAULT_CENTRE_ID]);
    const centres = await listCentres(url);
    expect(centres).toEqual([
      expect.objectContaining({ number: 1, id: DEFAULT_CENTRE_ID, active: true }),
    ]);
    const printed = formatCentres(centres).split('\n');
    expect(printed[0]).toBe('number\tid\tname\tvoivodeship\tcounties\tactive');
    expect(printed[1]).toMatch(new RegExp(`^1\t${DEFAULT_CENTRE_ID}\t.+\t\\d{2}\t.*\tyes$`));
  });

  it('takes a demoted operator off every centre, raising the token version, published', async () => {
    const before = await user('anna@owes.example.pl');
    expect(
      await changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'applicant',
      }),
    ).toMatch(/^role-changed /);
    const after = await user('anna@owes.example.pl');
    expect(after).toMatchObject({ role: 'applicant', token_version: before.token_version + 1 });
    expect(await staffOf('anna@owes.example.pl')).toEqual([]);
    expect(await accountEvents(after.id)).toEqual([
      expect.objectContaining({
        reason: 'role-changed',
        roles: ['applicant'],
        tokenVersion: after.token_version,
        disabled: false,
      }),
    ]);
  });

  it('with several active centres wants --centre, by number or id, and sets exactly those', async () => {
    await sql.query(
      `INSERT INTO applications.centres (id, number, name, accreditation_number, voivodeship, counties,
          sender_name, sender_email, created_at, updated_at)
       VALUES ($1, 2, 'OWES Zielona Góra', 'AKR-ZG', '08', '{0802}', 'OWES ZG', 'zg@owes.example.pl', now(), now()),
              ($2, 3, 'OWES Gorzów Wielkopolski', 'AKR-GW', '08', '{0861}', 'OWES GW', 'gw@owes.example.pl', now(), now())`,
      [ZG, GW],
    );
    const anna = await user('anna@owes.example.pl');
    await expect(
      changeAccount(url, { command: 'set-role', email: 'anna@owes.example.pl', role: 'operator' }),
    ).rejects.toThrow(/Several centres are active.*--centre/);
    // nothing changed
    expect(await user('anna@owes.example.pl')).toEqual(anna);
    await expect(create('nowy@owes.example.pl', 'admin')).rejects.toThrow(/--centre/);
    expect(await user('nowy@owes.example.pl')).toBeUndefined();
    await expect(
      changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'operator',
        centres: ['9'],
      }),
    ).rejects.toThrow(/No centre 9/);

    await changeAccount(url, {
      command: 'set-role',
      email: 'anna@owes.example.pl',
      role: 'admin',
      centres: [`2,${GW}`],
    });
    expect(await staffOf('anna@owes.example.pl')).toEqual([ZG, GW].sort());
    // the same role with other centres: a change of the token's claims too
    expect(
      await changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'admin',
        centres: ['3'],
      }),
    ).toMatch(/^centres-changed /);
    expect(await staffOf('anna@owes.example.pl')).toEqual([GW]);
    expect(
      await changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'admin',
        centres: ['3'],
      }),
    ).toMatch(/^Nothing to change/);
    // an existing staff account keeps its centres when none are named
    expect(
      await changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'operator',
      }),
    ).toMatch(/^role-changed /);
    expect(await staffOf('anna@owes.example.pl')).toEqual([GW]);

    const after = await user('anna@owes.example.pl');
    expect(after.token_version).toBe(anna.token_version + 3);
    expect((await accountEvents(after.id)).map((p) => [p.reason, p.roles, p.tokenVersion])).toEqual(
      [
        ['role-changed', ['applicant'], anna.token_version],
        ['role-changed', ['admin'], anna.token_version + 1],
        ['centres-changed', ['admin'], anna.token_version + 2],
        ['role-changed', ['operator'], anna.token_version + 3],
      ],
    );
    const audit = await sql.query(
      `SELECT action, from_state, to_state, changes FROM applications.audit_log
        WHERE entity_id = $1 ORDER BY seq`,
      [after.id],
    );
    expect(audit.rows.at(-2)).toMatchObject({
      action: 'centres-changed',
      changes: { by: 'cli', centres: [GW] },
    });
  });

  it('gives a coordinator a voivodeship or listed centres, and takes the scope with the role', async () => {
    await expect(create('koordynator@owes.example.pl', 'coordinator')).rejects.toThrow(
      /--voivodeship/,
    );
    await create('koordynator@owes.example.pl', 'coordinator', { voivodeship: '08' });
    expect(await scopeOf('koordynator@owes.example.pl')).toEqual({
      voivodeship: '08',
      centre_ids: [],
    });
    const before = await user('koordynator@owes.example.pl');
    expect(
      await changeAccount(url, {
        command: 'set-role',
        email: 'koordynator@owes.example.pl',
        role: 'coordinator',
        centres: ['2', '3'],
      }),
    ).toMatch(/^centres-changed /);
    expect(await scopeOf('koordynator@owes.example.pl')).toEqual({
      voivodeship: null,
      centre_ids: [ZG, GW].sort(),
    });
    await expect(
      changeAccount(url, {
        command: 'set-role',
        email: 'koordynator@owes.example.pl',
        role: 'coordinator',
        voivodeship: 'Lubuskie',
      }),
    ).rejects.toThrow(/TERYT/);
    await expect(
      changeAccount(url, {
        command: 'set-role',
        email: 'anna@owes.example.pl',
        role: 'operator',
        voivodeship: '08',
      }),
    ).rejects.toThrow(/only for a coordinator/);

    // an operator made coordinator: off the staff, onto the region
    await changeAccount(url, {
      command: 'set-role',
      email: 'anna@owes.example.pl',
      role: 'coordinator',
      voivodeship: '08',
    });
    expect(await staffOf('anna@owes.example.pl')).toEqual([]);
    expect(await scopeOf('anna@owes.example.pl')).toEqual({ voivodeship: '08', centre_ids: [] });

    await changeAccount(url, {
      command: 'set-role',
      email: 'koordynator@owes.example.pl',
      role: 'evaluator',
    });
    expect(await scopeOf('koordynator@owes.example.pl')).toBeUndefined();
    const after = await user('koordynator@owes.example.pl');
    expect(after.token_version).toBe(before.token_version + 2);
    expect((await accountEvents(after.id)).map((p) => [p.reason, p.roles])).toEqual([
      ['centres-changed', ['coordinator']],
      ['role-changed', ['evaluator']],
    ]);
  });

  it('users:create of an existing address resets it, with the role’s centres', async () => {
    const before = await user('koordynator@owes.example.pl');
    const again = await create('koordynator@owes.example.pl', 'operator', { centres: ['2'] });
    expect(again).toEqual({ id: before.id, created: false });
    expect(await staffOf('koordynator@owes.example.pl')).toEqual([ZG]);
    const after = await user('koordynator@owes.example.pl');
    expect(after).toMatchObject({ role: 'operator', token_version: before.token_version + 1 });
    expect((await accountEvents(after.id)).at(-1)).toMatchObject({
      reason: 'password-reset',
      roles: ['operator'],
      tokenVersion: after.token_version,
    });
  });
});
