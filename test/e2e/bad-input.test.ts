import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startPlatform, type Platform } from '../support/platform.js';
import type { ApiResponse, Client } from '../support/http.js';
import { publishCall } from './applications-fixtures.js';

jest.setTimeout(120_000);

/**
 * Issue 17 §1: bad input never reaches a 500. Each class of input the fuzzing found is refused
 * once, at its depth (body parsing, the validation pipe, the page limit, the group link, the
 * unknown route), with a 4xx in the error shape, and changes nothing.
 */
describe('bad input: a clear 4xx in the error shape, nothing changed', () => {
  let platform: Platform;
  let applicant: { token: string; id: string };
  let other: { token: string; id: string };
  let operator: { token: string };
  let callId: string;
  let programmeId: string;
  let grantsCallId: string;
  let draftId: string;
  let groupId: string;

  const programme = {
    name: 'OWES Płock 2024–2027',
    counties: ['1462', '1419'],
    yearlyBudgets: [{ year: 2027, amount: 1_000_000 }],
    targets: {
      groupsSupported: 1,
      enterprisesStrengthened: 1,
      enterprisesCreated: 1,
      jobsCreated: 1,
    },
  };

  beforeAll(async () => {
    platform = await startPlatform();
    applicant = await platform.account('applicant');
    other = await platform.account('applicant');
    operator = await platform.account('operator');
    callId = (
      await publishCall(platform, {
        opensAt: '2020-01-01T08:00:00+01:00',
        closesAt: '2099-12-31T16:00:00+01:00',
      })
    ).callId;
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId, form: { applicant: { kind: 'initiative-group' } } },
      applicant.token,
    );
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
    const group = await platform.api.applications.post(
      '/api/initiative-groups',
      { form: { name: 'Grupa innego' } },
      other.token,
    );
    expect(group.status).toBe(201);
    groupId = group.body.id;
    const created = await platform.api.grants.post('/api/programmes', programme, operator.token);
    expect(created.status).toBe(201);
    programmeId = created.body.id;
    const call = await platform.api.grants.post(
      '/api/calls',
      {
        number: `NAB/${randomUUID().slice(0, 8)}`,
        title: 'Tworzenie miejsc pracy',
        opensAt: '2027-01-04T08:00:00+01:00',
        closesAt: '2027-01-20T16:00:00+01:00',
        budget: 30_000_000,
        counties: ['1462', '1419'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      },
      operator.token,
    );
    expect(call.status).toBe(201);
    grantsCallId = call.body.id;
  });

  afterAll(async () => {
    await platform?.close();
  });

  const TABLES = {
    applications: [
      'applications.users',
      'applications.applications',
      'applications.initiative_groups',
      'applications.audit_log',
    ],
    grants: ['grants.programmes', 'grants.calls'],
  } as const;

  /** Row counts and the updated_at of every row of the tables the requests would write. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const state: Record<string, unknown> = {};
    for (const [service, tables] of Object.entries(TABLES)) {
      const dataSource = platform.apps[service as 'applications' | 'grants']!.get(DataSource);
      for (const table of tables) {
        const exists = await dataSource.query(`SELECT to_regclass($1) AS t`, [table]);
        if (!exists[0].t) continue;
        state[table] = await dataSource.query(
          `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS h, count(*)::int AS n FROM ${table} t`,
        );
      }
    }
    state.programme = (
      await platform.api.grants.get(`/api/programmes/${programmeId}`, operator.token)
    ).body;
    state.call = (await platform.api.grants.get(`/api/calls/${grantsCallId}`, operator.token)).body;
    state.draft = (
      await platform.api.applications.get(`/api/applications/${draftId}`, applicant.token)
    ).body;
    return state;
  }

  function expectErrorShape(response: ApiResponse, status: number, code?: string): void {
    expect({ status: response.status, code: response.body?.code }).toEqual({
      status,
      code: code ?? response.body?.code,
    });
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toEqual({
      statusCode: status,
      code: expect.any(String),
      message: expect.any(String),
      errors: expect.any(Array),
      correlationId: expect.any(String),
    });
  }

  /** Sends a raw body (the test client would re-encode it). */
  async function rawSend(
    api: Client,
    method: string,
    path: string,
    body: string,
    token?: string,
  ): Promise<ApiResponse> {
    {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    }
  }

  it('refuses a NUL or a lone surrogate in any string of a body, naming the field', async () => {
    const before = await snapshot();
    for (const bad of ['Ala\u0000', 'x\uD800y', '\uDC00']) {
      const cases: [Client, 'post' | 'patch', string, unknown, string | undefined, string][] = [
        [
          platform.api.applications,
          'post',
          '/api/auth/register',
          {
            email: `a${randomUUID().slice(0, 6)}@example.pl`,
            password: 'Haslo-dobre-123',
            fullName: bad,
          },
          undefined,
          'fullName',
        ],
        [
          platform.api.applications,
          'post',
          '/api/initiative-groups',
          { form: { name: bad } },
          applicant.token,
          'form.name',
        ],
        [
          platform.api.applications,
          'post',
          '/api/applications',
          { callId, form: { applicant: { kind: 'initiative-group', name: bad } } },
          applicant.token,
          'form.applicant.name',
        ],
        [
          platform.api.applications,
          'patch',
          `/api/applications/${draftId}`,
          { form: { businessPlan: { summary: [bad] } } },
          applicant.token,
          'form.businessPlan.summary[0]',
        ],
        [
          platform.api.grants,
          'post',
          '/api/programmes',
          { ...programme, name: bad },
          operator.token,
          'name',
        ],
        [
          platform.api.grants,
          'patch',
          `/api/programmes/${programmeId}`,
          { name: bad },
          operator.token,
          'name',
        ],
        [
          platform.api.grants,
          'patch',
          `/api/calls/${grantsCallId}`,
          { title: bad },
          operator.token,
          'title',
        ],
        [
          platform.api.grants,
          'patch',
          `/api/calls/${grantsCallId}`,
          { [`k${bad}`]: 1 },
          operator.token,
          'k',
        ],
      ];
      for (const [api, method, path, body, token, field] of cases) {
        const response =
          method === 'post'
            ? await api.post(path, body, token)
            : await api.patch(path, body, token);
        expectErrorShape(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([
          expect.stringContaining(field),
        ]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses %00 in query strings of every service', async () => {
    const cases: [Client, string, string][] = [
      [platform.api.applications, '/api/applications?q=%00', operator.token],
      [platform.api.applications, '/api/initiative-groups?state=%00', operator.token],
      [platform.api.notifications, '/api/deliveries?reference=%00', operator.token],
      [platform.api.notifications, '/api/deliveries?recipient=%00', operator.token],
    ];
    for (const [api, path, token] of cases) {
      const response = await api.get(path, token);
      expectErrorShape(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses JSON nested 5,000 levels deep at body parsing', async () => {
    const before = await snapshot();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const cases: [Client, string, string, string, string | undefined][] = [
      [platform.api.applications, 'POST', '/api/auth/register', `{"fullName":${deep}}`, undefined],
      [
        platform.api.applications,
        'POST',
        '/api/initiative-groups',
        `{"form":{"name":${deep}}}`,
        applicant.token,
      ],
      [
        platform.api.applications,
        'POST',
        '/api/applications',
        `{"callId":"${callId}","form":{"a":${deep}}}`,
        applicant.token,
      ],
      [
        platform.api.applications,
        'PATCH',
        `/api/applications/${draftId}`,
        `{"form":${deep.replace('[]', '{}')}}`,
        applicant.token,
      ],
      [
        platform.api.grants,
        'PATCH',
        `/api/programmes/${programmeId}`,
        `{"targets":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
        operator.token,
      ],
      [platform.api.grants, 'POST', '/api/calls', deep, operator.token],
      [platform.api.notifications, 'POST', '/api/deliveries', deep, operator.token],
    ];
    for (const [api, method, path, body, token] of cases) {
      expectErrorShape(await rawSend(api, method, path, body, token), 400, 'JSON_TOO_DEEP');
    }
    // 64 levels still parse (and reach validation).
    const ok = await rawSend(
      platform.api.applications,
      'PATCH',
      `/api/applications/${draftId}`,
      `{"form":{"x":${'['.repeat(60)}${']'.repeat(60)}}}`,
      applicant.token,
    );
    expect(ok.body?.code).not.toBe('JSON_TOO_DEEP');
    expect(ok.status).toBeLessThan(500);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a page past the last on every paged list', async () => {
    const lists: [Client, string, string][] = [
      [platform.api.applications, '/api/applications', operator.token],
      [platform.api.applications, '/api/applications', applicant.token],
      [platform.api.applications, '/api/initiative-groups', operator.token],
      [platform.api.applications, '/api/audit', operator.token],
      [platform.api.notifications, '/api/deliveries', operator.token],
      [platform.api.notifications, '/api/reminders', operator.token],
    ];
    for (const [api, path, token] of lists) {
      for (const page of ['99999999999999999999', '1e400', '1000001']) {
        const response = await api.get(`${path}?page=${page}`, token);
        if (response.status === 403 || response.status === 404) continue;
        expectErrorShape(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['page']);
      }
      const last = await api.get(`${path}?page=1000000`, token);
      expect(last.status).toBeLessThan(500);
    }
  });

  it('refuses null for a field of a PATCH', async () => {
    const before = await snapshot();
    const cases: [string, unknown, string][] = [
      [`/api/programmes/${programmeId}`, { name: null }, 'name'],
      [`/api/programmes/${programmeId}`, { counties: null }, 'counties'],
      [
        `/api/programmes/${programmeId}`,
        { targets: { ...programme.targets, peopleTrained: null } },
        'targets.peopleTrained',
      ],
      [`/api/calls/${grantsCallId}`, { counties: null }, 'counties'],
      [`/api/calls/${grantsCallId}`, { passThresholdPercent: null }, 'passThresholdPercent'],
      [`/api/calls/${grantsCallId}`, { title: null }, 'title'],
    ];
    for (const [path, body, field] of cases) {
      const response = await platform.api.grants.patch(path, body, operator.token);
      expectErrorShape(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers a group id of no group exactly as another applicant's group", async () => {
    const answers = [];
    for (const id of [randomUUID(), groupId]) {
      const form = { applicant: { kind: 'initiative-group', groupId: id, county: '1462' } };
      const created = await platform.api.applications.post(
        '/api/applications',
        { callId, form },
        applicant.token,
      );
      expect(created.status).toBe(201);
      const saved = await platform.api.applications.patch(
        `/api/applications/${created.body.id}`,
        { form },
        applicant.token,
      );
      expect(saved.status).toBe(200);
      const submitted = await platform.api.applications.post(
        `/api/applications/${created.body.id}/submit`,
        {},
        applicant.token,
      );
      expect(submitted.status).toBeLessThan(500);
      expectErrorShape(submitted, submitted.status);
      answers.push({
        created: created.status,
        saved: saved.status,
        submitted: submitted.status,
        code: submitted.body.code,
        group: submitted.body.errors.filter((e: { path: string }) => e.path.includes('groupId')),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].group.length).toBe(1);
  });

  it('answers unknown routes with the error shape in every service', async () => {
    for (const api of [
      platform.api.applications,
      platform.api.grants,
      platform.api.notifications,
    ]) {
      for (const path of ['/api/no-such-route', '/no-such-route', '/', '/health/nothing']) {
        expectErrorShape(await api.get(path), 404, 'NOT_FOUND');
        expectErrorShape(await api.post(path, {}), 404, 'NOT_FOUND');
      }
    }
  });
});
