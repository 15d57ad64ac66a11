import { jest } from '@jest/globals';
import pg from 'pg';
import { DEFAULT_CENTRE_ID, urlWithDatabase } from '@app/common';
import { demoSeed } from '../../tools/src/demo-seed.js';
import { createTestDatabase, ADMIN_URL, type TestDatabase } from '../support/database.js';

jest.setTimeout(120_000);

/**
 * `npm run cli -- demo:seed` (docs/product.md#demo-data) on a freshly migrated installation: the
 * four centres of issue 12 with their areas and programmes, staff in their centres, a coordinator
 * for Mazowieckie and one for Lubuskie, passwords printed once.
 */
describe('demo seed', () => {
  let db: TestDatabase;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new pg.Client({ connectionString: urlWithDatabase(ADMIN_URL, db.layout.database) });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('loads Płock, subregion 1, Zielona Góra and Gorzów with their people, once', async () => {
    const lines: string[] = [];
    await demoSeed(db.layout, new Date('2027-03-03T10:00:00+01:00'), (l) => lines.push(l));

    const centres = (
      await sql.query(
        `SELECT id, number, name, voivodeship, counties FROM applications.centres ORDER BY number`,
      )
    ).rows;
    expect(centres.map((c) => [c.number, c.voivodeship])).toEqual([
      [1, '14'],
      [2, '14'],
      [3, '08'],
      [4, '08'],
    ]);
    expect(centres[0].id).toBe(DEFAULT_CENTRE_ID);
    expect(centres[0].name).toContain('Płocku');
    expect(centres[0].counties).toEqual(['1462', '1419', '1427', '1404']);
    expect(centres[2].counties).toEqual(
      expect.arrayContaining(['0802', '0804', '0808', '0812', '0809', '0862', '0810', '0811']),
    );
    expect(centres[3].counties).toEqual(
      expect.arrayContaining(['0801', '0861', '0803', '0805', '0806', '0807']),
    );
    // every centre announced to the other services (three created, centre no. 1 changed)
    const announced = (
      await sql.query(
        `SELECT DISTINCT envelope->'payload'->>'centreId' AS id FROM applications.outbox
          WHERE subject = 'applications.centre.changed'`,
      )
    ).rows.map((r) => r.id);
    expect(announced.sort()).toEqual(centres.map((c) => c.id).sort());

    const staff = (
      await sql.query(
        `SELECT u.email, c.number FROM applications.centre_staff s
           JOIN applications.users u ON u.id = s.user_id JOIN applications.centres c ON c.id = s.centre_id
          ORDER BY c.number, u.email`,
      )
    ).rows;
    expect(staff).toEqual([
      { email: 'kierownik@owes-plock.demo', number: 1 },
      { email: 'operator@owes-plock.demo', number: 1 },
      { email: 'operator@owes-sub1.demo', number: 2 },
      { email: 'operator@owes-zielonagora.demo', number: 3 },
      { email: 'operator@owes-gorzow.demo', number: 4 },
    ]);
    const coordinators = (
      await sql.query(
        `SELECT u.email, s.voivodeship FROM applications.coordinator_scopes s
           JOIN applications.users u ON u.id = s.user_id ORDER BY s.voivodeship`,
      )
    ).rows;
    expect(coordinators).toEqual([
      { email: 'koordynator@lubuskie.demo', voivodeship: '08' },
      { email: 'koordynator@mazowsze.demo', voivodeship: '14' },
    ]);

    const programmes = (
      await sql.query(`SELECT centre_id, name, yearly_budgets FROM grants.programmes ORDER BY name`)
    ).rows;
    expect(new Set(programmes.map((p) => p.centre_id))).toEqual(new Set(centres.map((c) => c.id)));
    const sub1 = programmes.find((p) => p.centre_id === centres[1].id)!;
    expect(sub1.yearly_budgets).toEqual([{ year: 2022, amount: 42_388_633 }]);
    const call = (await sql.query(`SELECT centre_id FROM grants.calls`)).rows;
    expect(call).toEqual([{ centre_id: DEFAULT_CENTRE_ID }]);
    const draft = (await sql.query(`SELECT centre_id FROM applications.applications`)).rows;
    expect(draft).toEqual([{ centre_id: DEFAULT_CENTRE_ID }]);

    const printed = lines.filter((l) => /^ {2}\S+ +\S+@\S+ +\S+/.test(l));
    expect(printed).toHaveLength(12);
    expect(lines.join('\n')).toContain('koordynator@lubuskie.demo');

    const again: string[] = [];
    await demoSeed(db.layout, new Date('2027-03-04T10:00:00+01:00'), (l) => again.push(l));
    expect(again.join('\n')).toContain('Accounts exist already');
    expect((await sql.query(`SELECT count(*)::int AS n FROM applications.centres`)).rows[0].n).toBe(
      4,
    );
    expect((await sql.query(`SELECT count(*)::int AS n FROM grants.programmes`)).rows[0].n).toBe(4);
  });
});
