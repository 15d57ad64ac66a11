import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { EN, emitted } from './applications-fixtures.js';

jest.setTimeout(60_000);

/** Applicant accounts: registration with e-mail verification, login limits, language. */
describe('applicant accounts', () => {
  let platform: Platform;
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));
  const api = () => platform.api.applications;

  beforeAll(async () => {
    platform = await startPlatform({
      clock,
      services: ['applications'],
      env: {
        applications: {
          LOGIN_ACCOUNT_FREE_FAILURES: '3',
          PUBLIC_WEB_URL: 'https://wnioski.owes.example',
        },
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const tokenFor = async (email: string) => {
    const events = await emitted(platform, 'applications.account.verification-requested');
    const event = events.filter((e) => e.payload.recipient.email === email).at(-1);
    if (!event) throw new Error(`no verification event for ${email}`);
    const url = new URL(event.payload.verificationUrl);
    return { token: url.searchParams.get('token') ?? '', event, url };
  };

  it('registers, e-mails a one-time link, and lets the applicant in only after verification', async () => {
    const registered = await api().post('/api/auth/register', {
      email: ' Anna.Kowalska@Example.PL ',
      password: 'bezpieczne-haslo-1',
      fullName: 'Anna Kowalska',
    });
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual({ accepted: true });

    const { token, event, url } = await tokenFor('anna.kowalska@example.pl');
    expect(url.origin + url.pathname).toBe('https://wnioski.owes.example/verify-email');
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(event.payload).toMatchObject({
      userId: event.payload.recipient.userId,
      expiresAt: '2026-12-04T08:00:00.000Z', // 48 hours
      recipient: { email: 'anna.kowalska@example.pl', name: 'Anna Kowalska', language: 'pl' },
    });

    const early = await api().post('/api/auth/login', {
      email: 'anna.kowalska@example.pl',
      password: 'bezpieczne-haslo-1',
    });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_VERIFIED');

    const verified = await api().post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.body.emailVerified).toBe(true);
    const again = await api().post('/api/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('VERIFICATION_TOKEN_INVALID');

    const login = await api().post('/api/auth/login', {
      email: 'anna.kowalska@example.pl',
      password: 'bezpieczne-haslo-1',
    });
    expect(login.status).toBe(200);
    const me = await api().get('/api/auth/me', login.body.accessToken);
    expect(me.body).toMatchObject({
      email: 'anna.kowalska@example.pl',
      emailVerified: true,
      language: 'pl',
    });
  });

  it('refuses an expired link, and a new link replaces the old one', async () => {
    await api().post('/api/auth/register', {
      email: 'late@example.pl',
      password: 'bezpieczne-haslo-2',
      fullName: 'Jan Późny',
    });
    const first = await tokenFor('late@example.pl');
    clock.advance(48 * 3_600_000);
    const expired = await api().post(
      '/api/auth/verify-email',
      { token: first.token },
      undefined,
      EN,
    );
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('VERIFICATION_TOKEN_EXPIRED');
    expect(expired.body.message).toMatch(/expired/);

    const resent = await api().post('/api/auth/verify-email/resend', { email: 'late@example.pl' });
    expect(resent.status).toBe(202);
    const second = await tokenFor('late@example.pl');
    expect(second.token).not.toBe(first.token);
    expect((await api().post('/api/auth/verify-email', { token: first.token })).status).toBe(400);
    expect((await api().post('/api/auth/verify-email', { token: second.token })).status).toBe(200);
    // unknown addresses get the same answer and no e-mail
    expect(
      (await api().post('/api/auth/verify-email/resend', { email: 'nobody@example.pl' })).status,
    ).toBe(202);
    expect(
      (await emitted(platform, 'applications.account.verification-requested')).some(
        (e) => e.payload.recipient.email === 'nobody@example.pl',
      ),
    ).toBe(false);
  });

  it('refuses a short or guessable password, changing nothing, and says why in Polish', async () => {
    const before = (await emitted(platform, 'applications.account.verification-requested')).length;
    const weak = await api().post('/api/auth/register', {
      email: 'weak@example.pl',
      password: 'krotkie1',
      fullName: 'Ala Nowak',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([
      {
        path: 'password',
        message:
          'Hasło musi mieć co najmniej 12 znaków (dobrym hasłem jest kilka niepowiązanych słów)',
      },
    ]);
    for (const password of ['password12', 'qwerty1234', 'aaaaaaaaa1']) {
      const short = await api().post('/api/auth/register', {
        email: 'short.password@example.pl',
        password,
        fullName: 'Ala Nowak',
      });
      expect(short.status).toBe(400);
      expect(short.body.errors[0].path).toBe('password');
    }
    for (const password of ['password1234', 'qwerty123456', 'aaaaaaaaaaa1', 'weak.person12']) {
      const guessable = await api().post('/api/auth/register', {
        email: 'weak.person@example.pl',
        password,
        fullName: 'Ala Nowak',
      });
      expect(guessable.status).toBe(400);
      expect(guessable.body.code).toBe('PASSWORD_TOO_WEAK');
      expect(guessable.body.message).toMatch(/^Hasło jest zbyt łatwe do odgadnięcia: .+/);
      expect(guessable.body.errors[0].path).toBe('password');
    }
    expect((await emitted(platform, 'applications.account.verification-requested')).length).toBe(
      before,
    );
  });

  it('answers a taken address exactly as a new one, and tells its owner by e-mail', async () => {
    const owner = await platform.account('applicant');
    const before = (await emitted(platform, 'applications.account.verification-requested')).length;
    const taken = await api().post('/api/auth/register', {
      email: owner.email.toUpperCase(),
      password: 'Ryba-Kominek-Zegar-77',
      fullName: 'Ktoś Inny',
    });
    const fresh = await api().post('/api/auth/register', {
      email: 'fresh.person@example.pl',
      password: 'Ryba-Kominek-Zegar-77',
      fullName: 'Ktoś Nowy',
    });
    expect({ status: taken.status, body: taken.body }).toEqual({
      status: fresh.status,
      body: fresh.body,
    });
    expect(taken.status).toBe(202);
    const verifications = await emitted(platform, 'applications.account.verification-requested');
    expect(verifications.length).toBe(before + 1);
    expect(verifications.at(-1)!.payload.recipient.email).toBe('fresh.person@example.pl');
    const attempts = await emitted(platform, 'applications.account.registration-attempted');
    expect(attempts.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        userId: owner.id,
        resetUrl: 'https://wnioski.owes.example/forgot-password',
        recipient: expect.objectContaining({ email: owner.email }),
      }),
    ]);
    // the owner's password is untouched
    const login = await api().post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(login.status).toBe(200);
  });

  it('throttles failed logins to an account (a setting), not logins to other accounts', async () => {
    const target = await platform.account('applicant');
    for (let i = 0; i < 3; i++) {
      expect(
        (await api().post('/api/auth/login', { email: target.email, password: 'zle-haslo-123' }))
          .status,
      ).toBe(401);
    }
    // three failures are free; the next attempt must wait a second
    const limited = await api().post('/api/auth/login', {
      email: target.email,
      password: target.password,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(
      (
        await api().post('/api/auth/login', {
          email: 'someone-else@example.pl',
          password: 'zle-haslo-123',
        })
      ).status,
    ).toBe(401);
    clock.advance(1000);
    const owner = await api().post('/api/auth/login', {
      email: target.email,
      password: target.password,
    });
    expect(owner.status).toBe(200);
  });

  it('keeps the chosen language and uses it in what is sent', async () => {
    const user = await platform.account('applicant');
    const changed = await api().put('/api/auth/me/language', { language: 'en' }, user.token);
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('en');
    expect((await api().get('/api/auth/me', user.token)).body.language).toBe('en');
    expect((await api().put('/api/auth/me/language', { language: 'de' }, user.token)).status).toBe(
      400,
    );
    const audit = await api().get(
      `/api/audit?entityType=user&entityId=${user.id}`,
      (await platform.account('platform-admin')).token,
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'language-changed', changes: { from: 'pl', to: 'en' } }),
    ]);
  });

  it('answers a body that is not valid JSON with 400 MALFORMED_JSON, saying so', async () => {
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${api().url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"a":',
      });
    const polish = await post();
    expect(polish.status).toBe(400);
    expect(await polish.json()).toEqual({
      statusCode: 400,
      code: 'MALFORMED_JSON',
      message: 'Treść żądania nie jest poprawnym dokumentem JSON',
      errors: [],
      correlationId: expect.any(String),
    });
    const english = await post(EN);
    expect(english.status).toBe(400);
    expect(await english.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON',
    });
  });
});
