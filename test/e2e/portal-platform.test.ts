import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';

jest.setTimeout(90_000);

/**
 * The portal's frame (docs/portal.md): Polish first, English by a switch that is remembered,
 * security headers, error pages in the layout, health — in a real browser, checked with axe.
 */
describe('portal: the frame', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(new Date('2027-01-11T09:00:00+01:00'));

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('serves the start page in Polish, accessible, with a language switch that is remembered', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(portal.url);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await expect(page.locator('h1').textContent()).resolves.toContain('Wsparcie finansowe');
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'start-page');
    // no GOV.UK crown, name or typeface
    const html = await page.content();
    expect(html).not.toMatch(/GOV\.UK|Crown copyright|GDS Transport/);

    await page.getByRole('link', { name: 'Change the language to English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toContain('Grants for creating jobs');
    await page.goto(`${portal.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('answers an unknown page with 404 in the layout, accessible', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${portal.url}/nie-ma-takiej-strony`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Nie znaleziono strony');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('sends security headers and a CSP with a nonce, and never a token to the browser', async () => {
    const response = await fetch(portal.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });

  it('signs in and out: the session is an HttpOnly cookie, the token never reaches the browser', async () => {
    const account = await platform.account('applicant', { name: 'Anna Kowalska' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${portal.url}/logowanie`);
    expect(await violations(page)).toEqual([]);
    // a wrong password: the error summary links to the field, the title says "Błąd"
    await page.getByLabel('Adres e-mail').fill(account.email);
    await page.getByLabel('Hasło', { exact: true }).fill('Zle-haslo-123');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe(
      '#email',
    );
    expect(await violations(page)).toEqual([]);

    await signIn(page, portal, account);
    const cookies = await context.cookies();
    const sessionCookie = cookies.find((c) => c.name === 'owes.sid');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.some((c) => /eyJ/.test(c.value))).toBe(false);
    expect(await page.evaluate(() => document.cookie)).not.toContain('owes.sid');
    expect(await page.content()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Wylogowano',
    );
    await context.close();
  });

  it('warns before an idle session ends, in an accessible dialog that keeps the person signed in', async () => {
    const account = await platform.account('applicant');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, portal, account);
    // The browser's clock, not the server's: the dialog counts in the page (SESSION_IDLE_MINUTES
    // 30, SESSION_WARNING_SECONDS 120 by default).
    await page.clock.install();
    await page.goto(`${portal.url}/konto`);
    const dialog = page.getByRole('dialog', { name: 'Za chwilę nastąpi wylogowanie' });
    await page.locator('#owes-timeout[data-counting="true"]').waitFor({ state: 'attached' });
    await page.clock.fastForward('27:50');
    expect(await dialog.isVisible()).toBe(false);
    await page.clock.fastForward('00:20');
    await dialog.waitFor();
    const stay = dialog.getByRole('button', { name: 'Pozostań zalogowany' });
    expect(await stay.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // still signed in, on the same page
    expect(new URL(page.url()).pathname).toBe('/konto');
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/konto');
    await context.close();
  });

  it('refuses a form without its CSRF token (403 page) and is healthy', async () => {
    const refused = await fetch(`${portal.url}/sesja/przedluz`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'powrot=/',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Formularz wygasł');
    expect((await fetch(`${portal.url}/health/ready`)).status).toBe(200);
  });
});
