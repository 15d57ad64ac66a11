import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  CentreScope,
  DEFAULT_CENTRE_ID,
  MESSAGING_ENTITIES,
  ManualClock,
  createServiceDataSource,
  dropDatabase,
  provisionDatabase,
} from '@app/common';
import { GRANTS_MIGRATIONS } from '../../apps/grants/src/migrations/index.js';
import { GRANTS_ENTITIES } from '../../apps/grants/src/entities.js';
import { databaseLayout, SERVICES } from '../../tools/src/database-config.js';
import { migrateService } from '../../tools/src/migrate.js';
import { ADMIN_URL, uniqueId } from '../support/database.js';
import { expectEventually } from '../support/eventually.js';
import {
  acceptAndScore,
  acceptedPayload,
  addEvaluators,
  addExchangeRate,
  callRequest,
  centreChanged,
  createPublishedCall,
  grantsEvents,
  grantsQuery,
  publishEvent,
  startGrants,
  startTokenIssuer,
  type Account,
  type CallBody,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(120_000);

const ZG = '11111111-1111-4111-8111-111111111111';
const GW = '22222222-2222-4222-8222-222222222222';

/** The tables holding a centre's data (docs/tenancy.md). */
const WALLED = [
  'programmes',
  'calls',
  'initiative_groups',
  'applications',
  'call_evaluators',
  'evaluations',
  'decisions',
  'appeals',
  'awards',
  'award_jobs',
  'payments',
  'job_reports',
  'refund_claims',
  'bridging_extension_requests',
] as const;

const at = (day: string) => new Date(`${day}T09:00:00+01:00`);

/**
 * Issue 12, "walls in the database, not only in code": two centres of Lubuskie (Zielona Góra and
 * Gorzów Wielkopolski) run calls side by side in one grants service; an operator of one gets 404
 * for every resource of the other, lists hold only its own, an unfiltered query inside its scope
 * sees no row of the other, and events carry their centre.
 */
describe('grants: two centres side by side', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let opA: Account;
  let opB: Account;
  let programmeA: any;
  let programmeB: any;
  let callA: CallBody;
  let callB: CallBody;
  let applicantA: Account;
  let applicantB: Account;
  let appA: ReturnType<typeof acceptedPayload>;
  let appB: ReturnType<typeof acceptedPayload>;
  let awardA: any;
  let awardB: any;
  const clock = new ManualClock(at('2027-01-04'));

  const targets = {
    groupsSupported: 20,
    enterprisesStrengthened: 14,
    enterprisesCreated: 8,
    jobsCreated: 60,
  };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    await publishEvent(
      platform,
      'applications.centre.changed',
      centreChanged(ZG, 2, 'OWES Zielona Góra', '08', ['0802', '0804', '0808', '0809', '0862']),
    );
    await publishEvent(
      platform,
      'applications.centre.changed',
      centreChanged(GW, 3, 'OWES Gorzów Wielkopolski', '08', ['0801', '0803', '0805', '0861']),
    );
    await expectEventually(async () => {
      const rows = await grantsQuery(platform, `SELECT id FROM grants.centres`);
      expect(rows).toHaveLength(3);
    });
    opA = await issuer.account('operator', { centres: [ZG] });
    opB = await issuer.account('operator', { centres: [GW] });

    const programme = (counties: string[]) => ({
      name: 'Program OWES 2024–2027',
      counties,
      yearlyBudgets: [{ year: 2027, amount: 50_000_000 }],
      targets,
    });
    programmeA = (
      await platform.api.post('/api/programmes', programme(['0862', '0809']), opA.token)
    ).body;
    // the same name in another centre: names are unique per centre
    const b = await platform.api.post('/api/programmes', programme(['0861']), opB.token);
    expect(b.status).toBe(201);
    programmeB = b.body;

    callA = await createPublishedCall(platform, opA.token, {
      counties: ['0862'],
      programmeId: programmeA.id,
      budget: 10_000_000,
    });
    callB = await createPublishedCall(platform, opB.token, {
      counties: ['0861'],
      programmeId: programmeB.id,
      budget: 10_000_000,
    });
    clock.set(at('2027-01-21'));
    const poolA = await addEvaluators(platform, issuer, opA.token, callA.id, 2, {
      chairFirst: true,
    });
    const poolB = await addEvaluators(platform, issuer, opB.token, callB.id, 2, {
      chairFirst: true,
    });
    applicantA = await issuer.account('applicant');
    applicantB = await issuer.account('applicant');
    appA = acceptedPayload({
      callId: callA.id,
      centreId: ZG,
      applicant: applicantA,
      amount: 4_000_000,
      county: '0862',
      jobs: [{ county: '0862' }],
    });
    appB = acceptedPayload({
      callId: callB.id,
      centreId: GW,
      applicant: applicantB,
      amount: 4_000_000,
      county: '0861',
      jobs: [{ county: '0861' }],
    });
    await acceptAndScore(platform, poolA, appA, [90, 90]);
    await acceptAndScore(platform, poolB, appB, [85, 85]);
    await expectEventually(async () => {
      const [row] = await grantsQuery(
        platform,
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(row!.n).toBe(2);
    });
    clock.set(at('2027-01-25'));
    for (const [call, op] of [
      [callA, opA],
      [callB, opB],
    ] as const) {
      const approved = await platform.api.post(
        `/api/calls/${call.id}/ranking/approve`,
        {},
        op.token,
      );
      expect(approved.status).toBe(200);
    }
    [awardA] = (await platform.api.get('/api/awards', applicantA.token)).body.items;
    [awardB] = (await platform.api.get('/api/awards', applicantB.token)).body.items;
    clock.set(at('2027-02-15'));
    await addExchangeRate(platform, opA.token, '2027-02-15');
    for (const [award, op] of [
      [awardA, opA],
      [awardB, opB],
    ] as const) {
      const signed = await platform.api.post(
        `/api/awards/${award.id}/agreement`,
        {
          signedOn: '2027-02-15',
          security: { kind: 'blank-promissory-note', declarationSigned: true },
          deMinimisCertificateNumber: `DM/2027/${award.id.slice(0, 4)}`,
        },
        op.token,
      );
      expect([signed.status, signed.body.errors]).toEqual([200, undefined]);
      const paid = await platform.api.post(
        `/api/awards/${award.id}/payments`,
        { kind: 'tranche', amount: 100_000, paidOn: '2027-02-15' },
        op.token,
      );
      expect(paid.status).toBe(201);
    }
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  it('puts a programme and a call in the caller’s centre; another centre is 404, its counties and programmes refused', async () => {
    expect(programmeA.centreId).toBe(ZG);
    expect(programmeB.centreId).toBe(GW);
    expect(callA.centreId).toBe(ZG);
    expect(callB.centreId).toBe(GW);
    const body = {
      name: 'Program drugi',
      counties: ['0862'],
      yearlyBudgets: [],
      targets,
    };
    // a centre the caller is not staff of
    expect(
      (await platform.api.post('/api/programmes', { ...body, centreId: GW }, opA.token)).status,
    ).toBe(404);
    // counties outside the centre's
    const outside = await platform.api.post(
      '/api/programmes',
      { ...body, counties: ['0861'] },
      opA.token,
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors.map((e: any) => e.path)).toEqual(['counties[0]']);
    // staff of two centres choose
    const both = await issuer.account('admin', { centres: [ZG, GW] });
    const choose = await platform.api.post('/api/programmes', body, both.token);
    expect(choose.status).toBe(400);
    expect(choose.body.errors.map((e: any) => e.path)).toEqual(['centreId']);
    const chosen = await platform.api.post(
      '/api/programmes',
      { ...body, centreId: GW, counties: ['0861'] },
      both.token,
    );
    expect(chosen.status).toBe(201);
    expect(chosen.body.centreId).toBe(GW);
    // a platform administrator may use any existing centre, not an unknown one
    const platformAdmin = await issuer.account('platform-admin');
    const made = await platform.api.post(
      '/api/programmes',
      { ...body, name: 'Program platformy', centreId: ZG },
      platformAdmin.token,
    );
    expect(made.status).toBe(201);
    expect(made.body.centreId).toBe(ZG);
    expect(
      (
        await platform.api.post(
          '/api/programmes',
          { ...body, centreId: randomUUID() },
          platformAdmin.token,
        )
      ).status,
    ).toBe(404);
    expect((await platform.api.post('/api/programmes', body, platformAdmin.token)).status).toBe(
      400,
    );

    // a call of a programme of another centre, or in counties outside its centre
    const ofOther = await platform.api.post(
      '/api/calls',
      callRequest({ counties: ['0862'], programmeId: programmeB.id }),
      opA.token,
    );
    expect(ofOther.status).toBe(400);
    expect(ofOther.body.errors.map((e: any) => e.path)).toContain('programmeId');
    const callOutside = await platform.api.post(
      '/api/calls',
      callRequest({ counties: ['0861'] }),
      opA.token,
    );
    expect(callOutside.status).toBe(400);
    expect(callOutside.body.errors.map((e: any) => e.path)).toEqual(['counties[0]']);
    expect(
      (
        await platform.api.post(
          '/api/calls',
          { ...callRequest({ counties: ['0861'] }), centreId: GW },
          opA.token,
        )
      ).status,
    ).toBe(404);
    // the programme of a two-centre admin's call must be of the call's centre
    const mixed = await platform.api.post(
      '/api/calls',
      { ...callRequest({ counties: ['0862'], programmeId: programmeB.id }), centreId: ZG },
      both.token,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors.map((e: any) => e.path)).toContain('programmeId');
  });

  it('numbers calls per centre: both centres may run NAB/1, one centre not twice', async () => {
    const number = `NAB/1/${randomUUID().slice(0, 4)}`;
    const a = await platform.api.post(
      '/api/calls',
      callRequest({ number, counties: ['0862'] }),
      opA.token,
    );
    expect(a.status).toBe(201);
    const b = await platform.api.post(
      '/api/calls',
      callRequest({ number, counties: ['0861'] }),
      opB.token,
    );
    expect(b.status).toBe(201);
    const again = await platform.api.post(
      '/api/calls',
      callRequest({ number, counties: ['0862'] }),
      opA.token,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CALL_NUMBER_TAKEN');
  });

  it('answers an operator of Zielona Góra 404 for every Gorzów resource, and lists only Zielona Góra’s', async () => {
    const [jobB] = (await platform.api.get(`/api/awards/${awardB.id}`, opB.token)).body.jobs;
    const [decisionB] = (await platform.api.get('/api/decisions', applicantB.token)).body.items;
    expect(jobB).toBeDefined();
    expect(decisionB).toBeDefined();
    const gets = [
      `/api/programmes/${programmeB.id}`,
      `/api/calls/${callB.id}`,
      `/api/calls/${callB.id}/evaluators`,
      `/api/calls/${callB.id}/ranking`,
      `/api/calls/${callB.id}/ranking?format=csv`,
      `/api/awards/${awardB.id}`,
      `/api/awards/${awardB.id}/bridging-extension`,
      `/api/decisions/${decisionB.id}`,
    ];
    for (const path of gets) {
      const res = await platform.api.get(path, opA.token);
      expect([path, res.status]).toEqual([path, 404]);
      // and its own operator sees it
      expect([path, (await platform.api.get(path, opB.token)).status]).toEqual([path, 200]);
    }
    const posts: [string, Record<string, unknown>][] = [
      [`/api/calls/${callB.id}/publish`, {}],
      [`/api/calls/${callB.id}/ranking/approve`, {}],
      [
        `/api/calls/${callB.id}/evaluators`,
        {
          userId: randomUUID(),
          email: 'x@example.pl',
          name: 'Oceniający obcy',
          trainerOrAdviser: false,
          chair: false,
        },
      ],
      [`/api/awards/${awardB.id}/payments`, { kind: 'tranche', amount: 100, paidOn: '2027-02-15' }],
      [`/api/awards/${awardB.id}/agreement/prepare`, { signingOn: '2027-02-16' }],
      [`/api/awards/${awardB.id}/give-up`, { reason: 'Rezygnacja z udziału w projekcie' }],
      [`/api/awards/${awardB.id}/jobs/${jobB.id}/vacancy`, { vacancyDate: '2027-02-15' }],
      [
        `/api/awards/${awardB.id}/jobs/${jobB.id}/reports`,
        { period: '2027-02', jobExists: true, evidenceReference: 'ZUS DRA 2027-02' },
      ],
    ];
    for (const [path, body] of posts) {
      const res = await platform.api.post(path, body, opA.token);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const patched = await platform.api.patch(
      `/api/calls/${callB.id}`,
      { title: 'Zmieniony' },
      opA.token,
    );
    expect(patched.status).toBe(404);
    expect(
      (
        await platform.api.patch(
          `/api/programmes/${programmeB.id}`,
          { name: 'Zmieniony' },
          opA.token,
        )
      ).status,
    ).toBe(404);

    const ids = async (path: string) =>
      ((await platform.api.get(path, opA.token)).body.items as any[]).map((i) => i.id);
    // (the numbering test above added more calls of both centres)
    const calls = (await platform.api.get('/api/calls', opA.token)).body.items as any[];
    expect(calls.map((c) => c.id)).toContain(callA.id);
    expect(calls.map((c) => c.id)).not.toContain(callB.id);
    expect(calls.every((c) => c.centreId === ZG)).toBe(true);
    expect(await ids('/api/awards')).toEqual([awardA.id]);
    const programmes = (await platform.api.get('/api/programmes', opA.token)).body.items as any[];
    expect(programmes.every((p) => p.centreId === ZG)).toBe(true);
    expect(programmes.map((p) => p.id)).toContain(programmeA.id);
    // the audit log (not walled itself) shows only the entities of the caller's centres
    const audit = (await platform.api.get('/api/audit?limit=500', opA.token)).body.items as any[];
    const audited = new Set(audit.map((e) => e.entityId));
    expect(audited.has(callA.id)).toBe(true);
    expect(audited.has(awardA.id)).toBe(true);
    for (const id of [callB.id, awardB.id, programmeB.id, jobB.id, decisionB.id])
      expect(audited.has(id)).toBe(false);
    const decisions = (await platform.api.get('/api/decisions', opA.token)).body.items as any[];
    expect(decisions.map((d) => d.reference)).toEqual([appA.reference]);
    const indicators = (await platform.api.get('/api/indicators', opA.token)).body.items as any[];
    expect(indicators.every((p) => p.centreId === ZG && p.centreName === 'OWES Zielona Góra')).toBe(
      true,
    );
    const csv = await fetch(`${platform.api.url}/api/indicators?format=csv`, {
      headers: { authorization: `Bearer ${opA.token}` },
    });
    const text = await csv.text();
    expect(text).toContain('OWES Zielona Góra');
    expect(text).not.toContain('Gorzów');
    expect(text).not.toContain('0861');
    const ranking = await fetch(`${platform.api.url}/api/calls/${callA.id}/ranking?format=csv`, {
      headers: { authorization: `Bearer ${opA.token}` },
    });
    const rankingText = await ranking.text();
    expect(rankingText).toContain(appA.reference);
    expect(rankingText).not.toContain(appB.reference);
  });

  it('lets an unfiltered query inside Zielona Góra’s scope see no Gorzów row', async () => {
    const dataSource = platform.app.get(DataSource);
    await CentreScope.run([ZG], async () => {
      for (const table of [
        'awards',
        'calls',
        'applications',
        'award_jobs',
        'payments',
        'decisions',
      ]) {
        const rows: { centre_id: string }[] = await dataSource.query(
          `SELECT * FROM grants.${table}`,
        );
        expect([table, rows.length > 0]).toEqual([table, true]);
        expect([table, rows.every((r) => r.centre_id === ZG)]).toEqual([table, true]);
      }
      const awards: { id: string }[] = await dataSource.query(`SELECT * FROM grants.awards`);
      expect(awards.map((a) => a.id)).toEqual([awardA.id]);
      // nor may it write one
      const updated: unknown = await dataSource.query(
        `UPDATE grants.awards SET updated_at = now() WHERE id = $1 RETURNING id`,
        [awardB.id],
      );
      expect(JSON.stringify(updated)).not.toContain(awardB.id);
    });
    // no scope at all (an HTTP request before the guard) sees nothing
    await CentreScope.run([], async () => {
      expect(await dataSource.query(`SELECT * FROM grants.awards`)).toEqual([]);
    });
    await CentreScope.system(async () => {
      expect(await dataSource.query(`SELECT id FROM grants.awards`)).toHaveLength(2);
    });
  });

  it('names the centre in every event, Gorzów’s award with Gorzów', async () => {
    const granted = await grantsEvents(platform, 'grants.award.granted');
    expect(granted.find((e) => e.awardId === awardB.id)!.centreId).toBe(GW);
    expect(granted.find((e) => e.awardId === awardA.id)!.centreId).toBe(ZG);
    const signed = await grantsEvents(platform, 'grants.agreement.signed');
    expect(signed.find((e) => e.awardId === awardB.id)!.centreId).toBe(GW);
    const paid = await grantsEvents(platform, 'grants.payment.made');
    expect(paid.find((e) => e.awardId === awardB.id)!.centreId).toBe(GW);
    const published = await grantsEvents(platform, 'grants.call.published');
    expect(published.find((e) => e.callId === callB.id)!.centreId).toBe(GW);
    const ranking = await grantsEvents(platform, 'grants.ranking.published');
    expect(ranking.find((e) => e.callId === callB.id)!.centreId).toBe(GW);
    const assigned = await grantsEvents(platform, 'grants.evaluation.assigned');
    expect(assigned.filter((e) => e.callId === callB.id).every((e) => e.centreId === GW)).toBe(
      true,
    );
  });

  it('starts nothing new in an inactive centre', async () => {
    const closed = randomUUID();
    await publishEvent(platform, 'applications.centre.changed', {
      ...centreChanged(closed, 9, 'OWES Zamknięty', '08', ['0811']),
      active: false,
    });
    await expectEventually(async () => {
      const rows = await grantsQuery(platform, `SELECT active FROM grants.centres WHERE id = $1`, [
        closed,
      ]);
      expect(rows).toEqual([{ active: false }]);
    });
    const op = await issuer.account('operator', { centres: [closed] });
    const call = await platform.api.post(
      '/api/calls',
      callRequest({ counties: ['0811'] }),
      op.token,
    );
    expect(call.status).toBe(400);
    expect(call.body.errors.map((e: any) => e.path)).toEqual(['centreId']);
    const programme = await platform.api.post(
      '/api/programmes',
      {
        name: 'Program',
        counties: ['0811'],
        yearlyBudgets: [{ year: 2027, amount: 1_000_000 }],
        targets,
      },
      op.token,
    );
    expect(programme.status).toBe(400);
  });

  it('dead-letters an application event naming another centre than its call’s, and keeps a centre’s highest version', async () => {
    const applicant = await issuer.account('applicant');
    const wrong = acceptedPayload({ callId: callA.id, centreId: GW, applicant, amount: 1_000_000 });
    const eventId = await publishEvent(
      platform,
      'applications.application.formally-accepted',
      wrong,
    );
    await expectEventually(async () => {
      const rows = await grantsQuery(
        platform,
        `SELECT subject FROM grants.dead_letters WHERE event_id = $1`,
        [eventId],
      );
      expect(rows).toEqual([{ subject: 'applications.application.formally-accepted' }]);
    });
    expect(
      await grantsQuery(platform, `SELECT id FROM grants.applications WHERE id = $1`, [
        wrong.applicationId,
      ]),
    ).toEqual([]);

    await publishEvent(
      platform,
      'applications.centre.changed',
      centreChanged(ZG, 2, 'OWES Zielona Góra (nowa nazwa)', '08', ['0862'], 3),
    );
    await publishEvent(
      platform,
      'applications.centre.changed',
      centreChanged(ZG, 2, 'OWES Zielona Góra (stara)', '08', ['0862'], 2),
    );
    const marker = await publishEvent(
      platform,
      'applications.centre.changed',
      centreChanged(GW, 3, 'OWES Gorzów Wielkopolski', '08', ['0801', '0803', '0805', '0861'], 2),
    );
    await expectEventually(async () => {
      const rows = await grantsQuery(platform, `SELECT 1 FROM grants.inbox WHERE event_id = $1`, [
        marker,
      ]);
      expect(rows).toHaveLength(1);
    });
    expect(
      await grantsQuery(
        platform,
        `SELECT name, version, counties FROM grants.centres WHERE id = $1`,
        [ZG],
      ),
    ).toEqual([{ name: 'OWES Zielona Góra (nowa nazwa)', version: 3, counties: ['0862'] }]);
  });
});
/**
 * Issue 12, "an existing database migrates into a centre": a one-centre installation's grants
 * data (every table, as the code before tenancy wrote it) becomes centre no. 1's, nothing lost;
 * centre no. 1 serves the counties its programmes and calls served.
 */
describe('grants: migrating a one-centre installation into centre no. 1', () => {
  it('files every row under centre no. 1, walls it, and takes its counties from the programmes and calls', async () => {
    const id = uniqueId();
    const env: Record<string, string> = { DATABASE_ADMIN_URL: ADMIN_URL, DB_NAME: `owes_t_${id}` };
    for (const service of SERVICES) {
      env[`${service.toUpperCase()}_DB_ROLE`] = `owes_t_${id}_${service}`;
      env[`${service.toUpperCase()}_DB_PASSWORD`] = `pw_${id}_${service}`;
    }
    const layout = databaseLayout(env);
    await provisionDatabase({
      adminUrl: layout.adminUrl,
      database: layout.database,
      services: SERVICES.map((s) => layout.roles[s]),
    });
    const before = GRANTS_MIGRATIONS.slice(0, GRANTS_MIGRATIONS.length - 1);
    const old = createServiceDataSource({
      url: layout.urls.grants,
      schema: 'grants',
      entities: [...GRANTS_ENTITIES, ...MESSAGING_ENTITIES],
      migrations: before,
      poolSize: 2,
      applicationName: 'owes-test-grants-centres-migration',
    });
    try {
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      expect(before.at(-1)!.name).toBe('AccountsReadModel1700000000007');
      const P = randomUUID();
      const C = randomUUID();
      const A = randomUUID();
      const E = randomUUID();
      const D = randomUUID();
      const W = randomUUID();
      const J = randomUUID();
      const U = randomUUID();
      const G = randomUUID();
      await old.query(
        `INSERT INTO grants.programmes (id, name, counties, yearly_budgets, targets, created_at, updated_at)
         VALUES ($1, 'OWES Płock', '{1462,1419}', '[]', '{"groupsSupported":20,"enterprisesStrengthened":14,"enterprisesCreated":8,"jobsCreated":60}', now(), now())`,
        [P],
      );
      await old.query(
        `INSERT INTO grants.calls (id, number, title, opens_at, closes_at, budget, counties, funding_model, criteria,
            pass_threshold_percent, divergence_percent, correction_term_working_days, appeal_term_working_days,
            max_jobs_per_entity, status, created_by, created_at, updated_at, programme_id)
         VALUES ($1, 'NAB/1/2026', 'Nabór', '2026-01-01', '2026-02-01', 1000000, '{1462,1427}', '{}', '[]',
            60, 30, 7, 14, 5, 'published', $2, now(), now(), $3)`,
        [C, U, P],
      );
      await old.query(
        `INSERT INTO grants.applications (id, call_id, reference, version, state, applicant, submitted_at, updated_at)
         VALUES ($1, $2, 'OWES/2026/00001', 1, 'formally-accepted', '{}', now(), now())`,
        [A, C],
      );
      await old.query(
        `INSERT INTO grants.call_evaluators (call_id, user_id, email, name, language, trainer_or_adviser, added_at)
         VALUES ($1, $2, 'e@example.pl', 'Ewa', 'pl', false, now())`,
        [C, U],
      );
      await old.query(
        `INSERT INTO grants.evaluations (id, application_id, call_id, evaluator_id, round, seq, status, assigned_at, due_date)
         VALUES ($1, $2, $3, $4, 'first', 1, 'submitted', now(), '2026-03-01')`,
        [E, A, C, U],
      );
      await old.query(
        `INSERT INTO grants.decisions (id, call_id, application_id, outcome, standing, score, rank, amount, decided_at,
            appeal_last_day, appeal_deadline, updated_at)
         VALUES ($1, $2, $3, 'funded', 'funded', 80, 1, 500000, now(), '2026-03-20', now(), now())`,
        [D, C, A],
      );
      await old.query(
        `INSERT INTO grants.appeals (decision_id, application_id, call_id, criteria, justification, filed_by, filed_at,
            status, score_before)
         VALUES ($1, $2, $3, '{c1}', 'Uzasadnienie', $4, now(), 'pending', 80)`,
        [D, A, C, U],
      );
      await old.query(
        `INSERT INTO grants.awards (id, decision_id, application_id, call_id, reference, applicant, amount, status,
            granted_at, updated_at)
         VALUES ($1, $2, $3, $4, 'OWES/2026/00001', '{}', 500000, 'agreement-signed', now(), now())`,
        [W, D, A, C],
      );
      await old.query(
        `INSERT INTO grants.award_jobs (id, award_id, job_key, position, working_time, eligible_person, county, weight,
            start_date, funded_end_date, end_date, status, updated_at)
         VALUES ($1, $2, 'job-1', 'Kucharz', '1', true, '1462', 1, '2026-04-01', '2027-03-31', '2027-09-30', 'active', now())`,
        [J, W],
      );
      await old.query(
        `INSERT INTO grants.payments (award_id, kind, amount, paid_on, recorded_by, recorded_at)
         VALUES ($1, 'tranche', 100000, '2026-04-02', $2, now())`,
        [W, U],
      );
      await old.query(
        `INSERT INTO grants.job_reports (job_id, award_id, period, period_from, period_to, due_date, status)
         VALUES ($1, $2, '2026-Q2', '2026-04-01', '2026-06-30', '2026-07-07', 'pending')`,
        [J, W],
      );
      await old.query(
        `INSERT INTO grants.refund_claims (award_id, job_id, principal, interest, total, calculated_on, demand_date,
            due_date, periods, created_at)
         VALUES ($1, $2, 1, 0, 1, '2026-08-01', '2026-08-01', '2026-08-31', '[]', now())`,
        [W, J],
      );
      await old.query(
        `INSERT INTO grants.bridging_extension_requests (award_id, months, monthly_amount, job_ids, amount,
            justification, status, requested_by, requested_at)
         VALUES ($1, 6, 100, $2, 600, 'Uzasadnienie', 'pending', $3, now())`,
        [W, [J], U],
      );
      await old.query(
        `INSERT INTO grants.initiative_groups (id, name, county, counties, status, submitted_at, updated_at)
         VALUES ($1, 'Grupa', '1462', '{1462}', 'submitted', now(), now())`,
        [G],
      );
      const counts = async (ds: DataSource) =>
        Object.fromEntries(
          await Promise.all(
            WALLED.map(async (t) => {
              const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM grants.${t}`);
              return [t, n as number] as const;
            }),
          ),
        );
      const countsBefore = await counts(old);
      expect(Object.values(countsBefore).every((n) => n === 1)).toBe(true);
      await old.destroy();

      expect(await migrateService('grants', layout.urls.grants)).toEqual(['Centres1700000000008']);

      const now = createServiceDataSource({
        url: layout.urls.grants,
        schema: 'grants',
        entities: [...GRANTS_ENTITIES, ...MESSAGING_ENTITIES],
        migrations: GRANTS_MIGRATIONS,
        poolSize: 2,
        applicationName: 'owes-test-grants-centres-migration',
      });
      await now.initialize();
      try {
        // outside any request: every centre (as workers see it)
        expect(await counts(now)).toEqual(countsBefore);
        for (const t of WALLED) {
          expect(await now.query(`SELECT DISTINCT centre_id FROM grants.${t}`)).toEqual([
            { centre_id: DEFAULT_CENTRE_ID },
          ]);
        }
        expect(
          await now.query(
            `SELECT number, name, voivodeship, counties, version FROM grants.centres`,
          ),
        ).toEqual([
          {
            number: 1,
            name: 'Ośrodek nr 1',
            voivodeship: '14',
            counties: ['1419', '1427', '1462'],
            version: 0,
          },
        ]);
        // the walls hold: another centre sees none of it, centre no. 1 all of it
        const other = randomUUID();
        await CentreScope.run([other], async () => {
          for (const t of WALLED) {
            expect(await now.query(`SELECT * FROM grants.${t}`)).toEqual([]);
          }
        });
        await CentreScope.run([DEFAULT_CENTRE_ID], async () => {
          expect(await counts(now)).toEqual(countsBefore);
        });
        // a child inserted without its centre takes its parent's
        await now.query(
          `INSERT INTO grants.payments (award_id, kind, amount, paid_on, recorded_by, recorded_at)
           VALUES ($1, 'tranche', 1000, '2026-05-02', $2, now())`,
          [W, U],
        );
        expect(await now.query(`SELECT DISTINCT centre_id FROM grants.payments`)).toEqual([
          { centre_id: DEFAULT_CENTRE_ID },
        ]);
        // and down again: the columns and policies go, the rows stay
        await now.undoLastMigration({ transaction: 'each' });
        const [{ n }] = await now.query(`SELECT count(*)::int AS n FROM grants.payments`);
        expect(n).toBe(2);
        expect(
          await now.query(
            `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'grants' AND column_name = 'centre_id'`,
          ),
        ).toEqual([{ n: 0 }]);
      } finally {
        await now.destroy();
      }
    } finally {
      if (old.isInitialized) await old.destroy();
      await dropDatabase(
        ADMIN_URL,
        layout.database,
        SERVICES.map((s) => layout.roles[s].role),
      );
    }
  });
});
