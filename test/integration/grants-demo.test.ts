import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  createServiceDataSource,
  DEFAULT_CENTRE_ID,
  MESSAGING_ENTITIES,
  toWarsawIso,
} from '@app/common';
import { GRANTS_ENTITIES } from '../../apps/grants/src/entities.js';
import { seedDemo } from '../../apps/grants/src/demo/seed.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

jest.setTimeout(60_000);

describe('grants demo seed', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('loads OWES Płock, an open unit-rate call with five criteria and the committee, once', async () => {
    const dataSource = createServiceDataSource({
      url: db.layout.urls.grants,
      schema: 'grants',
      entities: [...GRANTS_ENTITIES, ...MESSAGING_ENTITIES],
      migrations: [],
    });
    await dataSource.initialize();
    try {
      const now = new Date('2027-03-03T10:00:00+01:00');
      const evaluators = [1, 2, 3].map((i) => ({
        userId: randomUUID(),
        email: `ocena${i}@example.pl`,
        name: `Oceniający ${i}`,
        chair: i === 1,
      }));
      const input = { now, centreId: DEFAULT_CENTRE_ID, operatorId: randomUUID(), evaluators };
      const first = await seedDemo(dataSource, input);
      expect(first).toMatchObject({ created: true, callNumber: 'NAB/DEMO/2027' });
      const again = await seedDemo(dataSource, input);
      expect(again).toEqual({ ...first, created: false });

      const [programme] = await dataSource.query(
        `SELECT centre_id, counties, targets FROM grants.programmes`,
      );
      expect(programme.centre_id).toBe(DEFAULT_CENTRE_ID);
      expect(programme.counties).toEqual(['1462', '1419', '1427', '1404']);
      expect(programme.targets).toEqual({
        groupsSupported: 20,
        enterprisesStrengthened: 14,
        enterprisesCreated: 8,
        jobsCreated: 60,
        peopleSupported: 400,
        organisationsSupported: 12,
        jointVentures: 24,
      });
      const [call] = await dataSource.query(
        `SELECT centre_id, status, opens_at, closes_at, funding_model, jsonb_array_length(criteria) AS criteria FROM grants.calls`,
      );
      expect(call).toMatchObject({
        centre_id: DEFAULT_CENTRE_ID,
        status: 'published',
        criteria: 5,
      });
      expect(call.funding_model.kind).toBe('unit-rates');
      expect(call.opens_at <= now && call.closes_at > now).toBe(true);
      // 20 working days; Easter Monday (29 March 2027) does not count; closes at 16:00 Warsaw time
      expect(toWarsawIso(call.closes_at)).toBe('2027-04-01T16:00:00.000+02:00');
      const pool = await dataSource.query(
        `SELECT chair FROM grants.call_evaluators ORDER BY chair DESC`,
      );
      expect(pool.map((p: any) => p.chair)).toEqual([true, false, false]);
      const outbox = await dataSource.query(`SELECT subject FROM grants.outbox`);
      expect(outbox).toEqual([{ subject: 'grants.call.published' }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
