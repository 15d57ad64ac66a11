import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { DEFAULT_CENTRE_ID, ManualClock, type EventPayload } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  addExchangeRate,
  centreChanged,
  createPublishedCall,
  grantsQuery,
  publishEvent,
  recipient,
  startGrants,
  startTokenIssuer,
  type Account,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(120_000);

const ZG = '11111111-1111-4111-8111-111111111111';
const GW = '22222222-2222-4222-8222-222222222222';
const PL = '33333333-3333-4333-8333-333333333333';

const at = (day: string) => new Date(`${day}T09:00:00+01:00`);
const row = (rows: any[], key: string) => rows.find((r) => r.key === key);

/**
 * Issue 12, "the regional coordinator": the indicators of every centre of the coordinator's region
 * beside its targets, side by side and summed, per county and per year, JSON and CSV — counts,
 * money and names of centres, programmes and counties only; a coordinator of Lubuskie sees no
 * Mazowieckie centre, and every other grants endpoint answers a coordinator 403.
 */
describe('grants: the regional coordinator’s figures', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let lubuskie: Account;
  let mazowieckie: Account;
  const applicants: Account[] = [];
  const references: string[] = [];
  const groupNames: string[] = [];
  let awardAmounts: Record<string, number> = {};
  const clock = new ManualClock(at('2027-01-04'));

  const group = (centreId: string, county: string, decidedAt: string, leader: Account) => {
    const g: EventPayload<'applications.group.submitted'> = {
      centreId,
      groupId: randomUUID(),
      name: `Grupa inicjatywna ${groupNames.length + 1}`,
      plannedLegalForm: 'social-cooperative',
      naturalPersons: 3,
      legalPersons: 0,
      plannedJobs: 3,
      counties: [county],
      submittedAt: '2026-10-01T09:00:00.000Z',
      leader: recipient(leader),
    };
    groupNames.push(g.name);
    return {
      submitted: g,
      qualified: {
        centreId,
        groupId: g.groupId,
        name: g.name,
        decision: 'qualified' as const,
        decidedAt,
        leader: g.leader,
      },
    };
  };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    for (const c of [
      centreChanged(ZG, 2, 'OWES Zielona Góra', '08', ['0862', '0809']),
      centreChanged(GW, 3, 'OWES Gorzów Wielkopolski', '08', ['0861', '0801']),
      centreChanged(PL, 4, 'OWES Płock', '14', ['1462', '1419', '1427', '1404']),
    ])
      await publishEvent(platform, 'applications.centre.changed', c);
    await expectEventually(async () => {
      expect(await grantsQuery(platform, `SELECT id FROM grants.centres`)).toHaveLength(4);
    });
    lubuskie = await issuer.account('coordinator', { centres: [ZG, GW] });
    mazowieckie = await issuer.account('coordinator', { centres: [PL] });
    const opZG = await issuer.account('operator', { centres: [ZG] });
    const opGW = await issuer.account('operator', { centres: [GW] });
    const opPL = await issuer.account('operator', { centres: [PL] });

    const programme = async (op: Account, name: string, counties: string[], targets: object) => {
      const res = await platform.api.post(
        '/api/programmes',
        { name, counties, yearlyBudgets: [{ year: 2027, amount: 42_388_633 }], targets },
        op.token,
      );
      expect(res.status).toBe(201);
      return res.body;
    };
    const pZG = await programme(opZG, 'Program Zielona Góra', ['0862', '0809'], {
      groupsSupported: 10,
      enterprisesStrengthened: 5,
      enterprisesCreated: 4,
      jobsCreated: 30,
      peopleSupported: 200,
      organisationsSupported: 6,
      jointVentures: 10,
    });
    const pGW = await programme(opGW, 'Program Gorzów', ['0861', '0801'], {
      groupsSupported: 8,
      enterprisesStrengthened: 4,
      enterprisesCreated: 3,
      jobsCreated: 20,
    });
    // OWES Płock's targets (issue 12)
    await programme(opPL, 'OWES Płock', ['1462', '1419', '1427', '1404'], {
      groupsSupported: 20,
      enterprisesStrengthened: 14,
      enterprisesCreated: 8,
      jobsCreated: 60,
      peopleSupported: 400,
      organisationsSupported: 12,
      jointVentures: 24,
    });

    // groups: Zielona Góra one decided in 2026 and one in 2027; Gorzów one in 2027; Płock one
    const leader = await issuer.account('applicant');
    applicants.push(leader);
    for (const g of [
      group(ZG, '0862', '2026-11-20T09:00:00.000Z', leader),
      group(ZG, '0809', '2027-01-10T09:00:00.000Z', leader),
      group(GW, '0861', '2027-01-12T09:00:00.000Z', leader),
      group(PL, '1462', '2027-01-12T09:00:00.000Z', leader),
    ]) {
      await publishEvent(platform, 'applications.group.submitted', g.submitted);
      await publishEvent(platform, 'applications.group.qualified', g.qualified);
    }

    // one signed award with one job and a payment in each Lubuskie centre
    const calls: [string, Account, string, string][] = [
      [ZG, opZG, pZG.id, '0862'],
      [GW, opGW, pGW.id, '0861'],
    ];
    const made: [string, Account, string][] = [];
    for (const [centreId, op, programmeId, county] of calls) {
      const call = await createPublishedCall(platform, op.token, {
        counties: [county],
        programmeId,
        budget: 10_000_000,
      });
      made.push([centreId, op, call.id]);
    }
    clock.set(at('2027-01-21'));
    for (const [centreId, op, callId] of made) {
      const pool = await addEvaluators(platform, issuer, op.token, callId, 2, { chairFirst: true });
      const applicant = await issuer.account('applicant');
      applicants.push(applicant);
      const county = centreId === ZG ? '0862' : '0861';
      const payload = acceptedPayload({
        callId,
        centreId,
        applicant,
        amount: 4_000_000,
        county,
        jobs: [{ county }],
      });
      references.push(payload.reference);
      await acceptAndScore(platform, pool, payload, [90, 90]);
    }
    await expectEventually(async () => {
      const [r] = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(r!.n).toBe(2);
    });
    clock.set(at('2027-01-25'));
    for (const [, op, callId] of made) {
      const approved = await platform.api.post(
        `/api/calls/${callId}/ranking/approve`,
        {},
        op.token,
      );
      expect(approved.status).toBe(200);
    }
    clock.set(at('2027-02-15'));
    await addExchangeRate(platform, opZG.token, '2027-02-15');
    awardAmounts = {};
    for (const [centreId, op] of made) {
      const [award] = (await platform.api.get('/api/awards', op.token)).body.items;
      awardAmounts[centreId] = award.amount;
      const signed = await platform.api.post(
        `/api/awards/${award.id}/agreement`,
        {
          signedOn: '2027-02-15',
          security: { kind: 'blank-promissory-note', declarationSigned: true },
          deMinimisCertificateNumber: `DM/2027/${award.id.slice(0, 4)}`,
        },
        op.token,
      );
      expect(signed.status).toBe(200);
      const paid = await platform.api.post(
        `/api/awards/${award.id}/payments`,
        { kind: 'tranche', amount: 100_000, paidOn: '2027-02-15' },
        op.token,
      );
      expect(paid.status).toBe(201);
    }
    await expectEventually(async () => {
      const [r] = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.initiative_groups WHERE status = 'qualified' AND county IS NOT NULL`,
      );
      expect(r!.n).toBe(4);
    });
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  it('shows each Lubuskie centre beside its targets, summed for the region, per county and per year', async () => {
    const res = await platform.api.get('/api/region/indicators', lubuskie.token);
    expect(res.status).toBe(200);
    const { centres, region, year } = res.body;
    expect(year).toBeNull();
    expect(centres.map((c: any) => [c.id, c.number, c.name, c.voivodeship])).toEqual([
      [ZG, 2, 'OWES Zielona Góra', '08'],
      [GW, 3, 'OWES Gorzów Wielkopolski', '08'],
    ]);
    const [zg, gw] = centres;
    expect(zg.programmes).toEqual(['Program Zielona Góra']);
    expect(row(zg.indicators, 'groupsSupported')).toMatchObject({ actual: 2, target: 10 });
    expect(row(gw.indicators, 'groupsSupported')).toMatchObject({ actual: 1, target: 8 });
    expect(row(zg.indicators, 'enterprisesCreated')).toMatchObject({ actual: 1, target: 4 });
    expect(row(zg.indicators, 'jobsCreated')).toMatchObject({ actual: 1, target: 30 });
    expect(row(zg.indicators, 'moneyAwarded')).toMatchObject({
      actual: awardAmounts[ZG],
      target: null,
    });
    expect(row(zg.indicators, 'moneyPaid')).toMatchObject({ actual: 100_000 });
    // targets with no figure kept here
    expect(row(zg.indicators, 'peopleSupported')).toMatchObject({ actual: null, target: 200 });
    expect(row(gw.indicators, 'jointVentures')).toMatchObject({ actual: null, target: 0 });
    expect(zg.budget).toBe(42_388_633);

    // the region: the sum of its centres
    expect(row(region.indicators, 'groupsSupported')).toMatchObject({ actual: 3, target: 18 });
    expect(row(region.indicators, 'enterprisesCreated')).toMatchObject({ actual: 2, target: 7 });
    expect(row(region.indicators, 'jobsCreated')).toMatchObject({ actual: 2, target: 50 });
    expect(row(region.indicators, 'moneyAwarded').actual).toBe(
      awardAmounts[ZG]! + awardAmounts[GW]!,
    );
    expect(row(region.indicators, 'moneyPaid').actual).toBe(200_000);
    expect(row(region.indicators, 'peopleSupported')).toMatchObject({ actual: null, target: 200 });
    expect(region.budget).toBe(2 * 42_388_633);

    // per county
    const county = (b: any, code: string) => b.counties.find((c: any) => c.county === code);
    expect(county(zg, '0862').countyName).toBeTruthy();
    expect(row(county(zg, '0862').indicators, 'groupsSupported').actual).toBe(1);
    expect(row(county(zg, '0809').indicators, 'groupsSupported').actual).toBe(1);
    expect(row(county(zg, '0862').indicators, 'jobsCreated').actual).toBe(1);
    expect(row(county(region, '0861').indicators, 'enterprisesCreated').actual).toBe(1);
    expect(region.counties.map((c: any) => c.county)).toEqual(['0809', '0861', '0862']);

    // per year: groups by their decision, enterprises by the agreement, jobs by their start
    const yearOf = (b: any, y: number) => b.years.find((e: any) => e.year === y);
    expect(row(yearOf(zg, 2026).indicators, 'groupsSupported').actual).toBe(1);
    expect(row(yearOf(zg, 2027).indicators, 'groupsSupported').actual).toBe(1);
    expect(row(yearOf(region, 2027).indicators, 'enterprisesCreated').actual).toBe(2);
    expect(row(yearOf(region, 2026).indicators, 'enterprisesCreated').actual).toBe(0);

    const only2026 = await platform.api.get('/api/region/indicators?year=2026', lubuskie.token);
    expect(only2026.status).toBe(200);
    expect(only2026.body.year).toBe(2026);
    expect(row(only2026.body.region.indicators, 'groupsSupported').actual).toBe(1);
    expect(row(only2026.body.region.indicators, 'enterprisesCreated').actual).toBe(0);
    expect(row(only2026.body.region.indicators, 'moneyAwarded').actual).toBe(0);
    expect(only2026.body.region.budget).toBe(0);
    expect((await platform.api.get('/api/region/indicators?year=abc', lubuskie.token)).status).toBe(
      400,
    );
    expect(
      (await platform.api.get('/api/region/indicators?format=xml', lubuskie.token)).status,
    ).toBe(400);
  });

  it('gives the figures as CSV for Excel', async () => {
    const res = await fetch(`${platform.api.url}/api/region/indicators?format=csv`, {
      headers: { authorization: `Bearer ${lubuskie.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Nr ośrodka,Ośrodek,Województwo (TERYT),Zestawienie,Kod powiatu (TERYT),Powiat,Rok,Wskaźnik,Nazwa wskaźnika,Wartość,Wartość docelowa',
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const total = rows.find(
      (r) =>
        r['Ośrodek'] === 'Region (suma)' &&
        r.Zestawienie === 'razem' &&
        r['Wskaźnik'] === 'groupsSupported',
    );
    expect(total).toMatchObject({ Wartość: '3', 'Wartość docelowa': '18' });
    const paid = rows.find(
      (r) =>
        r['Ośrodek'] === 'OWES Zielona Góra' &&
        r.Zestawienie === 'razem' &&
        r['Wskaźnik'] === 'moneyPaid',
    );
    expect(paid).toMatchObject({ Wartość: '1000.00', 'Nr ośrodka': '2' });
    expect(rows.some((r) => r.Zestawienie === 'rok' && r.Rok === '2026')).toBe(true);
    expect(
      rows.some((r) => r.Zestawienie === 'powiat' && r['Kod powiatu (TERYT)'] === '0861'),
    ).toBe(true);
    expect(text).not.toContain('Płock');
  });

  it('contains no personal data, and a Lubuskie coordinator sees no Mazowieckie centre', async () => {
    const json = JSON.stringify(
      (await platform.api.get('/api/region/indicators', lubuskie.token)).body,
    );
    const csv = await (
      await fetch(`${platform.api.url}/api/region/indicators?format=csv`, {
        headers: { authorization: `Bearer ${lubuskie.token}` },
      })
    ).text();
    for (const text of [json, csv]) {
      expect(text).not.toMatch(/@/); // no e-mail address
      expect(text).not.toMatch(/\b\d{11}\b/); // no PESEL
      for (const a of applicants) {
        expect(text).not.toContain(a.email);
        expect(text).not.toContain(a.name);
      }
      expect(text).not.toContain('Anna Kowalska');
      for (const reference of references) expect(text).not.toContain(reference);
      for (const name of groupNames) expect(text).not.toContain(name);
      expect(text).not.toContain('Spółdzielnia Socjalna');
      expect(text).not.toContain('Kucharz');
      expect(text).not.toContain('OWES Płock');
      expect(text).not.toContain(PL);
      expect(text).not.toContain(DEFAULT_CENTRE_ID);
    }

    const maz = (await platform.api.get('/api/region/indicators', mazowieckie.token)).body;
    expect(maz.centres.map((c: any) => [c.name, c.voivodeship])).toEqual([['OWES Płock', '14']]);
    expect(row(maz.region.indicators, 'groupsSupported')).toMatchObject({ actual: 1, target: 20 });
    expect(row(maz.region.indicators, 'jointVentures')).toMatchObject({ actual: null, target: 24 });
    expect(JSON.stringify(maz)).not.toContain('Zielona');

    // the platform administrator sees every centre
    const admin = await issuer.account('platform-admin');
    const all = (await platform.api.get('/api/region/indicators', admin.token)).body;
    expect(all.centres.map((c: any) => c.number)).toEqual([1, 2, 3, 4]);
  });

  it('answers a coordinator 403 everywhere else, and staff 403 here', async () => {
    const id = randomUUID();
    const gets = [
      '/api/programmes',
      `/api/programmes/${id}`,
      '/api/calls',
      `/api/calls/${id}`,
      `/api/calls/${id}/evaluators`,
      `/api/calls/${id}/ranking`,
      '/api/evaluations',
      `/api/evaluations/${id}`,
      '/api/decisions',
      `/api/decisions/${id}`,
      '/api/awards',
      `/api/awards/${id}`,
      `/api/awards/${id}/bridging-extension`,
      '/api/indicators',
      '/api/audit',
      '/api/exchange-rates',
      '/api/interest-rates',
      '/api/dead-letters',
    ];
    for (const path of gets) {
      expect([path, (await platform.api.get(path, lubuskie.token)).status]).toEqual([path, 403]);
    }
    const posts = [
      '/api/programmes',
      '/api/calls',
      `/api/calls/${id}/publish`,
      `/api/calls/${id}/ranking/approve`,
      `/api/awards/${id}/payments`,
      `/api/awards/${id}/jobs/job/reports`,
      '/api/monitoring/run',
    ];
    for (const path of posts) {
      expect([path, (await platform.api.post(path, {}, lubuskie.token)).status]).toEqual([
        path,
        403,
      ]);
    }
    for (const role of ['operator', 'admin', 'applicant', 'evaluator'] as const) {
      const account = await issuer.account(role);
      expect([
        role,
        (await platform.api.get('/api/region/indicators', account.token)).status,
      ]).toEqual([role, 403]);
    }
  });
});
