import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  createPublishedCall,
  grantsEvents,
  grantsQuery,
  startGrants,
  startTokenIssuer,
  type Account,
  type Evaluator,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(90_000);

/**
 * Giving up awards while the appeal terms run (the freed money waits for the ranking after
 * appeals) and at the same moment (the call's row serialises them; the budget is never exceeded).
 */
describe('grants: awards given up during the appeal term and concurrently', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let operator: Account;
  let pool: Evaluator[];
  let call: any;
  const applicants: Record<string, Account> = {};
  const apps: Record<string, ReturnType<typeof acceptedPayload>> = {};
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    operator = await issuer.account('operator');
    call = await createPublishedCall(platform, operator.token, { budget: 10_000_000 });
    clock.set(new Date('2027-01-21T09:00:00+01:00'));
    pool = await addEvaluators(platform, issuer, operator.token, call.id, 2, { chairFirst: true });
    const spec: [string, number, number][] = [
      ['A', 90, 4_000_000],
      ['B', 85, 3_000_000],
      ['C', 80, 3_000_000],
      ['D', 75, 4_000_000], // reserve
      ['E', 70, 3_000_000], // reserve
      ['G', 65, 2_000_000], // reserve
    ];
    for (const [name, score, amount] of spec) {
      applicants[name] = await issuer.account('applicant');
      apps[name] = acceptedPayload({ callId: call.id, applicant: applicants[name]!, amount });
      await acceptAndScore(platform, pool, apps[name]!, [score, score]);
    }
    await expectEventually(async () => {
      const [row] = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(row.n).toBe(6);
    });
    clock.set(new Date('2027-01-25T10:00:00+01:00'));
    const approved = await platform.api.post(
      `/api/calls/${call.id}/ranking/approve`,
      {},
      operator.token,
    );
    expect(approved.status).toBe(200);
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  const awardOf = async (name: string) =>
    (await platform.api.get('/api/awards', applicants[name]!.token)).body.items[0];
  const giveUp = async (name: string) =>
    platform.api.post(
      `/api/awards/${(await awardOf(name)).id}/give-up`,
      { reason: 'Rezygnacja z udziału w projekcie' },
      applicants[name]!.token,
    );
  const committed = async () =>
    (
      await grantsQuery(
        platform,
        `SELECT COALESCE(sum(amount), 0)::int AS total FROM grants.awards WHERE call_id = $1 AND status <> 'given-up'`,
        [call.id],
      )
    )[0].total;

  it('during the appeal term the freed money waits; the ranking after appeals funds the reserve in order', async () => {
    const given = await giveUp('B');
    expect(given.status).toBe(200);
    expect(await committed()).toBe(7_000_000);
    // nothing funded yet: appeals may still change the order
    expect((await grantsEvents(platform, 'grants.award.granted')).length).toBe(3);
    expect(await grantsEvents(platform, 'grants.ranking.published')).toHaveLength(1);

    clock.set(new Date('2027-02-02T08:00:00+01:00')); // the appeal term (5 working days) is over
    const run = await platform.api.post('/api/monitoring/run', {}, operator.token);
    expect(run.body.callsSettledAfterAppeals).toBe(1);
    // 3,000,000 left: D (4,000,000) does not fit and nothing below it is skipped to
    expect(await grantsEvents(platform, 'grants.ranking.published')).toHaveLength(2);
    expect((await grantsEvents(platform, 'grants.award.granted')).length).toBe(3);
    const ranking = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(ranking.body).toMatchObject({ version: 2, remainingBudget: 3_000_000 });
    expect(ranking.body.rows.map((r: any) => [r.reference, r.rank, r.status])).toEqual([
      [apps.A!.reference, 1, 'funded'],
      [apps.C!.reference, 2, 'funded'],
      [apps.D!.reference, 3, 'reserve'],
      [apps.E!.reference, 4, 'reserve'],
      [apps.G!.reference, 5, 'reserve'],
      [apps.B!.reference, null, 'given-up'],
    ]);
  });

  it('two awards given up at the same moment: each frees its money once, the budget is never exceeded', async () => {
    const [a, c] = await Promise.all([giveUp('A'), giveUp('C')]);
    expect([a.status, c.status]).toEqual([200, 200]);
    // 10,000,000 free: D (4,000,000), E (3,000,000), G (2,000,000) all fit, in ranking order
    const fromReserve = (await grantsEvents(platform, 'grants.award.granted')).filter(
      (e) => e.fromReserve,
    );
    expect(fromReserve.map((e) => e.reference)).toEqual([
      apps.D!.reference,
      apps.E!.reference,
      apps.G!.reference,
    ]);
    expect(await committed()).toBe(9_000_000);
    const ranking = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(ranking.body).toMatchObject({
      version: 4,
      fundedTotal: 9_000_000,
      remainingBudget: 1_000_000,
    });
    // the same award given up twice at once: one wins
    const [first, second] = await Promise.all([giveUp('G'), giveUp('G')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(await committed()).toBe(7_000_000);
    expect(
      (await grantsEvents(platform, 'grants.award.given-up')).map((e) => e.reference).sort(),
    ).toEqual([apps.A!, apps.B!, apps.C!, apps.G!].map((p) => p.reference).sort());
  });
});
