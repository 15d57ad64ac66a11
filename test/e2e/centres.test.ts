import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { CentreScope, DEFAULT_CENTRE_ID, ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import { emitted, publishCall } from './applications-fixtures.js';

jest.setTimeout(120_000);

const at = (iso: string) => new Date(iso);

const centre = (over: Record<string, unknown>) => ({
  name: 'OWES',
  accreditationNumber: `AKR-${randomUUID().slice(0, 8)}`,
  voivodeship: '08',
  counties: ['0802'],
  address: 'ul. Testowa 1',
  contactEmail: 'biuro@owes.example.pl',
  contactPhone: '+48 68 000 00 00',
  senderName: 'OWES',
  senderEmail: 'owes@owes.example.pl',
  signature: 'Zespół OWES',
  operatorsMailbox: ['operatorzy@owes.example.pl'],
  ...over,
});

/**
 * Several centres in one installation (docs/tenancy.md): the centre record, staff per centre, the
 * coordinator's region, and the walls — over HTTP and in the database itself.
 */
describe('centres and their walls', () => {
  let platform: Platform;
  const clock = new ManualClock(at('2026-12-02T09:00:00+01:00'));
  const api = () => platform.api.applications;
  let root: { token: string; id: string };
  let zg: string;
  let gw: string;
  let zgAdmin: { token: string; id: string };
  let gwAdmin: { token: string; id: string };
  let zgOperator: { token: string; id: string; email: string; password: string };
  let applicant: { token: string; id: string };
  let zgApplication: string;
  let gwApplication: string;
  let gwGroup: string;

  const login = async (email: string, password: string) =>
    (await api().post('/api/auth/login', { email, password })).body.accessToken as string;

  beforeAll(async () => {
    platform = await startPlatform({ clock, services: ['applications'] });
    root = await platform.account('platform-admin');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('lets the platform administrator create centres, numbered, each published in full', async () => {
    const created = await api().post(
      '/api/centres',
      centre({
        name: 'OWES Zielona Góra',
        counties: ['0802', '0804', '0807', '0809', '0811', '0862'],
      }),
      root.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 2, version: 1, voivodeship: '08', active: true });
    zg = created.body.id;
    const second = await api().post(
      '/api/centres',
      centre({ name: 'OWES Gorzów Wielkopolski', counties: ['0801', '0861', '0803'] }),
      root.token,
    );
    expect(second.status).toBe(201);
    gw = second.body.id;
    expect(second.body.number).toBe(3);

    const events = (await emitted(platform, 'applications.centre.changed')).map((e) => e.payload);
    const zgEvent = events.find((e) => e.centreId === zg);
    expect(zgEvent).toMatchObject({
      centreId: zg,
      version: 1,
      number: 2,
      name: 'OWES Zielona Góra',
      voivodeship: '08',
      counties: ['0802', '0804', '0807', '0809', '0811', '0862'],
      contact: { email: 'biuro@owes.example.pl', phone: '+48 68 000 00 00' },
      mail: {
        senderName: 'OWES',
        senderEmail: 'owes@owes.example.pl',
        signature: 'Zespół OWES',
        operatorsMailbox: ['operatorzy@owes.example.pl'],
      },
      active: true,
    });
    // centre no. 1 came with the migration, and was published too
    expect(events.some((e) => e.centreId === DEFAULT_CENTRE_ID)).toBe(true);

    const list = await api().get('/api/centres');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: any) => c.number)).toEqual([1, 2, 3]);
    expect(list.body.items[1]).not.toHaveProperty('accreditationNumber');
    expect((await api().get(`/api/centres/${gw}`)).body.name).toBe('OWES Gorzów Wielkopolski');
    expect((await api().get(`/api/centres/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses bad centres and changes nothing', async () => {
    const before = (await emitted(platform, 'applications.centre.changed')).length;
    const foreign = await api().post('/api/centres', centre({ counties: ['1462'] }), root.token);
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('CENTRE_INVALID');
    const bad = await api().post('/api/centres', centre({ contactEmail: 'nie-adres' }), root.token);
    expect(bad.status).toBe(400);
    const existing = (await api().get(`/api/centres`)).body.items.length;
    const twin = centre({ accreditationNumber: 'AKR-TWIN' });
    expect((await api().post('/api/centres', twin, root.token)).status).toBe(201);
    const dup = await api().post('/api/centres', twin, root.token);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CENTRE_TAKEN');
    expect((await api().post('/api/centres', centre({ number: 2 }), root.token)).status).toBe(409);
    const operator = await platform.account('operator', { centres: [DEFAULT_CENTRE_ID] });
    expect((await api().post('/api/centres', centre({}), operator.token)).status).toBe(403);
    expect((await api().get(`/api/centres`)).body.items.length).toBe(existing + 1);
    expect((await emitted(platform, 'applications.centre.changed')).length).toBe(before + 1);
  });

  it('has centre admins add their staff; another centre’s admin gets 404', async () => {
    zgAdmin = await platform.account('admin', { centres: [zg] });
    gwAdmin = await platform.account('admin', { centres: [gw] });
    expect(decodeJwt(zgAdmin.token).ctr).toEqual([zg]);
    const someone = await platform.account('applicant');
    zgOperator = { ...(someone as any) };
    const added = await api().post(
      `/api/centres/${zg}/staff`,
      { email: someone.email, role: 'operator' },
      zgAdmin.token,
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ role: 'operator' });
    // the applicant token of before is dead: membership changes end old tokens
    expect((await api().get('/api/auth/me', someone.token)).status).toBe(401);
    zgOperator.token = await login(someone.email, someone.password);
    expect(decodeJwt(zgOperator.token)).toMatchObject({ roles: ['operator'], ctr: [zg] });

    expect(
      (
        await api().post(
          `/api/centres/${zg}/staff`,
          { email: someone.email, role: 'operator' },
          gwAdmin.token,
        )
      ).status,
    ).toBe(404);
    expect((await api().get(`/api/centres/${zg}/staff`, gwAdmin.token)).status).toBe(404);
    expect(
      (await api().patch(`/api/centres/${zg}`, { name: 'Przejęty' }, gwAdmin.token)).status,
    ).toBe(404);
    expect(
      (await api().patch(`/api/centres/${zg}`, { name: 'X OWES' }, zgOperator.token)).status,
    ).toBe(403);
    const staff = await api().get(`/api/centres/${zg}/staff`, zgAdmin.token);
    expect(staff.body.items.map((u: any) => u.id).sort()).toEqual([zgAdmin.id, someone.id].sort());

    const renamed = await api().patch(
      `/api/centres/${zg}`,
      { address: 'ul. Nowa 2' },
      zgAdmin.token,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    const events = (await emitted(platform, 'applications.centre.changed')).map((e) => e.payload);
    expect(events.filter((e) => e.centreId === zg).map((e) => e.version)).toEqual([1, 2]);

    // the users list of a centre admin is its centres' staff only
    const users = await api().get('/api/users', gwAdmin.token);
    expect(users.body.items.map((u: any) => u.id)).toEqual([gwAdmin.id]);
    expect((await api().post(`/api/users/${someone.id}/disable`, {}, gwAdmin.token)).status).toBe(
      404,
    );
  });

  it('walls an operator of Zielona Góra off every Gorzów resource', async () => {
    const zgCall = (await publishCall(platform, { centreId: zg })).callId;
    const gwCall = (await publishCall(platform, { centreId: gw })).callId;
    applicant = await platform.account('applicant');
    const submit = async (callId: string) => {
      const draft = await api().post(
        '/api/applications',
        { callId, form: applicationForm(1) },
        applicant.token,
      );
      if (draft.status !== 201) console.log(JSON.stringify(draft.body));
      expect(draft.status).toBe(201);
      const done = await api().post(
        `/api/applications/${draft.body.id}/submit`,
        {},
        applicant.token,
      );
      expect(done.status).toBe(200);
      return draft.body.id as string;
    };
    zgApplication = await submit(zgCall);
    gwApplication = await submit(gwCall);
    const gwGroupResponse = await api().post(
      '/api/initiative-groups',
      { form: { name: 'Grupa z Gorzowa' }, centreId: gw },
      applicant.token,
    );
    expect(gwGroupResponse.status).toBe(201);
    expect(gwGroupResponse.body.centreId).toBe(gw);
    gwGroup = gwGroupResponse.body.id;
    const submitted = (await emitted(platform, 'applications.application.submitted')).map(
      (e) => e.payload,
    );
    expect(submitted.find((e) => e.applicationId === gwApplication)?.centreId).toBe(gw);

    const t = zgOperator.token;
    expect((await api().get(`/api/applications/${zgApplication}`, t)).status).toBe(200);
    for (const path of [
      `/api/applications/${gwApplication}`,
      `/api/applications/${gwApplication}/versions`,
      `/api/applications/${gwApplication}/conflicts`,
      `/api/initiative-groups/${gwGroup}`,
    ])
      expect([path, (await api().get(path, t)).status]).toEqual([path, 404]);
    const check = await api().post(
      `/api/applications/${gwApplication}/formal-check`,
      { result: 'accepted' },
      t,
    );
    expect(check.status).toBe(404);
    const list = await api().get('/api/applications', t);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: any) => a.id)).toEqual([zgApplication]);
    const groups = await api().get('/api/initiative-groups', t);
    expect(groups.body.items).toEqual([]);
    const csv = await api().get('/api/applications/export.csv', t);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain(gwApplication);

    // the applicant sees both of theirs
    expect((await api().get(`/api/applications/${gwApplication}`, applicant.token)).status).toBe(
      200,
    );
  });

  it('keeps a deliberately unfiltered query in a Zielona Góra transaction off Gorzów rows', async () => {
    const dataSource = platform.apps.applications!.get(DataSource);
    const rows: { id: string; centre_id: string }[] = await CentreScope.run([zg], () =>
      dataSource.transaction((m) => m.query(`SELECT * FROM applications.applications`)),
    );
    expect(rows.map((r) => r.id)).toEqual([zgApplication]);
    const versions: { centre_id: string }[] = await CentreScope.run([zg], () =>
      dataSource.query(`SELECT centre_id FROM applications.application_versions`),
    );
    expect(new Set(versions.map((v) => v.centre_id))).toEqual(new Set([zg]));
    const groups: unknown[] = await CentreScope.run([zg], () =>
      dataSource.query(`SELECT * FROM applications.initiative_groups`),
    );
    expect(groups).toEqual([]);
    const none: unknown[] = await CentreScope.run([], () =>
      dataSource.query(`SELECT * FROM applications.applications`),
    );
    expect(none).toEqual([]);
    const all: unknown[] = await CentreScope.system(() =>
      dataSource.query(`SELECT * FROM applications.applications`),
    );
    expect(all).toHaveLength(2);
  });

  it('ends old tokens when staff leave a centre', async () => {
    const before = zgOperator.token;
    const removed = await api().call('DELETE', `/api/centres/${zg}/staff/${zgOperator.id}`, {
      token: zgAdmin.token,
    });
    expect(removed.status).toBe(204);
    expect((await api().get('/api/applications', before)).status).toBe(401);
    const after = await login(zgOperator.email, zgOperator.password);
    expect(decodeJwt(after).ctr).toEqual([]);
    // a staff token with no centre sees nothing
    const list = await api().get('/api/applications', after);
    expect(list.body.items).toEqual([]);
    expect((await api().get(`/api/applications/${zgApplication}`, after)).status).toBe(404);
  });

  it('gives a coordinator the centres of the region', async () => {
    const coordinator = await platform.account('coordinator');
    expect(decodeJwt(coordinator.token).ctr).toEqual([]);
    const set = await api().put(
      `/api/users/${coordinator.id}/coordinator-scope`,
      { voivodeship: '08' },
      root.token,
    );
    expect(set.status).toBe(200);
    expect((await api().get('/api/auth/me', coordinator.token)).status).toBe(401);
    const token = await login(coordinator.email, coordinator.password);
    const region = (await api().get('/api/centres')).body.items
      .filter((c: any) => c.voivodeship === '08')
      .map((c: any) => c.id)
      .sort();
    expect([...(decodeJwt(token).ctr as string[])].sort()).toEqual(region);
    expect(region).toEqual(expect.arrayContaining([zg, gw]));

    const listed = await api().put(
      `/api/users/${coordinator.id}/coordinator-scope`,
      { centreIds: [DEFAULT_CENTRE_ID] },
      root.token,
    );
    expect(listed.status).toBe(200);
    expect(decodeJwt(await login(coordinator.email, coordinator.password)).ctr).toEqual([
      DEFAULT_CENTRE_ID,
    ]);
    const notCoordinator = await api().put(
      `/api/users/${zgAdmin.id}/coordinator-scope`,
      { voivodeship: '08' },
      root.token,
    );
    expect(notCoordinator.status).toBe(409);
    expect(
      (
        await api().put(
          `/api/users/${coordinator.id}/coordinator-scope`,
          { voivodeship: '08' },
          zgAdmin.token,
        )
      ).status,
    ).toBe(403);
  });

  it('refuses a staff account without a centre when several are active', async () => {
    await expect(platform.account('operator')).rejects.toThrow(/Several centres/);
  });

  it('keeps centres in line with a role changed over PUT /api/users/:id/role', async () => {
    const dataSource = platform.apps.applications!.get(DataSource);
    const staffOf = async (id: string) =>
      (
        (await dataSource.query(
          `SELECT centre_id FROM applications.centre_staff WHERE user_id = $1 ORDER BY centre_id`,
          [id],
        )) as { centre_id: string }[]
      ).map((r) => r.centre_id);
    const role = (id: string, to: string, token: string) =>
      api().put(`/api/users/${id}/role`, { role: to }, token);

    // a centre admin promotes its operator: still staff of the centre, and only of it
    const operator = await platform.account('operator', { centres: [zg] });
    const promoted = await role(operator.id, 'admin', zgAdmin.token);
    expect(promoted.status).toBe(200);
    expect(await staffOf(operator.id)).toEqual([zg]);
    const adminToken = await login(operator.email, operator.password);
    expect(decodeJwt(adminToken)).toMatchObject({ roles: ['admin'], ctr: [zg] });

    // demoted: off the centre in the same change, so its next token has no centre
    const demoted = await role(operator.id, 'applicant', zgAdmin.token);
    expect(demoted.status).toBe(200);
    expect(await staffOf(operator.id)).toEqual([]);
    expect((await api().get('/api/auth/me', adminToken)).status).toBe(401);
    expect(decodeJwt(await login(operator.email, operator.password))).toMatchObject({
      roles: ['applicant'],
      ctr: [],
    });
    // no longer its staff: the centre admin no longer manages the account
    expect((await role(operator.id, 'operator', zgAdmin.token)).status).toBe(404);

    // the platform administrator (no centre of its own, several active) cannot tell the centre
    const placeless = await role(operator.id, 'operator', root.token);
    expect(placeless.status).toBe(400);
    expect(placeless.body.code).toBe('CENTRE_REQUIRED');
    expect(placeless.body.message).toContain('/api/centres/:id/staff');
    expect(
      (await api().get(`/api/users?q=${encodeURIComponent(operator.email)}`, root.token)).body
        .items[0].role,
    ).toBe('applicant');

    // an operator of two centres made evaluator leaves both, published once
    const both = await platform.account('operator', { centres: [zg, gw] });
    expect(await staffOf(both.id)).toEqual([zg, gw].sort());
    expect((await role(both.id, 'evaluator', root.token)).status).toBe(200);
    expect(await staffOf(both.id)).toEqual([]);
    const changes = (await emitted(platform, 'applications.account.changed'))
      .map((e) => e.payload)
      .filter((p) => p.userId === both.id);
    expect(changes).toEqual([
      expect.objectContaining({ reason: 'role-changed', roles: ['evaluator'] }),
    ]);
  });
});
