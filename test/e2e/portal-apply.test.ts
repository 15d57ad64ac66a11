import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { registerThroughPortal, signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(120_000);

const EXAMPLE = JSON.parse(
  readFileSync(join(process.cwd(), 'docs', 'examples', 'application-form.json'), 'utf8'),
);

/**
 * The grant application in the portal (issue #13): start from a call, the task list, every
 * section, check your answers, submit, the confirmation and its e-mail — with and without
 * JavaScript, by keyboard, and nothing typed lost (autosave, a session that ended).
 */
describe('portal: applying for a grant', () => {
  let platform: Platform;
  let smtp: TestSmtp;
  let portal: TestPortal;
  let browser: Browser;
  let callId: string;
  const clock = new ManualClock(new Date('2027-01-11T09:00:00+01:00'));

  beforeAll(async () => {
    smtp = await startSmtp();
    platform = await startPlatform({
      clock,
      env: {
        notifications: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
        },
      },
    });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const operator = await platform.account('operator');
    const created = await platform.api.grants.post(
      '/api/calls',
      {
        number: 'NAB/1/2027',
        title: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
        opensAt: '2027-01-04T08:00:00+01:00',
        closesAt: '2027-02-15T16:00:00+01:00',
        budget: 42_388_633,
        counties: ['1462', '1419'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      },
      operator.token,
    );
    expect(created.status).toBe(201);
    callId = created.body.id;
    await platform.api.grants.post(`/api/calls/${callId}/publish`, {}, operator.token);
    await expectEventually(async () => {
      const calls = await platform.api.applications.get('/api/calls');
      expect(calls.body.items.map((c: any) => c.id)).toContain(callId);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
    await smtp?.close();
  });

  /** What the call page does: POST /wnioski {callId} with the page's CSRF token. */
  async function startApplication(page: Page): Promise<string> {
    await page.goto(`${portal.url}/`);
    // (works with JavaScript disabled too: the request shares the page's cookies)
    const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
    const answer = await page.context().request.post(`${portal.url}/wnioski`, {
      form: { _csrf: token ?? '', callId },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    const location = answer.headers().location;
    expect(location).toMatch(/^\/wnioski\/[0-9a-f-]{36}$/);
    await page.goto(`${portal.url}${location}`);
    return location.split('/')[2];
  }

  const money = (grosze: number) =>
    `${Math.floor(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`;
  const date = async (page: Page, id: string, iso: string) => {
    const [y, m, d] = iso.split('-');
    await page.fill(`#${id}-day`, String(Number(d)));
    await page.fill(`#${id}-month`, String(Number(m)));
    await page.fill(`#${id}-year`, y);
  };
  const radio = (page: Page, name: string, value: string) =>
    page.locator(`input[name="${name}"][value="${value}"]`).check();

  async function openSection(page: Page, name: RegExp | string) {
    await page.getByRole('link', { name }).click();
    await page.waitForSelector('h1');
  }

  async function saveAndReturn(page: Page) {
    await page.getByRole('button', { name: 'Zapisz i wróć do listy' }).click();
    await page.waitForURL(/\/wnioski\/[0-9a-f-]{36}$/);
  }

  async function fillApplicant(page: Page) {
    const a = EXAMPLE.applicant;
    await radio(page, 'applicant-kind', a.kind);
    await page.fill('#applicant-name', a.name);
    await radio(page, 'applicant-legalForm', a.legalForm);
    await page.fill('#applicant-county', a.county);
    await page.fill('#applicant-address', a.address);
    await page.fill('#applicant-nip', a.nip);
    await page.fill('#applicant-regon', a.regon);
    await page.fill('#applicant-krs', a.krs);
  }

  async function fillJobs(page: Page, js: boolean) {
    for (const [i, job] of (EXAMPLE.jobs as any[]).entries()) {
      if (i > 0) {
        await page.getByRole('button', { name: 'Dodaj kolejne miejsce pracy' }).click();
        await page.locator(`#jobs-${i}-position`).waitFor();
      }
      await page.fill(`#jobs-${i}-position`, job.position);
      await radio(page, `jobs-${i}-workingTime`, job.workingTime);
      await date(page, `jobs-${i}-plannedStart`, job.plannedStart);
      await page.fill(`#jobs-${i}-person-fullName`, job.person.fullName);
      await page.fill(`#jobs-${i}-person-pesel`, job.person.pesel);
      await page.fill(`#jobs-${i}-person-county`, job.person.county);
      await page.selectOption(
        `#jobs-${i}-person-eligibility-status`,
        job.person.eligibility.status,
      );
      await page.selectOption(
        `#jobs-${i}-person-eligibility-proofKind`,
        job.person.eligibility.proofKind,
      );
      if (js && i === 0) {
        // the amount computed on the server follows the jobs (live totals)
        await see(page.locator('[data-owes-status]'), /Zapisano o \d\d:\d\d/);
      }
    }
  }

  async function fillBudget(page: Page) {
    for (const [i, item] of (EXAMPLE.budget as any[]).entries()) {
      if (i > 0) {
        await page.getByRole('button', { name: 'Dodaj kolejny wydatek' }).click();
        await page.locator(`#budget-${i}-category`).waitFor();
      }
      await page.selectOption(`#budget-${i}-category`, item.category);
      await page.fill(`#budget-${i}-description`, item.description);
      await page.fill(`#budget-${i}-amount`, money(item.amount));
    }
  }

  async function fillPlan(page: Page) {
    for (const [part, text] of Object.entries(EXAMPLE.businessPlan)) {
      await page.fill(`#businessPlan-${part}`, text as string);
    }
  }

  async function fillDeclarations(page: Page) {
    for (const name of Object.keys(EXAMPLE.declarations)) {
      await page.locator(`#declarations-${name}`).check();
    }
  }

  /** Every section from the example, each page checked with axe; returns the task list's URL. */
  async function fillEverything(page: Page, js: boolean, shots = false) {
    const list = page.url();
    await openSection(page, 'Wnioskodawca');
    await axe(page, js);
    await fillApplicant(page);
    if (shots) await screenshot(page, 'apply-section-applicant');
    await saveAndReturn(page);

    await openSection(page, /Zatrudnienie/);
    await axe(page, js);
    await page.fill('#employment-headcountBefore', String(EXAMPLE.employment.headcountBefore));
    await page.fill('#employment-headcountAfter', String(EXAMPLE.employment.headcountAfter));
    await saveAndReturn(page);

    await openSection(page, /Miejsca pracy/);
    await axe(page, js);
    await fillJobs(page, js);
    await axe(page, js);
    await saveAndReturn(page);

    await openSection(page, /Budżet/);
    await axe(page, js);
    await fillBudget(page);
    await saveAndReturn(page);

    await openSection(page, 'Biznesplan');
    await axe(page, js);
    await fillPlan(page);
    await saveAndReturn(page);

    await openSection(page, 'Pomoc de minimis');
    await axe(page, js);
    await radio(page, 'deMinimis-received', 'no');
    await saveAndReturn(page);
    return list;
  }

  it('takes a newcomer from registration through the call to the reference and the e-mail, in Polish, with JavaScript', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await registerThroughPortal(page, portal, smtp, {
      name: 'Anna Kowalska',
      email: 'anna.kowalska@example.pl',
      password: 'Wrzos-Kominek-Latarnia-2027',
    });
    // the call of the centre serving the applicant's county, found as a newcomer finds it
    await page.getByRole('link', { name: 'Nabory', exact: true }).click();
    await page
      .getByLabel('W którym powiecie ma działać przedsiębiorstwo społeczne?')
      .selectOption('1462');
    await page.getByRole('button', { name: 'Pokaż nabory' }).click();
    await page.locator(`a[href="/nabory/${callId}"]`).first().click();
    await page.waitForURL(`${portal.url}/nabory/${callId}`);
    await page.getByRole('button', { name: 'Rozpocznij wniosek' }).click();
    await page.waitForURL(/\/wnioski\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    await see(page.locator('h1'), 'Wniosek o przyznanie wsparcia finansowego');
    await see(page.locator('.govuk-task-list'), 'Nie rozpoczęto');
    await see(page.locator('main'), 'NAB/1/2027');
    expect(await violations(page)).toEqual([]);
    // starting again in the same call goes back to the same draft
    expect(await startApplication(page)).toBe(id);

    await fillEverything(page, true, true);
    await see(page.locator('main'), /\d,\d\d\s*zł/);

    // an error state: submitting without the declarations → 422 → the summary links to the field
    await page.getByRole('button', { name: 'Sprawdź odpowiedzi i złóż wniosek' }).click();
    await page.waitForURL(/\/sprawdz$/);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Złóż wniosek' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Błąd: /);
    expect(await violations(page)).toEqual([]);
    const link = page.locator('.govuk-error-summary a', { hasText: /./ }).first();
    expect(await link.getAttribute('href')).toMatch(/\/oswiadczenia#/);
    await link.click();
    await page.waitForURL(/\/oswiadczenia/);
    await page.locator('.govuk-error-summary').waitFor();
    expect(await violations(page)).toEqual([]);
    await fillDeclarations(page);
    await saveAndReturn(page);
    await notSee(page.locator('.govuk-task-list'), 'W trakcie');
    await screenshot(page, 'apply-task-list');

    await page.getByRole('button', { name: 'Sprawdź odpowiedzi i złóż wniosek' }).click();
    await page.waitForURL(/\/sprawdz$/);
    await see(page.locator('main'), EXAMPLE.applicant.name);
    await screenshot(page, 'apply-check-answers');
    await page.getByRole('button', { name: 'Złóż wniosek' }).click();
    await page.waitForURL(/\/potwierdzenie$/);
    const reference = (await page.locator('.owes-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^OWES\/2027\/\d{5}$/);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'apply-confirmation');
    expect(
      await page.getByRole('link', { name: 'Sprawdź status wniosku' }).getAttribute('href'),
    ).toBe(`/wnioski/${id}/status`);
    const mail = await expectEventually(() => {
      const found = smtp.messages.find((m) => (m.text ?? '').includes(reference));
      expect(found).toBeDefined();
      return found!;
    });
    expect(mail.subject).toBe(`Potwierdzenie złożenia wniosku ${reference}`);
    await context.close();
  });

  it('keeps a draft left half-way (autosaved fields too) for the next visit', async () => {
    const account = await platform.account('applicant');
    let context = await newContext(browser);
    let page = await context.newPage();
    await signIn(page, portal, account);
    const id = await startApplication(page);
    await openSection(page, 'Wnioskodawca');
    await page.fill('#applicant-name', EXAMPLE.applicant.name);
    await page.fill('#applicant-address', EXAMPLE.applicant.address);
    // no button: autosave after typing stops
    await see(page.locator('[data-owes-status]'), /Zapisano o \d\d:\d\d/);
    await expectEventually(async () => {
      const saved = await platform.api.applications.get(`/api/applications/${id}`, account.token);
      expect(saved.body.form.applicant?.address).toBe(EXAMPLE.applicant.address);
    });
    // a typing mistake (with the button): the error summary links to the field, axe is content
    await page.goto(`${portal.url}/wnioski/${id}/zatrudnienie`);
    await page.fill('#employment-headcountBefore', 'pięć');
    await page.getByRole('button', { name: 'Zapisz i wróć do listy' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe(
      '#employment-headcountBefore',
    );
    expect(await violations(page)).toEqual([]);
    await context.close();

    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, portal, account);
    await page.goto(`${portal.url}/wnioski/${id}`);
    await see(page.locator('.govuk-task-list'), 'W trakcie');
    await openSection(page, 'Wnioskodawca');
    await hasValue(page.locator('#applicant-name'), EXAMPLE.applicant.name);
    await hasValue(page.locator('#applicant-address'), EXAMPLE.applicant.address);
    await context.close();
  });

  it('restores a section posted after the session ended, once signed in again', async () => {
    const account = await platform.account('applicant');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, portal, account);
    const id = await startApplication(page);
    await openSection(page, /Zatrudnienie/);
    await page.fill('#employment-headcountBefore', '4');
    await page.fill('#employment-headcountAfter', '6');
    const pool = new (await import('pg')).default.Pool({
      connectionString: platform.db.layout.portal.url,
    });
    await pool.query('DELETE FROM portal.sessions');
    await pool.end();
    await page.getByRole('button', { name: 'Zapisz i wróć do listy' }).click();
    await page.waitForURL(/\/logowanie/);
    await page.getByLabel('Adres e-mail').fill(account.email);
    await page.getByLabel('Hasło', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForURL(new RegExp(`/wnioski/${id}/zatrudnienie$`));
    await see(page.locator('.govuk-notification-banner'), 'Przywrócono niezapisane zmiany');
    await hasValue(page.locator('#employment-headcountBefore'), '4');
    const saved = await platform.api.applications.get(`/api/applications/${id}`, account.token);
    expect(saved.body.form.employment).toEqual({ headcountBefore: 4, headcountAfter: 6 });
    await context.close();
  });

  it('works the same without JavaScript: rows added by a button, a field error, then the reference', async () => {
    const account = await platform.account('applicant');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, portal, account);
    await startApplication(page);
    // a typing mistake is shown on its field, the rest is saved
    await openSection(page, /Zatrudnienie/);
    await page.fill('#employment-headcountBefore', 'pięć');
    await page.getByRole('button', { name: 'Zapisz i wróć do listy' }).click();
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe(
      '#employment-headcountBefore',
    );
    await hasValue(page.locator('#employment-headcountBefore'), 'pięć');
    await page.getByRole('link', { name: 'Wróć do listy części wniosku' }).first().click();
    await fillEverything(page, false);
    await openSection(page, 'Oświadczenia');
    await fillDeclarations(page);
    await saveAndReturn(page);
    await page.getByRole('button', { name: 'Sprawdź odpowiedzi i złóż wniosek' }).click();
    await page.getByRole('button', { name: 'Złóż wniosek' }).click();
    await page.waitForURL(/\/potwierdzenie$/);
    await see(page.locator('.owes-reference'), /^OWES\/2027\/\d{5}$/);
    await context.close();
  });

  it('can be filled and submitted by keyboard only', async () => {
    const account = await platform.account('applicant');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, portal, account);
    const id = await startApplication(page);
    // everything but the declarations through the API, then the last section by keyboard
    const form = { ...EXAMPLE, declarations: {} };
    const patched = await platform.api.applications.patch(
      `/api/applications/${id}`,
      { form },
      account.token,
    );
    expect(patched.status).toBe(200);
    await page.goto(`${portal.url}/wnioski/${id}`);
    const focusLink = async (name: string) => {
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (text.startsWith(name)) return;
      }
      throw new Error(`no focus on ${name}`);
    };
    await focusLink('Oświadczenia');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/oswiadczenia$/);
    for (let i = 0; i < 5; i++) {
      await focusFirstUnchecked(page);
      await page.keyboard.press('Space');
    }
    await focusLink('Zapisz i wróć do listy');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/wnioski/${id}$`));
    await focusLink('Sprawdź odpowiedzi i złóż wniosek');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sprawdz$/);
    await focusLink('Złóż wniosek');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/potwierdzenie$/);
    await see(page.locator('.owes-reference'), /^OWES\/2027\/\d{5}$/);
    await context.close();
  });
});

/** axe needs JavaScript: the same pages are checked in the tests that run it. */
async function axe(page: Page, js: boolean): Promise<void> {
  if (js) expect(await violations(page)).toEqual([]);
}

/** Waits until the element shows the text (Playwright's test matchers are not used here). */
async function see(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function notSee(locator: Locator, text: string): Promise<void> {
  expect(await locator.first().textContent()).not.toContain(text);
}

async function hasValue(locator: Locator, value: string): Promise<void> {
  expect(await locator.inputValue()).toBe(value);
}

/** Tabs to the next unchecked checkbox. */
async function focusFirstUnchecked(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const unchecked = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.type === 'checkbox' && !el.checked;
    });
    if (unchecked) return;
  }
  throw new Error('no unchecked checkbox');
}
