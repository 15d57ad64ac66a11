import { jest } from '@jest/globals';
import { DEFAULT_CENTRE_ID, ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import {
  PESELS,
  groupForm,
  legalMember,
  naturalMember,
} from '../../apps/applications/test/form-fixtures.js';
import { EN, emitted, publishCall } from './applications-fixtures.js';

jest.setTimeout(60_000);

/** Initiative group enrolment (docs/product.md#initiative-groups) over HTTP. */
describe('initiative groups', () => {
  let platform: Platform;
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));
  const api = () => platform.api.applications;
  let leader: { token: string; id: string; email: string };
  let operator: { token: string; id: string };

  beforeAll(async () => {
    platform = await startPlatform({ clock, services: ['applications'] });
    // The centre's area is the union of its published calls' counties (no CENTRE_COUNTIES here).
    await publishCall(platform, { counties: ['1462', '1419'] });
    await publishCall(platform, { counties: ['1427', '1404'] });
    leader = await platform.account('applicant', { name: 'Anna Liderka' });
    operator = await platform.account('operator');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('saves a partial draft, refusing wrong types with their paths and changing nothing', async () => {
    const draft = await api().post(
      '/api/initiative-groups',
      { form: { name: 'Grupa' } },
      leader.token,
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', name: 'Grupa', form: { name: 'Grupa' } });

    const bad = await api().patch(
      `/api/initiative-groups/${draft.body.id}`,
      { form: { plannedJobs: 'trzy', members: [{ kind: 'robot' }], extra: 1 } },
      leader.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual([
      'form.extra',
      'form.members[0].kind',
      'form.plannedJobs',
    ]);
    expect(
      (await api().get(`/api/initiative-groups/${draft.body.id}`, leader.token)).body.form,
    ).toEqual({ name: 'Grupa' });
  });

  it('lists every problem of a submission at once (Polish by default, English on request)', async () => {
    const form = groupForm({
      plannedLegalForm: 'association',
      members: [
        naturalMember(0, { pesel: '44051401358', consent: false }),
        naturalMember(1, { county: '1465' }),
      ],
    });
    delete (form as Partial<typeof form>).businessIdea;
    const draft = await api().post('/api/initiative-groups', { form }, leader.token);
    expect(draft.status).toBe(201);
    const refused = await api().post(
      `/api/initiative-groups/${draft.body.id}/submit`,
      {},
      leader.token,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('FORM_INVALID');
    expect(refused.body.errors).toEqual([
      { path: 'form.businessIdea', message: 'Pole jest wymagane' },
      { path: 'form.members[0].pesel', message: 'Nieprawidłowy numer PESEL' },
      { path: 'form.members', message: expect.stringContaining('co najmniej 3 osoby fizyczne') },
      { path: 'form.members[0].consent', message: expect.stringContaining('zgoda') },
      {
        path: 'form.members[1].county',
        message:
          'Członek grupy Osoba Testowa 2: miasto stołeczne Warszawa (woj. mazowieckie) leży poza obszarem działania ośrodka',
      },
    ]);
    const english = await api().post(
      `/api/initiative-groups/${draft.body.id}/submit`,
      {},
      leader.token,
      EN,
    );
    expect(english.body.errors.find((e: any) => e.path === 'form.members[1].county').message).toBe(
      "Group member Osoba Testowa 2: the capital city of Warszawa (mazowieckie voivodeship) lies outside the centre's area",
    );
    expect(
      (await api().get(`/api/initiative-groups/${draft.body.id}`, leader.token)).body.state,
    ).toBe('draft');
  });

  it('submits a complete group once, emits an event without PESEL, and freezes it', async () => {
    const draft = await api().post('/api/initiative-groups', { form: groupForm() }, leader.token);
    const submitted = await api().post(
      `/api/initiative-groups/${draft.body.id}/submit`,
      {},
      leader.token,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      counties: ['1462', '1419', '1427'],
    });
    const again = await api().post(
      `/api/initiative-groups/${draft.body.id}/submit`,
      {},
      leader.token,
    );
    expect(again.status).toBe(200);

    const events = (await emitted(platform, 'applications.group.submitted')).filter(
      (e) => e.payload.groupId === draft.body.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      centreId: DEFAULT_CENTRE_ID,
      groupId: draft.body.id,
      name: 'Grupa inicjatywna „Zielony Płock”',
      plannedLegalForm: 'social-cooperative',
      naturalPersons: 3,
      legalPersons: 0,
      plannedJobs: 3,
      counties: ['1462', '1419', '1427'],
      submittedAt: '2026-12-02T08:00:00.000Z',
      leader: { userId: leader.id, email: leader.email, name: 'Anna Liderka', language: 'pl' },
    });
    expect(PESELS.some((pesel) => JSON.stringify(events[0]).includes(pesel))).toBe(false);

    const change = await api().patch(
      `/api/initiative-groups/${draft.body.id}`,
      { form: groupForm({ name: 'Inna' }) },
      leader.token,
    );
    expect(change.status).toBe(409);
  });

  it('accepts two legal persons founding a social cooperative', async () => {
    const form = groupForm({
      members: [
        legalMember(),
        legalMember({ krs: '0000000002', nip: '5261040828', regon: '012345675', county: '1404' }),
      ],
    });
    const draft = await api().post('/api/initiative-groups', { form }, leader.token);
    const submitted = await api().post(
      `/api/initiative-groups/${draft.body.id}/submit`,
      {},
      leader.token,
    );
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.status).toBe(200);
  });

  it('lets an operator qualify or reject a submitted group with a reason, once', async () => {
    const a = await api().post('/api/initiative-groups', { form: groupForm() }, leader.token);
    await api().post(`/api/initiative-groups/${a.body.id}/submit`, {}, leader.token);
    const b = await api().post(
      '/api/initiative-groups',
      { form: groupForm({ plannedLegalForm: 'foundation' }) },
      leader.token,
    );

    expect(
      (
        await api().post(
          `/api/initiative-groups/${b.body.id}/decision`,
          { decision: 'qualified', reason: 'Komisja rekrutacyjna' },
          operator.token,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await api().post(
          `/api/initiative-groups/${a.body.id}/decision`,
          { decision: 'qualified' },
          operator.token,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api().post(
          `/api/initiative-groups/${a.body.id}/decision`,
          { decision: 'qualified', reason: 'Pomysł realny' },
          leader.token,
        )
      ).status,
    ).toBe(403);

    const decided = await api().post(
      `/api/initiative-groups/${a.body.id}/decision`,
      { decision: 'qualified', reason: 'Pomysł realny, zespół kompletny' },
      operator.token,
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      state: 'qualified',
      decision: { decision: 'qualified', reason: 'Pomysł realny, zespół kompletny' },
    });
    const reversed = await api().post(
      `/api/initiative-groups/${a.body.id}/decision`,
      { decision: 'rejected', reason: 'Jednak nie' },
      operator.token,
    );
    expect(reversed.status).toBe(409);

    const events = (await emitted(platform, 'applications.group.qualified')).filter(
      (e) => e.payload.groupId === a.body.id,
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        decision: 'qualified',
        reason: 'Pomysł realny, zespół kompletny',
        leader: expect.objectContaining({ email: leader.email }),
      }),
    ]);

    const audit = await api().get(
      `/api/audit?entityType=initiative-group&entityId=${a.body.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: any) => e.action).sort()).toEqual([
      'created',
      'qualified',
      'submitted',
    ]);
    expect(audit.body.items.find((e: any) => e.action === 'qualified')).toMatchObject({
      actorId: operator.id,
      fromState: 'submitted',
      toState: 'qualified',
    });
    expect((await api().get('/api/audit', leader.token)).status).toBe(403);
  });

  it('shows applicants only their own groups; operators all; evaluators nothing', async () => {
    const other = await platform.account('applicant');
    const evaluator = await platform.account('evaluator');
    const mine = await api().post('/api/initiative-groups', { form: {} }, other.token);
    expect((await api().get(`/api/initiative-groups/${mine.body.id}`, leader.token)).status).toBe(
      404,
    );
    expect(
      (await api().patch(`/api/initiative-groups/${mine.body.id}`, { form: {} }, leader.token))
        .status,
    ).toBe(404);
    expect(
      (await api().post(`/api/initiative-groups/${mine.body.id}/submit`, {}, leader.token)).status,
    ).toBe(404);
    expect((await api().get(`/api/initiative-groups/${mine.body.id}`, operator.token)).status).toBe(
      200,
    );
    expect(
      (await api().get(`/api/initiative-groups/${mine.body.id}`, evaluator.token)).status,
    ).toBe(403);
    expect((await api().get('/api/initiative-groups', evaluator.token)).status).toBe(403);

    const list = await api().get('/api/initiative-groups', other.token);
    expect(list.body.items.map((g: any) => g.id)).toEqual([mine.body.id]);
    const all = await api().get(
      '/api/initiative-groups?state=qualified&pageSize=1',
      operator.token,
    );
    expect(all.body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
  });
});
