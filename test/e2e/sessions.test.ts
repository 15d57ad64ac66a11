import { jest } from '@jest/globals';
import { exportPKCS8, generateKeyPair, SignJWT, decodeProtectedHeader } from 'jose';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { changeAccount } from '../../tools/src/users-admin.js';
import { emitted } from './applications-fixtures.js';

jest.setTimeout(120_000);

/**
 * Sessions and revocation (docs/architecture.md#sessions-and-revocation): short-lived access
 * tokens with rotating refresh tokens, reuse detection, logout, and role changes, disables and
 * password changes taking effect in all three services — at once in applications, as soon as
 * the read models have the event elsewhere (awaited, never slept through).
 */
describe('sessions and revocation', () => {
  let platform: Platform;
  let privateKey: CryptoKey;
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));
  const apps = () => platform.api.applications;

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256', { extractable: true });
    privateKey = keys.privateKey;
    const settings = {
      JWT_TTL_SECONDS: '600',
      SESSION_TTL_HOURS: '336',
      PUBLIC_WEB_URL: 'https://wnioski.owes.example',
    };
    platform = await startPlatform({
      clock,
      env: {
        applications: { ...settings, JWT_PRIVATE_KEY: await exportPKCS8(keys.privateKey) },
        grants: settings,
        notifications: settings,
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  /** What an operator's token may read in each service: 200, or the status it gets instead. */
  const staffReads = async (token: string) => ({
    applications: (await apps().get('/api/applications/export.csv', token)).status,
    grants: (await platform.api.grants.get('/api/programmes', token)).status,
    notifications: (await platform.api.notifications.get('/api/deliveries', token)).status,
  });
  const everywhere = (status: number) => ({
    applications: status,
    grants: status,
    notifications: status,
  });
  const login = async (email: string, password: string) => {
    const response = await apps().post('/api/auth/login', { email, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string; expiresIn: number };
  };

  it('logs in with a ten-minute access token carrying the session and a refresh token', async () => {
    const user = await platform.account('applicant');
    const tokens = await login(user.email, user.password);
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
    expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(40);
    const claims = JSON.parse(
      Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString(),
    );
    expect(claims).toMatchObject({ sub: user.id, tv: 0, sid: expect.any(String) });
    expect(claims.exp - claims.iat).toBe(600);
    expect(decodeProtectedHeader(tokens.accessToken).alg).toBe('ES256');
  });

  it('refuses an expired access token in every service; the refresh token gives a new one', async () => {
    const operator = await platform.account('operator');
    const tokens = await login(operator.email, operator.password);
    expect(await staffReads(tokens.accessToken)).toEqual(everywhere(200));
    clock.advance(601_000);
    expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401));
    const refreshed = await apps().post('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(await staffReads(refreshed.body.accessToken)).toEqual(everywhere(200));
  });

  it('rotates refresh tokens and ends the whole session when a used one comes back', async () => {
    const user = await platform.account('operator');
    const first = await login(user.email, user.password);
    const second = await apps().post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await apps().post('/api/auth/refresh', {
      refreshToken: second.body.refreshToken,
    });
    expect(third.status).toBe(200);
    expect(await staffReads(third.body.accessToken)).toEqual(everywhere(200));

    // the first refresh token again: stolen or replayed — the family ends
    const reused = await apps().post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
    const latest = await apps().post('/api/auth/refresh', {
      refreshToken: third.body.refreshToken,
    });
    expect(latest.status).toBe(401);
    expect((await apps().get('/api/audit', third.body.accessToken)).status).toBe(401);
    await expectEventually(async () =>
      expect(await staffReads(third.body.accessToken)).toEqual(everywhere(401)),
    );
    // another session of the same account is untouched
    const other = await login(user.email, user.password);
    expect(await staffReads(other.accessToken)).toEqual(everywhere(200));

    const audit = await apps().get(
      `/api/audit?entityType=user&entityId=${user.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain(
      'refresh-token-reused',
    );
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: 'not-a-refresh-token-at-all' })).body
        .code,
    ).toBe('INVALID_REFRESH_TOKEN');
  });

  it('logout ends the session: its refresh token at once, its access token everywhere', async () => {
    const user = await platform.account('operator');
    const tokens = await login(user.email, user.password);
    const kept = await login(user.email, user.password);
    const out = await apps().post('/api/auth/logout', {}, tokens.accessToken);
    expect(out.status).toBe(204);
    expect((await apps().get('/api/audit', tokens.accessToken)).status).toBe(401);
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);
    await expectEventually(async () =>
      expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401)),
    );
    expect(await staffReads(kept.accessToken)).toEqual(everywhere(200));
    // with only the refresh token (the access token has expired), and twice: the same answer
    const byRefresh = await apps().post('/api/auth/logout', { refreshToken: kept.refreshToken });
    expect(byRefresh.status).toBe(204);
    expect(
      (await apps().post('/api/auth/logout', { refreshToken: kept.refreshToken })).status,
    ).toBe(204);
    await expectEventually(async () =>
      expect(await staffReads(kept.accessToken)).toEqual(everywhere(401)),
    );
  });

  it('a demoted operator loses the powers at once here and within seconds elsewhere', async () => {
    const admin = await platform.account('admin');
    const operator = await platform.account('operator');
    const tokens = await login(operator.email, operator.password);
    expect(await staffReads(tokens.accessToken)).toEqual(everywhere(200));

    const demoted = await apps().put(
      `/api/users/${operator.id}/role`,
      { role: 'applicant' },
      admin.token,
    );
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ id: operator.id, role: 'applicant', disabled: false });
    expect((await apps().get('/api/audit', tokens.accessToken)).status).toBe(401);
    await expectEventually(async () =>
      expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401)),
    );
    // the session stays: its next refresh carries the new role
    const refreshed = await apps().post('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(await staffReads(refreshed.body.accessToken)).toEqual(everywhere(403));

    const audit = await apps().get(
      `/api/audit?entityType=user&entityId=${operator.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'role-changed',
          fromState: 'operator',
          toState: 'applicant',
          actorId: admin.id,
        }),
      ]),
    );
    const events = await emitted(platform, 'applications.account.changed');
    expect(events.map((e) => e.payload)).toContainEqual(
      expect.objectContaining({
        userId: operator.id,
        roles: ['applicant'],
        reason: 'role-changed',
      }),
    );
  });

  it('a disabled account is refused everywhere, cannot log in or refresh, until enabled', async () => {
    const admin = await platform.account('admin');
    const operator = await platform.account('operator');
    const tokens = await login(operator.email, operator.password);
    const disabled = await apps().post(`/api/users/${operator.id}/disable`, {}, admin.token);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    await expectEventually(async () =>
      expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401)),
    );
    const refused = await apps().post('/api/auth/login', {
      email: operator.email,
      password: operator.password,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);

    expect((await apps().post(`/api/users/${operator.id}/enable`, {}, admin.token)).status).toBe(
      200,
    );
    const back = await login(operator.email, operator.password);
    await expectEventually(async () =>
      expect(await staffReads(back.accessToken)).toEqual(everywhere(200)),
    );
    // an administrator cannot lock themselves out; others may not administer at all
    const self = await apps().post(`/api/users/${admin.id}/disable`, {}, admin.token);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('OWN_ACCOUNT');
    expect((await apps().get('/api/users', back.accessToken)).status).toBe(403);
    const list = await apps().get(
      `/api/users?q=${encodeURIComponent(operator.email)}`,
      admin.token,
    );
    expect(list.body).toMatchObject({ total: 1, items: [{ id: operator.id, disabled: false }] });
  });

  it('the CLI demotes, disables and enables too: published, refused everywhere', async () => {
    const operator = await platform.account('operator');
    const tokens = await login(operator.email, operator.password);
    const url = platform.db.layout.urls.applications;
    expect(
      await changeAccount(url, { command: 'set-role', email: operator.email, role: 'evaluator' }),
    ).toMatch(/^role-changed /);
    expect((await apps().get('/api/audit', tokens.accessToken)).status).toBe(401);
    await expectEventually(async () =>
      expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401)),
    );
    const evaluator = await login(operator.email, operator.password);
    expect(await staffReads(evaluator.accessToken)).toEqual(everywhere(403));

    await changeAccount(url, { command: 'disable', email: operator.email });
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: evaluator.refreshToken })).status,
    ).toBe(401);
    expect(
      (await apps().post('/api/auth/login', { email: operator.email, password: operator.password }))
        .body.code,
    ).toBe('ACCOUNT_DISABLED');
    expect(await changeAccount(url, { command: 'disable', email: operator.email })).toMatch(
      /^Nothing to change/,
    );
    await changeAccount(url, { command: 'enable', email: operator.email });
    await login(operator.email, operator.password);
    const events = (await emitted(platform, 'applications.account.changed'))
      .map((e) => e.payload)
      .filter((p) => p.userId === operator.id);
    expect(events.map((p) => [p.reason, p.tokenVersion, p.disabled])).toEqual([
      ['role-changed', 1, false],
      ['disabled', 2, true],
      ['enabled', 3, false],
    ]);
    await expect(
      changeAccount(url, { command: 'disable', email: 'nobody@example.pl' }),
    ).rejects.toThrow(/No account/);
  });

  it('a password change ends every other session and gives the caller a new token', async () => {
    const user = await platform.account('operator');
    const mine = await login(user.email, user.password);
    const other = await login(user.email, user.password);
    const weak = await apps().put(
      '/api/auth/me/password',
      { currentPassword: user.password, newPassword: 'qwerty123456' },
      mine.accessToken,
    );
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    const wrong = await apps().put(
      '/api/auth/me/password',
      { currentPassword: 'not-my-password-1', newPassword: 'Ryba-Kominek-Zegar-77' },
      mine.accessToken,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_INVALID');

    const changed = await apps().put(
      '/api/auth/me/password',
      { currentPassword: user.password, newPassword: 'Ryba-Kominek-Zegar-77' },
      mine.accessToken,
    );
    expect(changed.status).toBe(200);
    expect(await staffReads(changed.body.accessToken)).toEqual(everywhere(200));
    await expectEventually(async () => {
      expect(await staffReads(other.accessToken)).toEqual(everywhere(401));
      expect(await staffReads(mine.accessToken)).toEqual(everywhere(401));
    });
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: other.refreshToken })).status,
    ).toBe(401);
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: mine.refreshToken })).status,
    ).toBe(200);
    expect(
      (await apps().post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    await login(user.email, 'Ryba-Kominek-Zegar-77');
  });

  it('a forgotten password: one-time expiring link, every session ended after the reset', async () => {
    const user = await platform.account('operator');
    const tokens = await login(user.email, user.password);
    const unknown = await apps().post('/api/auth/password/forgot', { email: 'nobody@example.pl' });
    const known = await apps().post('/api/auth/password/forgot', { email: user.email });
    expect({ status: known.status, body: known.body }).toEqual({
      status: unknown.status,
      body: unknown.body,
    });
    expect(known.status).toBe(202);
    const requests = await emitted(platform, 'applications.account.password-reset-requested');
    expect(requests.map((e) => e.payload.recipient.email)).toEqual([user.email]);
    const link = new URL(requests[0].payload.resetUrl);
    expect(link.origin + link.pathname).toBe('https://wnioski.owes.example/reset-password');
    expect(requests[0].payload.expiresAt).toBe(
      new Date(clock.now().getTime() + 3_600_000).toISOString(),
    );
    const token = link.searchParams.get('token')!;

    const weak = await apps().post('/api/auth/password/reset', { token, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    const reset = await apps().post('/api/auth/password/reset', {
      token,
      password: 'Szafa-Latarnia-Obłok-42',
    });
    expect(reset.status).toBe(204);
    const again = await apps().post('/api/auth/password/reset', {
      token,
      password: 'Szafa-Latarnia-Obłok-43',
    });
    expect(again.body.code).toBe('RESET_TOKEN_INVALID');
    expect((await apps().get('/api/audit', tokens.accessToken)).status).toBe(401);
    expect(
      (await apps().post('/api/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);
    await expectEventually(async () =>
      expect(await staffReads(tokens.accessToken)).toEqual(everywhere(401)),
    );
    await login(user.email, 'Szafa-Latarnia-Obłok-42');

    // a link expires after an hour
    await apps().post('/api/auth/password/forgot', { email: user.email });
    const late = (await emitted(platform, 'applications.account.password-reset-requested')).at(-1)!;
    clock.advance(3_600_000);
    const expired = await apps().post('/api/auth/password/reset', {
      token: new URL(late.payload.resetUrl).searchParams.get('token'),
      password: 'Szafa-Latarnia-Obłok-44',
    });
    expect(expired.body.code).toBe('RESET_TOKEN_EXPIRED');
  });

  it('still refuses forged tokens: none, HS256 with the public key, tampered, unknown kid, wrong issuer or audience', async () => {
    const operator = await platform.account('operator');
    const tokens = await login(operator.email, operator.password);
    const [header, payload, signature] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwks = (await apps().get('/api/auth/jwks.json')).body.keys[0];
    const kid = jwks.kid;
    const sign = (extra: Record<string, unknown>, head: Record<string, unknown> = {}) =>
      new SignJWT({ ...claims, ...extra })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', ...head })
        .sign(privateKey);
    const hmacKey = new TextEncoder().encode(JSON.stringify(jwks));
    const forged = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(hmacKey),
      `${header}.${b64({ ...claims, roles: ['admin'] })}.${signature}`,
      await sign({}, { kid: 'unknown-key' }),
      await sign({ iss: 'someone-else' }),
      await sign({ aud: 'another-audience' }),
    ];
    // the genuine token and one signed alike pass: the refusals are the forgeries'
    expect(await staffReads(await sign({}))).toEqual(everywhere(200));
    for (const token of forged) {
      expect(await staffReads(token)).toEqual(everywhere(401));
    }
  });
});
