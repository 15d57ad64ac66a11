import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { publishedCall } from '../support/calls.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';

jest.setTimeout(120_000);

const PESELS = ['44051401359', '85031201233', '90071504563'];

/**
 * The portal's calls (/nabory), initiative group (/grupa) and information pages, in a real
 * browser with and without JavaScript, every page and error state checked with axe.
 */
describe('portal: calls, initiative groups, information pages', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  let call: { id: string; number: string };
  const clock = new ManualClock(new Date('2026-11-30T10:00:00+01:00'));

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    const operator = await platform.account('operator');
    call = await publishedCall(platform, operator.token, {
      title: 'Miejsca pracy w przedsiębiorstwach społecznych subregionu płockiego',
      closesAt: '2026-12-03T16:00:00+01:00',
    });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('asks for the county, lists its open calls with the closing moment, warns when a call closes soon', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${portal.url}/nabory`);
    expect(await page.title()).toBe('Otwarte nabory – OWES Granty');
    expect(await violations(page)).toEqual([]);
    // nothing chosen: the error summary links to the select
    await page.getByRole('button', { name: 'Pokaż nabory' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe(
      '#powiat',
    );
    expect(await violations(page)).toEqual([]);

    await page
      .getByLabel('W którym powiecie ma działać przedsiębiorstwo społeczne?')
      .selectOption('1462');
    await page.getByRole('button', { name: 'Pokaż nabory' }).click();
    await page.waitForURL(`${portal.url}/nabory`);
    const item = page.locator('.owes-call', { hasText: call.number });
    await expect(item.locator('h3').textContent()).resolves.toContain('subregionu płockiego');
    const facts = ((await item.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(facts).toContain('do 3 grudnia 2026 16:00');
    expect(facts).toContain('1 000 000,00 zł');
    expect(facts).toContain('Stawki jednostkowe');
    expect(facts).not.toContain('Nabór zamyka się');
    expect(await violations(page)).toEqual([]);

    // a day later the call closes within three days
    clock.set(new Date('2026-12-01T10:00:00+01:00'));
    await page.reload();
    await expect(item.locator('.govuk-warning-text').textContent()).resolves.toContain(
      'Nabór zamyka się za 2 dni',
    );
    clock.set(new Date('2026-12-03T11:30:00+01:00'));
    await page.reload();
    await expect(item.locator('.govuk-warning-text').textContent()).resolves.toContain(
      'Nabór zamyka się za 5 godzin',
    );
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'portal-calls-list');
    clock.set(new Date('2026-11-30T10:00:00+01:00'));

    // the call's page: terms, the centre's contact, "start an application" posting to /wnioski
    await page.reload();
    await item.getByRole('link').click();
    await page.waitForURL(`${portal.url}/nabory/${call.id}`);
    const details = ((await page.locator('main').textContent()) ?? '').replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    expect(details).toContain(call.number);
    expect(details).toContain('Stawka na utworzenie miejsca pracy: 35 212,00 zł');
    expect(details).toContain('miasto Płock (woj. mazowieckie)');
    const start = page.locator('form[action="/wnioski"]');
    await expect(start.locator('input[name="callId"]').inputValue()).resolves.toBe(call.id);
    await expect(start.getByRole('button').textContent()).resolves.toContain('Rozpocznij wniosek');
    expect(await violations(page)).toEqual([]);

    // another county, no call: the message and the centres serving other counties
    await page.goto(`${portal.url}/nabory?zmien=1`);
    await page
      .getByLabel('W którym powiecie ma działać przedsiębiorstwo społeczne?')
      .selectOption('0201');
    await page.getByRole('button', { name: 'Pokaż nabory' }).click();
    await expect(page.locator('main h2').first().textContent()).resolves.toBe(
      'Dla tego powiatu nie ma obecnie otwartych naborów',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Ośrodki działające w serwisie',
    );
    expect(await violations(page)).toEqual([]);
    expect((await page.goto(`${portal.url}/nabory/nie-ma`))?.status()).toBe(404);
    await context.close();
  });

  /** Fills a natural person's row (`key`: its fields' m-<key>- prefix). */
  async function fillNatural(page: Page, key: number, i: number, pesel = PESELS[i]) {
    await page.locator(`#m-${key}-fullName`).fill(`Osoba Testowa ${i + 1}`);
    await page.locator(`#m-${key}-pesel`).fill(pesel);
    await page.locator(`#m-${key}-email`).fill(`osoba${i + 1}@example.pl`);
    await page.locator(`#m-${key}-phone`).fill('+48 600 100 200');
    await page.locator(`#m-${key}-county`).selectOption(['1462', '1419', '1427'][i]);
    await page.locator(`#m-${key}-status`).selectOption('long-term-unemployed');
    await page.locator(`#m-${key}-proofKind`).selectOption('labour-office-certificate');
    await page.locator(`#m-${key}-consent`).check();
  }

  async function fillGroup(page: Page) {
    await page.getByLabel('Spółdzielnia socjalna').check();
    await page.getByLabel('Ile miejsc pracy grupa planuje utworzyć?').fill('3');
    await page
      .getByLabel('Na czym ma polegać działalność przedsiębiorstwa?')
      .fill('Catering dla szkół i przedszkoli w Płocku, z kuchnią w lokalu gminy.');
  }

  /** Creates a draft through /grupa/nowa; `axe`: check the pages (it needs JavaScript). */
  async function newGroup(page: Page, name: string, axe = true): Promise<string> {
    await page.goto(`${portal.url}/grupa`);
    if (axe) expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Zgłoś grupę inicjatywną' }).click();
    await page.waitForURL(`${portal.url}/grupa/nowa`);
    if (axe) expect(await violations(page)).toEqual([]);
    await page.getByLabel('Nazwa grupy').fill(name);
    await page.getByRole('button', { name: 'Utwórz zgłoszenie' }).click();
    await page.waitForURL(/\/grupa\/[0-9a-f-]{36}$/);
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  it('enrols an initiative group with JavaScript: rows added in place, an error shown and fixed, submitted', async () => {
    const leader = await platform.account('applicant', { name: 'Anna Liderka' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, portal, leader);
    const id = await newGroup(page, 'Grupa inicjatywna „Zielony Płock”');
    expect(await violations(page)).toEqual([]);
    await fillGroup(page);
    const url = page.url();
    // two members, then a third row: added without a reload
    await page.getByRole('button', { name: 'Dodaj osobę fizyczną' }).click();
    await expect(
      page.locator('#m-0-fullName').evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Dodaj osobę fizyczną' }).click();
    await fillNatural(page, 0, 0);
    await fillNatural(page, 1, 1);
    await page.getByRole('button', { name: 'Dodaj osobę fizyczną' }).click();
    await page.getByRole('button', { name: 'Dodaj osobę prawną' }).click();
    expect(await page.locator('[data-owes-member]').count()).toBe(4);
    await page.getByRole('button', { name: /^Usuń\W+Osoba prawna nr 1$/ }).click();
    expect(await page.locator('[data-owes-member]').count()).toBe(3);
    expect(page.url()).toBe(url);
    await fillNatural(page, 2, 2, '12345678901');
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'portal-group-form');

    await page.getByRole('button', { name: 'Zapisz i sprawdź odpowiedzi' }).click();
    await page.waitForURL(`${portal.url}/grupa/${id}/sprawdz`);
    await expect(page.locator('main').textContent()).resolves.toContain('Osoba Testowa 3');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    // the API's problem at its field
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(
      page.locator('.govuk-error-summary a', { hasText: 'PESEL' }).getAttribute('href'),
    ).resolves.toBe('#m-2-pesel');
    await expect(page.locator('#m-2-pesel-error').textContent()).resolves.toContain('PESEL');
    expect(await violations(page)).toEqual([]);
    await page.locator('#m-2-pesel').fill(PESELS[2]);
    await page.getByRole('button', { name: 'Zapisz i sprawdź odpowiedzi' }).click();
    await page.waitForURL(`${portal.url}/grupa/${id}/sprawdz`);
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    await page.waitForURL(`${portal.url}/grupa/${id}/zlozono`);
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain(
      'Zgłoszenie grupy zostało złożone',
    );
    expect(await violations(page)).toEqual([]);
    // the list shows it as submitted; its page is read-only
    await page.goto(`${portal.url}/grupa`);
    await expect(page.locator('.govuk-tag').first().textContent()).resolves.toContain('Złożona');
    await page.goto(`${portal.url}/grupa/${id}`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Złożonego zgłoszenia nie można zmieniać',
    );
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('enrols an initiative group without JavaScript: every row added and removed by the server', async () => {
    const leader = await platform.account('applicant', { name: 'Jan Bezskryptowy' });
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, portal, leader);
    // axe-core runs in the page, so this context (no JavaScript) is checked by the test above.
    const id = await newGroup(page, 'Grupa bez skryptów', false);
    await fillGroup(page);
    for (const i of [0, 1, 2]) {
      await page.getByRole('button', { name: 'Dodaj osobę fizyczną' }).click();
      await page.locator(`#m-${i}-fullName`).waitFor();
      await fillNatural(page, i, i);
    }
    await page.getByRole('button', { name: 'Dodaj osobę prawną' }).click();
    await page.locator('#m-3-name').waitFor();
    await page.getByRole('button', { name: /^Usuń\W+Osoba prawna nr 1$/ }).click();
    await page.locator('#m-2-fullName').waitFor();
    expect(await page.locator('#m-3-name').count()).toBe(0);
    await expect(page.locator('#m-0-fullName').inputValue()).resolves.toBe('Osoba Testowa 1');
    await page.getByRole('button', { name: 'Zapisz i sprawdź odpowiedzi' }).click();
    await page.waitForURL(`${portal.url}/grupa/${id}/sprawdz`);
    await page.getByRole('button', { name: 'Złóż zgłoszenie' }).click();
    await page.waitForURL(`${portal.url}/grupa/${id}/zlozono`);
    await expect(page.locator('h1').textContent()).resolves.toContain(
      'Zgłoszenie grupy zostało złożone',
    );
    await context.close();
  });

  it('serves the accessibility statement and the privacy notice, in Polish and English', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${portal.url}/deklaracja-dostepnosci`);
    expect(await page.title()).toBe('Deklaracja dostępności – OWES Granty');
    const statement = (await page.locator('main').textContent()) ?? '';
    expect(statement).toContain('częściowo zgodna');
    expect(statement).toContain('Rzecznika Praw Obywatelskich');
    expect(statement).toContain('axe-core');
    expect(statement).toContain('30 listopada 2026');
    expect(await violations(page)).toEqual([]);
    await page.goto(`${portal.url}/prywatnosc`);
    const notice = (await page.locator('main').textContent()) ?? '';
    expect(notice).toContain('Prezesa Urzędu Ochrony Danych Osobowych');
    expect(notice).toContain('art. 9 ust. 2 lit. g RODO');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Change the language to English' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Privacy notice');
    expect(await violations(page)).toEqual([]);
    await page.goto(`${portal.url}/deklaracja-dostepnosci`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Accessibility statement');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
