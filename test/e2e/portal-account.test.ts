import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(90_000);

const STRONG = 'kasztan latarnia pociąg dziewięć';
const STRONGER = 'rzeka pomarańcza skrzypce jesień';
const WEAK = 'password1234';

/**
 * The portal's account pages (issue #13): registration with the e-mail's link, signing in, the
 * account page (languages, password) and a forgotten password — in a real browser, with and
 * without JavaScript, every page and error state checked with axe.
 */
describe('portal: accounts', () => {
  let smtp: TestSmtp;
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(new Date('2027-01-11T09:00:00+01:00'));

  beforeAll(async () => {
    smtp = await startSmtp();
    platform = await startPlatform({
      clock,
      env: {
        applications: { TRUST_PROXY: 'loopback', LOGIN_ADDRESS_FREE_FAILURES: '3' },
        notifications: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
        },
      },
    });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
  });

  /** A page that fails fast (a missing element is an error, not a hung test). */
  async function newPage(options: { javaScriptEnabled?: boolean } = {}) {
    const context = await newContext(browser, options);
    context.setDefaultTimeout(10_000);
    return { context, page: await context.newPage() };
  }

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
    await smtp?.close();
  });

  /** The link (`/verify-email?token=…`, `/reset-password?token=…`) of the last e-mail to `to`. */
  async function linkFor(to: string, path: string, after = 0): Promise<string> {
    return expectEventually(() => {
      const mails = smtp.messages
        .slice(after)
        .filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(to));
      const found = mails
        .map((m) => new RegExp(`${path}\\?token=([A-Za-z0-9_~.%-]+)`).exec(m.text ?? ''))
        .filter((m): m is RegExpExecArray => m !== null)
        .pop();
      expect(found).toBeDefined();
      return `${portal.url}${path}?token=${found![1]}`;
    });
  }

  async function expectErrors(page: Page, hrefs: string[]): Promise<void> {
    expect(await page.title()).toMatch(/^(Błąd|Error): /);
    const links = page.locator('.govuk-error-summary a');
    await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      hrefs,
    );
    for (const href of hrefs) {
      await expect(page.locator(`${href}`).count()).resolves.toBe(1);
    }
    expect(await violations(page)).toEqual([]);
  }

  async function apiLogin(email: string, password: string): Promise<string> {
    const response = await fetch(`${platform.urls.applications}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function register(page: Page, name: string, email: string): Promise<void> {
    await page.goto(`${portal.url}/rejestracja`);
    await page.getByLabel('Imię i nazwisko').fill(name);
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło', { exact: true }).fill(STRONG);
    await page.getByLabel('Potwierdzam zapoznanie się').check();
    await page.getByRole('button', { name: 'Załóż konto' }).click();
    await page.waitForURL(/\/rejestracja\/sprawdz-skrzynke$/);
  }

  async function confirm(page: Page, email: string): Promise<void> {
    await page.goto(await linkFor(email, '/verify-email'));
    await page.waitForURL(/\/potwierdz-email\?token=/);
    await page.getByRole('button', { name: 'Potwierdź adres e-mail' }).click();
    await page.waitForURL(/\/potwierdz-email\/potwierdzono$/);
  }

  it('registers, confirms the address by the e-mail’s link, signs in and manages the account', async () => {
    const { context, page } = await newPage();
    const email = 'ewa.nowak@example.pl';

    await page.goto(`${portal.url}/rejestracja`);
    expect(await page.title()).toBe('Załóż konto – OWES Granty');
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'account-register');

    // nothing filled in: every field's error, linked from the summary
    await page.getByRole('button', { name: 'Załóż konto' }).click();
    await expectErrors(page, ['#fullName', '#email', '#password', '#consent']);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Potwierdź zapoznanie się z informacją o przetwarzaniu danych osobowych',
    );

    // a guessable password: the API's reason on the field, what was typed is kept
    await page.getByLabel('Imię i nazwisko').fill('Ewa Nowak');
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło', { exact: true }).fill(WEAK);
    await page.getByLabel('Potwierdzam zapoznanie się').check();
    await page.getByRole('button', { name: 'Załóż konto' }).click();
    await expectErrors(page, ['#password']);
    await expect(page.locator('#password-error').textContent()).resolves.toMatch(/Hasło/);
    expect(await page.getByLabel('Adres e-mail').inputValue()).toBe(email);
    expect(await page.getByLabel('Potwierdzam zapoznanie się').isChecked()).toBe(true);

    await page.getByLabel('Hasło', { exact: true }).fill(STRONG);
    await page.getByRole('button', { name: 'Załóż konto' }).click();
    await page.waitForURL(/\/rejestracja\/sprawdz-skrzynke$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sprawdź skrzynkę e-mail');
    await expect(page.locator('main').textContent()).resolves.toContain(email);
    expect(await violations(page)).toEqual([]);

    // a new link can be asked for
    await page.getByText('Wiadomość nie dotarła?').click();
    await page.getByRole('link', { name: 'Wyślij nowy link' }).click();
    await page.waitForURL(/\/potwierdz-email\/nowy-link$/);
    expect(await page.getByLabel('Adres e-mail').inputValue()).toBe(email);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Adres e-mail').fill('');
    await page.getByRole('button', { name: 'Wyślij nowy link' }).click();
    await expectErrors(page, ['#email']);
    await page.getByLabel('Adres e-mail').fill(email);
    const before = smtp.messages.length;
    await page.getByRole('button', { name: 'Wyślij nowy link' }).click();
    await page.waitForURL(/\/rejestracja\/sprawdz-skrzynke$/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'wysłaliśmy nowy link',
    );

    // the e-mail's link: a page whose button confirms (opening it changes nothing)
    const link = await linkFor(email, '/verify-email', before);
    // not confirmed yet: signing in says so and offers a new link
    await page.goto(`${portal.url}/logowanie`);
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło', { exact: true }).fill(STRONG);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expectErrors(page, ['#email']);
    await expect(page.locator('#email-error').textContent()).resolves.toContain(
      'nie został jeszcze potwierdzony',
    );
    await expect(page.getByRole('link', { name: /Wyślij nowy link/ }).count()).resolves.toBe(1);
    await page.goto(link);
    await page.waitForURL(/\/potwierdz-email\?token=/);
    expect(await violations(page)).toEqual([]);
    const notYet = await fetch(`${platform.urls.applications}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: STRONG }),
    });
    expect(notYet.status).toBe(403);
    await page.getByRole('button', { name: 'Potwierdź adres e-mail' }).click();
    await page.waitForURL(/\/potwierdz-email\/potwierdzono$/);
    await expect(page.locator('h1').textContent()).resolves.toContain(
      'Adres e-mail został potwierdzony',
    );
    expect(await violations(page)).toEqual([]);

    // the same link again, and a link without its token: a clear page with "send a new link"
    await page.goto(link);
    await page.getByRole('button', { name: 'Potwierdź adres e-mail' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Link potwierdzający jest nieprawidłowy lub wygasł',
    );
    await expect(page.getByRole('button', { name: 'Wyślij nowy link' }).count()).resolves.toBe(1);
    expect(await violations(page)).toEqual([]);
    const noToken = await page.goto(`${portal.url}/potwierdz-email`);
    expect(noToken?.status()).toBe(400);
    expect(await violations(page)).toEqual([]);

    // sign in (a wrong password first), then the account page
    await page.goto(`${portal.url}/login`);
    await page.waitForURL(/\/logowanie$/);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expectErrors(page, ['#email', '#password']);
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło', { exact: true }).fill('to nie jest moje hasło');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expectErrors(page, ['#email']);
    await signIn(page, portal, { email, password: STRONG });
    await page.goto(`${portal.url}/konto`);
    expect(await page.title()).toBe('Moje konto – OWES Granty');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toMatch(
      /Ewa Nowak[\s\S]*ewa\.nowak@example\.pl/,
    );
    expect(await violations(page)).toEqual([]);

    // the language of the service: the page and the account
    await page
      .getByRole('group', { name: 'Język serwisu' })
      .getByLabel('angielski (English)')
      .check();
    await page.getByRole('button', { name: 'Zapisz język serwisu' }).click();
    await page.waitForURL(/\/konto$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'The language of the service has been saved.',
    );
    expect(await violations(page)).toEqual([]);
    let token = await apiLogin(email, STRONG);
    const me = await fetch(`${platform.urls.applications}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await me.json()) as { language: string }).language).toBe('en');

    // the language of e-mails (notifications' preferences)
    await page.getByRole('group', { name: 'Language of emails' }).getByLabel('English').check();
    await page.getByRole('button', { name: 'Save the language of emails' }).click();
    await page.waitForURL(/\/konto$/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'The language of emails has been saved.',
    );
    const preferences = await fetch(`${platform.urls.notifications}/api/preferences/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await preferences.json()).toMatchObject({ language: 'en', stored: true });
    expect(
      await page
        .getByRole('group', { name: 'Language of emails' })
        .getByLabel('English')
        .isChecked(),
    ).toBe(true);

    // a new password: empty, wrong current, guessable new, then done — the session goes on
    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.waitForURL(/\/konto\/haslo$/);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectErrors(page, ['#currentPassword', '#newPassword']);
    await page.getByLabel('Current password', { exact: true }).fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(STRONGER);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectErrors(page, ['#currentPassword']);
    await expect(page.locator('#currentPassword-error').textContent()).resolves.toContain(
      'The current password is wrong',
    );
    await page.getByLabel('Current password', { exact: true }).fill(STRONG);
    await page.getByLabel('New password', { exact: true }).fill(WEAK);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectErrors(page, ['#newPassword']);
    await page.getByLabel('Current password', { exact: true }).fill(STRONG);
    await page.getByLabel('New password', { exact: true }).fill(STRONGER);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/konto$/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Your password has been changed',
    );
    expect(await violations(page)).toEqual([]);
    // the other session (the API login above) has ended; the portal's goes on
    const ended = await fetch(`${platform.urls.applications}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ended.status).toBe(401);
    const again = await page.goto(`${portal.url}/konto`);
    expect(again?.status()).toBe(200);
    expect(page.url()).toMatch(/\/konto$/);
    token = await apiLogin(email, STRONGER);
    expect(token).toMatch(/^eyJ/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'You have signed out.',
    );
    await page.goto(`${portal.url}/konto`);
    await page.waitForURL(/\/logowanie\?powrot=%2Fkonto/);
    await context.close();
  });

  it('sets a new password with the forgotten-password e-mail’s link', async () => {
    const account = await platform.account('applicant', { name: 'Jan Wiśniewski' });
    const { context, page } = await newPage();

    await page.goto(`${portal.url}/forgot-password`);
    await page.waitForURL(/\/nie-pamietam-hasla$/);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Wyślij link' }).click();
    await expectErrors(page, ['#email']);
    await page.getByLabel('Adres e-mail').fill(account.email);
    await page.getByRole('button', { name: 'Wyślij link' }).click();
    await page.waitForURL(/\/nie-pamietam-hasla\/wyslano$/);
    await expect(page.locator('main').textContent()).resolves.toContain(
      `Jeśli adres ${account.email} należy do konta`,
    );
    expect(await violations(page)).toEqual([]);
    // an address without an account gets the same page
    await page.goto(`${portal.url}/nie-pamietam-hasla`);
    await page.getByLabel('Adres e-mail').fill('nikt@example.pl');
    await page.getByRole('button', { name: 'Wyślij link' }).click();
    await page.waitForURL(/\/nie-pamietam-hasla\/wyslano$/);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Jeśli adres nikt@example.pl należy do konta',
    );

    const link = await linkFor(account.email, '/reset-password');
    await page.goto(link);
    await page.waitForURL(/\/nowe-haslo\?token=/);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await expectErrors(page, ['#password']);
    await page.getByLabel('Nowe hasło', { exact: true }).fill(WEAK);
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await expectErrors(page, ['#password']);
    await page.getByLabel('Nowe hasło', { exact: true }).fill(STRONGER);
    await page.getByRole('button', { name: 'Ustaw hasło' }).click();
    await page.waitForURL(/\/nowe-haslo\/gotowe$/);
    await expect(page.locator('h1').textContent()).resolves.toContain('Hasło zostało zmienione');
    expect(await violations(page)).toEqual([]);

    // the used link and a made-up one: a clear page with "send a new link"
    for (const bad of [link, `${portal.url}/reset-password?token=${'x'.repeat(43)}`]) {
      await page.goto(bad);
      await page.getByLabel('Nowe hasło', { exact: true }).fill(STRONG);
      await page.getByRole('button', { name: 'Ustaw hasło' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(
        'Link do ustawienia hasła jest nieprawidłowy lub wygasł',
      );
      await expect(page.getByRole('button', { name: 'Wyślij nowy link' }).count()).resolves.toBe(1);
      expect(await violations(page)).toEqual([]);
    }

    await signIn(page, portal, { email: account.email, password: STRONGER });
    expect(page.url()).not.toContain('/logowanie');
    await context.close();
  });

  it('registers and signs in without JavaScript', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    const email = 'piotr.zielinski@example.pl';
    await register(page, 'Piotr Zieliński', email);
    await confirm(page, email);
    await page.goto(`${portal.url}/logowanie`);
    expect(await page.title()).toBe('Zaloguj się – OWES Granty');
    await screenshot(page, 'account-sign-in');
    await signIn(page, portal, { email, password: STRONG });
    await page.goto(`${portal.url}/konto`);
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain(
      'Piotr Zieliński',
    );
    await context.close();
  });

  it('throttles failed logins per forwarded client address behind the trusted portal', async () => {
    const attempt = (address: string, n: number) =>
      fetch(`${platform.urls.applications}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email: `nikt-${n}@example.pl`, password: 'zgadywane hasło' }),
      }).then((r) => r.status);
    // LOGIN_ADDRESS_FREE_FAILURES = 3: three failures from one address, then it must wait
    for (let n = 0; n < 3; n++) expect(await attempt('203.0.113.7', n)).toBe(401);
    expect(await attempt('203.0.113.7', 3)).toBe(429);
    // another client behind the same proxy is not held back
    expect(await attempt('203.0.113.8', 4)).toBe(401);
  });
});
