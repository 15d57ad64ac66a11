import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { platformSettled } from '../support/drain.js';
import { publishedCall } from '../support/calls.js';
import { expectEventually } from '../support/eventually.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  createPublishedCall,
  grantsQuery,
  startGrants,
  startTokenIssuer,
  type Account,
  type Platform as GrantsPlatform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(90_000);

/** Aid granted on a day the migrations seed a checked NBP rate for (4.2497 PLN/EUR). */
const AID_DAY = '2025-05-20';

const withAid = (jobs: number, amount: number) =>
  applicationForm(jobs, {
    deMinimis: {
      received: true,
      items: [{ grantor: 'Prezydent Miasta Płocka', grantedOn: AID_DAY, amount }],
    },
  });

describe('de minimis ceiling at submission (applications, with rates from grants)', () => {
  let platform: Platform;
  let operator: { token: string };
  let call: { id: string };
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    operator = await platform.account('operator');
    call = await publishedCall(platform, operator.token);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const submit = async (form: Record<string, unknown>) => {
    const applicant = await platform.account('applicant');
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId: call.id, form },
      applicant.token,
    );
    expect(draft.status).toBe(201);
    return platform.api.applications.post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
  };

  it('an operator adds the day’s NBP rate in grants, never edits it, and applications gets it', async () => {
    const rates = platform.api.grants;
    const added = await rates.post(
      '/api/exchange-rates',
      { validFrom: '2026-12-01', plnPerEur: '4.2000' },
      operator.token,
    );
    expect(added.status).toBe(201);
    expect(
      (
        await rates.post(
          '/api/exchange-rates',
          { validFrom: '2026-12-01', plnPerEur: '4.3000' },
          operator.token,
        )
      ).body.code,
    ).toBe('RATE_EXISTS');
    const future = await rates.post(
      '/api/exchange-rates',
      { validFrom: '2026-12-03', plnPerEur: '4.2000' },
      operator.token,
    );
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: any) => e.path)).toEqual(['validFrom']);
    const malformed = await rates.post(
      '/api/exchange-rates',
      { validFrom: '2026-11-30', plnPerEur: '4,20' },
      operator.token,
    );
    expect(malformed.status).toBe(400);
    const applicant = await platform.account('applicant');
    expect((await rates.post('/api/exchange-rates', {}, applicant.token)).status).toBe(403);
    const list = await rates.get('/api/exchange-rates', operator.token);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        { validFrom: AID_DAY, plnPerEur: '4.2497' },
        { validFrom: '2026-12-01', plnPerEur: '4.2000' },
      ]),
    );
    await platformSettled(platform, clock.now()); // the event reached applications
  });

  it('refuses a form whose earlier aid and the support asked for pass EUR 300,000, stating what is left', async () => {
    // PLN 1,200,000 on 20 May 2025 at 4.2497 = EUR 282,372.87: EUR 17,627.13 is left,
    // PLN 74,033.94 at 4.2000 on 2 December 2026; three jobs ask for more than that.
    const refused = await submit(withAid(3, 120_000_000));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('FORM_INVALID');
    const problem = refused.body.errors.find((e: any) => e.path === 'form.deMinimis');
    expect(problem.message.replace(/[\u00a0\u202f]/g, ' ')).toContain('300 000,00 €');
    expect(problem.message.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Do wykorzystania pozostaje 17 627,13 €, czyli 74 033,94 zł',
    );
  });

  it('accepts the same support when the earlier aid leaves room for it', async () => {
    const accepted = await submit(withAid(3, 100_000_000)); // EUR 235,310.73 before
    expect(accepted.status).toBe(200);
    expect(accepted.body.reference).toMatch(/^OWES\/2026\/\d{5}$/);
  });
});

describe('de minimis ceiling at the agreement (grants): checked again, certificate in PLN and EUR', () => {
  let platform: GrantsPlatform;
  let issuer: TokenIssuer;
  let operator: Account;
  const awards: Record<string, any> = {};
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    operator = await issuer.account('operator');
    const call = await createPublishedCall(platform, operator.token, { budget: 100_000_000 });
    clock.set(new Date('2027-01-21T09:00:00+01:00'));
    const pool = await addEvaluators(platform, issuer, operator.token, call.id, 2);
    const applicants: Record<string, Account> = {};
    // A: PLN 1,000,000 of earlier aid (EUR 235,310.73); B: PLN 1,240,000 (EUR 291,785.30),
    // fine at submission with a smaller rate gap, but B's PLN 40,000 would pass the ceiling.
    for (const [name, prior, score] of [
      ['A', 100_000_000, 90],
      ['B', 124_000_000, 80],
    ] as const) {
      applicants[name] = await issuer.account('applicant');
      const payload = {
        ...acceptedPayload({ callId: call.id, applicant: applicants[name]!, amount: 4_000_000 }),
        deMinimis: [{ grantedOn: AID_DAY, amount: prior, grantor: 'Gmina Płock' }],
      };
      await acceptAndScore(platform, pool, payload, [score, score]);
    }
    await expectEventually(async () => {
      const [row] = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(row.n).toBe(2);
    });
    clock.set(new Date('2027-01-25T10:00:00+01:00'));
    expect(
      (await platform.api.post(`/api/calls/${call.id}/ranking/approve`, {}, operator.token)).status,
    ).toBe(200);
    for (const name of ['A', 'B'])
      awards[name] = (await platform.api.get('/api/awards', applicants[name]!.token)).body.items[0];
    clock.set(new Date('2027-02-10T10:00:00+01:00'));
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  const sign = (name: string, number: string) =>
    platform.api.post(
      `/api/awards/${awards[name].id}/agreement`,
      {
        signedOn: '2027-02-10',
        security: { kind: 'blank-promissory-note', declarationSigned: true },
        deMinimisCertificateNumber: number,
      },
      operator.token,
    );

  it('without the NBP rate of the signing day the agreement waits for it (409), unchanged', async () => {
    const missing = await sign('A', 'DM/2027/0001');
    expect(missing.status).toBe(409);
    expect(missing.body.code).toBe('EXCHANGE_RATE_MISSING');
    expect(missing.body.message).toContain('2027-02-10');
    const [award] = await grantsQuery(platform, `SELECT status FROM grants.awards WHERE id = $1`, [
      awards.A.id,
    ]);
    expect(award.status).toBe('granted');
  });

  it('issues the certificate with the aid in PLN and in EUR at the rate of the signing day', async () => {
    expect(
      (
        await platform.api.post(
          '/api/exchange-rates',
          { validFrom: '2027-02-08', plnPerEur: '4.0000' }, // Monday's table, in force on Wednesday
          operator.token,
        )
      ).status,
    ).toBe(201);
    const signed = await sign('A', 'DM/2027/0001');
    expect(signed.status).toBe(200);
    expect(signed.body.deMinimisCertificate).toMatchObject({
      number: 'DM/2027/0001',
      grantedOn: '2027-02-10',
      amountPln: 4_000_000,
      amountEur: 1_000_000,
      rate: { validFrom: '2027-02-08', plnPerEur: '4.0000' },
      regime: 'EU 2023/2831',
      ceilingEur: 30_000_000,
      windowFrom: '2024-02-11',
      windowTo: '2027-02-10',
      priorEur: 23_531_073,
      totalEur: 24_531_073,
    });
    expect(signed.body.deMinimisCertificate.amountEurFormatted.replace(/\s/g, ' ')).toBe(
      '10 000,00 €',
    );
  });

  it('refuses an agreement whose aid would pass the ceiling on the signing day (422, figures stated)', async () => {
    // B: EUR 291,785.30 before + EUR 10,000.00 now > EUR 300,000; EUR 8,214.70 is left
    const refused = await sign('B', 'DM/2027/0002');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DE_MINIMIS_CEILING_EXCEEDED');
    expect(refused.body.message.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'do wykorzystania pozostaje 8214,70 € (32 858,80 zł)',
    );
    expect(refused.body.errors.map((e: any) => e.path)).toEqual(['signedOn']);
    const [award] = await grantsQuery(
      platform,
      `SELECT status, de_minimis_certificate FROM grants.awards WHERE id = $1`,
      [awards.B.id],
    );
    expect(award).toEqual({ status: 'granted', de_minimis_certificate: null });
  });
});
