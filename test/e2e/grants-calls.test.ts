import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEFAULT_CENTRE_ID, ManualClock, formatPln } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  CRITERIA,
  grantsEvents,
  grantsQuery,
  publishEvent,
  recipient,
  startGrants,
  startTokenIssuer,
  type Account,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(60_000);

/** Issue 4 (a): the centre's programme and every setting of a call, both funding models. */
describe('grants: programmes and call settings', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let operator: Account;
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    operator = await issuer.account('operator');
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  const programme = {
    name: 'OWES Płock 2024–2027',
    counties: ['1462', '1419', '1427', '1404'],
    yearlyBudgets: [{ year: 2027, amount: 42_388_633 }],
    targets: {
      groupsSupported: 20,
      enterprisesStrengthened: 14,
      enterprisesCreated: 8,
      jobsCreated: 60,
      peopleTrained: 400,
    },
  };

  it('keeps the programme with its counties, money per year and targets; refuses bad input', async () => {
    const created = await platform.api.post('/api/programmes', programme, operator.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...programme,
      yearlyBudgets: [{ year: 2027, amount: 42_388_633, amountFormatted: formatPln(42_388_633) }],
    });

    const bad = await platform.api.post(
      '/api/programmes',
      {
        ...programme,
        name: 'Inny',
        counties: ['1499'],
        targets: { ...programme.targets, jobsCreated: -1 },
      },
      operator.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['targets.jobsCreated']);
    const badCounty = await platform.api.post(
      '/api/programmes',
      { ...programme, name: 'Inny', counties: ['1499'] },
      operator.token,
    );
    expect(badCounty.status).toBe(400);
    expect(badCounty.body.errors).toEqual([
      { path: 'counties[0]', message: 'Nieznany kod powiatu TERYT' },
    ]);
    expect((await platform.api.post('/api/programmes', programme, operator.token)).status).toBe(
      409,
    );

    const patched = await platform.api.patch(
      `/api/programmes/${created.body.id}`,
      { targets: { ...programme.targets, jobsCreated: 65 } },
      operator.token,
    );
    expect(patched.status).toBe(200);
    expect(patched.body.targets.jobsCreated).toBe(65);
    const applicant = await issuer.account('applicant');
    expect((await platform.api.get('/api/programmes', applicant.token)).status).toBe(403);
    const list = await platform.api.get('/api/programmes', operator.token);
    expect(list.body.items).toHaveLength(1);
  });

  it('creates a call with every setting, dated unit rates, and changes it with PATCH until a form is submitted', async () => {
    const [prog] = (await platform.api.get('/api/programmes', operator.token)).body.items;
    const body = {
      number: 'NAB/1/2027',
      title: 'Nabór wniosków o przyznanie wsparcia finansowego',
      opensAt: '2027-01-04T08:00:00+01:00',
      closesAt: '2027-01-29T16:00:00+01:00',
      budget: 40_000_000,
      counties: ['1462', '1419'],
      programmeId: prog.id,
      fundingModel: {
        kind: 'unit-rates',
        rates: [
          {
            validFrom: '2024-03-01',
            creation: 3_521_200,
            maintenance: { full: 3_817_800, threeQuarters: 2_863_400, half: 1_908_900 },
          },
          {
            validFrom: '2027-01-15',
            creation: 3_700_000,
            maintenance: { full: 4_000_000, threeQuarters: 3_000_000, half: 2_000_000 },
          },
        ],
      },
      criteria: [{ ...CRITERIA[0], minPoints: 12 }, ...CRITERIA.slice(1)],
      passThresholdPercent: 60,
      divergencePercent: 30,
      correctionTermWorkingDays: 5,
      appealTermWorkingDays: 7,
      maxJobsPerEntity: 10,
      evaluationTermWorkingDays: 8,
      fundedMonths: 12,
      durabilityMonths: 6,
      reportDueDays: 7,
      refillMonths: 3,
      refundDueDays: 30,
    };
    const created = await platform.api.post('/api/calls', body, operator.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      appealTermWorkingDays: 7,
      evaluationTermWorkingDays: 8,
      programmeId: prog.id,
      rulesLocked: false,
    });
    expect(created.body.fundingModel.rates).toHaveLength(2);

    // settings outside the programme's subregion or inconsistent ones are refused, nothing changes
    const bad = await platform.api.patch(
      `/api/calls/${created.body.id}`,
      {
        counties: ['1465'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 10, minPoints: 11 }],
      },
      operator.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(
      expect.arrayContaining(['counties[0]', 'criteria[0].minPoints']),
    );
    expect(
      (await platform.api.get(`/api/calls/${created.body.id}`, operator.token)).body.counties,
    ).toEqual(['1462', '1419']);

    const published = await platform.api.post(
      `/api/calls/${created.body.id}/publish`,
      {},
      operator.token,
    );
    expect(published.status).toBe(200);
    clock.advance(60_000);
    const patched = await platform.api.patch(
      `/api/calls/${created.body.id}`,
      { title: 'Nabór po zmianie', budget: 45_000_000 },
      operator.token,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Nabór po zmianie',
      budget: 45_000_000,
      status: 'published',
    });
    // a published call's change is published again (applications keeps the later publication)
    const publications = (await grantsEvents(platform, 'grants.call.published')).filter(
      (e) => e.callId === created.body.id,
    );
    expect(publications.map((e) => [e.title, e.budget])).toEqual([
      ['Nabór wniosków o przyznanie wsparcia finansowego', 40_000_000],
      ['Nabór po zmianie', 45_000_000],
    ]);

    // a form is submitted: the rules are locked
    const applicant = await issuer.account('applicant');
    await publishEvent(platform, 'applications.application.submitted', {
      centreId: DEFAULT_CENTRE_ID,
      applicationId: randomUUID(),
      reference: 'OWES/2027/00001',
      version: 1,
      callId: created.body.id,
      callNumber: body.number,
      callTitle: 'Nabór po zmianie',
      submittedAt: clock.now().toISOString(),
      applicant: recipient(applicant),
    });
    await expectEventually(async () => {
      const call = await platform.api.get(`/api/calls/${created.body.id}`, operator.token);
      expect(call.body.rulesLocked).toBe(true);
    });
    const locked = await platform.api.patch(
      `/api/calls/${created.body.id}`,
      { budget: 50_000_000 },
      operator.token,
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('CALL_RULES_LOCKED');
    expect(
      (await platform.api.get(`/api/calls/${created.body.id}`, operator.token)).body.budget,
    ).toBe(45_000_000);

    const audit = await platform.api.get(
      `/api/audit?entityType=call&entityId=${created.body.id}`,
      operator.token,
    );
    expect(audit.body.items.map((a: any) => a.action)).toEqual(['updated', 'published', 'created']);
    expect((await platform.api.get('/api/audit', applicant.token)).status).toBe(403);
  });

  it('accepts the grant-plus-bridging model with its caps and refuses an inconsistent one', async () => {
    const base = {
      number: 'NAB/2/2027',
      title: 'Nabór 2014–2020',
      opensAt: '2027-01-04T08:00:00+01:00',
      closesAt: '2027-01-29T16:00:00+01:00',
      budget: 10_000_000,
      counties: ['1462'],
      criteria: CRITERIA,
    };
    const bad = await platform.api.post(
      '/api/calls',
      {
        ...base,
        fundingModel: {
          kind: 'grant-bridging',
          grantCapPerJob: 2_102_000,
          bridging: {
            monthlyCap: 200_000,
            months: 6,
            extensionMonthlyCap: 300_000,
            extensionMonths: 6,
          },
        },
      },
      operator.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual([
      'fundingModel.bridging.extensionMonthlyCap',
    ]);
    const good = await platform.api.post(
      '/api/calls',
      {
        ...base,
        fundingModel: {
          kind: 'grant-bridging',
          grantCapPerJob: 2_102_000,
          bridging: {
            monthlyCap: 200_000,
            months: 6,
            extensionMonthlyCap: 150_000,
            extensionMonths: 6,
          },
        },
      },
      operator.token,
    );
    expect(good.status).toBe(201);
    expect(good.body.fundingModel.kind).toBe('grant-bridging');
    const rows = await grantsQuery(
      platform,
      `SELECT count(*)::int AS n FROM grants.calls WHERE number = 'NAB/2/2027'`,
    );
    expect(rows[0].n).toBe(1);
  });
});
