import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import {
  declareAndScore,
  waitForAssignments,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';
import { PESELS } from '../../apps/applications/test/form-fixtures.js';
import {
  acceptFormally,
  check,
  createProgramme,
  formFor,
  namedAccount,
  publishCall,
  signedInPage,
  warsaw,
  type Account,
} from '../support/portal-world.js';

jest.setTimeout(180_000);

/**
 * "My applications" and everything after submission (issue #13): the list, the timeline, a
 * correction and its changes, withdrawal, an appeal within its term, the monthly job reports
 * and the printable application — built through the services' APIs as the operator, the
 * evaluators and the applicant would, and looked at in a real browser, checked with axe.
 */
describe('portal: my applications after submission', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05', '10:00:00'));
  let operator: Account;
  let applicant: Account;
  let evaluators: Account[];
  let callId: string;
  /** The applicant's applications: corrections, withdrawal, funded, appealed, late, draft. */
  const app: Record<'fix' | 'withdraw' | 'funded' | 'appeal' | 'late' | 'draft', string> = {
    fix: '',
    withdraw: '',
    funded: '',
    appeal: '',
    late: '',
    draft: '',
  };
  const reference: Record<string, string> = {};
  let awardId = '';
  const decisionOf: Record<string, string> = {};

  const api = () => platform.api;
  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);

  async function applicantPage(javaScriptEnabled = true) {
    return signedInPage(browser, portal, applicant, { javaScriptEnabled });
  }

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const { applications, grants } = platform.api;
    operator = { ...(await platform.account('operator')), name: 'Grażyna Operatorka' };
    applicant = await namedAccount(platform, 'applicant', 'Anna Kowalska');
    evaluators = [];
    for (const name of ['Celina Oceniająca', 'Dariusz Oceniający'])
      evaluators.push(await namedAccount(platform, 'evaluator', name));
    const op = operator.token;
    const programmeId = await createProgramme(grants, op);
    callId = (
      await publishCall(
        platform,
        op,
        { programmeId, maxJobsPerEntity: 10, budget: 40_000_000 },
        { evaluators },
      )
    ).id;

    const pesels = { fix: 2, withdraw: 4, funded: 0, appeal: 1, late: 5, draft: 6 } as const;
    for (const key of Object.keys(app) as (keyof typeof app)[]) {
      const draft = check(
        await applications.post(
          '/api/applications',
          { callId, form: formFor(PESELS[pesels[key]]!) },
          applicant.token,
        ),
        201,
        `draft ${key}`,
      );
      app[key] = draft.id;
      if (key === 'draft') continue;
      reference[key] = check(
        await applications.post(`/api/applications/${draft.id}/submit`, {}, applicant.token),
        200,
        `submit ${key}`,
      ).reference;
    }
    check(
      await applications.post(
        `/api/applications/${app.fix}/formal-check`,
        {
          result: 'corrections',
          issues: [
            {
              path: 'form.jobs[0].position',
              description: 'Należy podać pełną nazwę stanowiska zgodną z klasyfikacją zawodów',
            },
          ],
        },
        op,
      ),
      200,
      'corrections',
    );
    // Evaluated now (the call closes on 20 January; the ranking is approved after it).
    const grantsView = { prefix: platform.prefix, api: grants } as unknown as GrantsPlatform;
    for (const [key, total] of [
      ['funded', 90],
      ['appeal', 10],
      ['late', 12],
    ] as const) {
      await acceptFormally(platform, op, app[key], key);
      const assigned = await waitForAssignments(grantsView, evaluators, app[key], 2);
      for (const { evaluator, evaluation } of assigned)
        await declareAndScore(grantsView, evaluator, evaluation.id, total);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('shows what to correct and by when, and after the answer the changes as "było / jest"', async () => {
    const { context, page } = await applicantPage();
    await page.goto(`${portal.url}/wnioski`);
    const row = page.locator('tr', { hasText: reference.fix! });
    await expect(row.textContent()).resolves.toMatch(/Do uzupełnienia/);
    await expect(row.textContent()).resolves.toMatch(/Uzupełnić do \d+ stycznia 2027,? 23:59/);

    await page.goto(`${portal.url}/wnioski/${app.fix}/status`);
    expect(await page.title()).toBe(`Przebieg wniosku ${reference.fix} – OWES Granty`);
    const current = page.locator('.owes-timeline__step--current');
    await expect(current.textContent()).resolves.toContain('Etap bieżący');
    await expect(current.textContent()).resolves.toContain('Wezwano do uzupełnienia wniosku');
    await expect(current.textContent()).resolves.toContain(
      'Należy podać pełną nazwę stanowiska zgodną z klasyfikacją zawodów',
    );
    await expect(current.textContent()).resolves.toMatch(/Termin: do \d+ stycznia 2027/);
    expect(await page.getByRole('button', { name: 'Uzupełnij wniosek' }).getAttribute('href')).toBe(
      `/wnioski/${app.fix}`,
    );
    await expectAccessible(page);

    // The applicant answers in the form's pages: the task list, the jobs section, check, submit.
    await page.getByRole('button', { name: 'Uzupełnij wniosek' }).click();
    await page.waitForURL(`${portal.url}/wnioski/${app.fix}`);
    await page.getByRole('link', { name: 'Miejsca pracy i osoby do zatrudnienia' }).click();
    await page.locator('#jobs-0-position').fill('Kucharz (kod zawodu 512001)');
    await page.getByRole('button', { name: 'Zapisz i wróć do listy' }).click();
    await page.waitForURL(`${portal.url}/wnioski/${app.fix}`);
    clock.set(warsaw('2027-01-07', '11:30:00'));
    await page.getByRole('button', { name: 'Sprawdź odpowiedzi i złóż wniosek' }).click();
    await page.waitForURL(`${portal.url}/wnioski/${app.fix}/sprawdz`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Złóż poprawiony wniosek' }).click();
    await page.waitForURL(`${portal.url}/wnioski/${app.fix}/potwierdzenie`);
    await page.goto(`${portal.url}/wnioski/${app.fix}/status`);
    const answered = page.locator('.owes-timeline__step--current');
    await expect(answered.textContent()).resolves.toContain(
      'Złożono uzupełniony wniosek (wersja 2)',
    );
    await answered.getByRole('link', { name: 'Zobacz zmiany względem poprzedniej wersji' }).click();
    await page.waitForURL(`**/wnioski/${app.fix}/zmiany`);
    expect(await page.locator('h1').textContent()).toBe('Zmiany w ostatniej wersji wniosku');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Miejsce pracy 1 — Stanowisko',
    );
    const list = page.locator('.owes-change');
    await expect(list.textContent()).resolves.toMatch(/Było\s*Stanowisko 1/);
    await expect(list.textContent()).resolves.toMatch(/Jest\s*Kucharz \(kod zawodu 512001\)/);
    expect(await page.content()).not.toContain('"position"');
    await expectAccessible(page);
    await context.close();
  });

  it('withdraws an application after a warning, back to its status with a banner', async () => {
    const { context, page } = await applicantPage();
    await page.goto(`${portal.url}/wnioski/${app.withdraw}/status`);
    await page.getByRole('button', { name: 'Wycofaj wniosek' }).click();
    await page.waitForURL(`**/wnioski/${app.withdraw}/wycofaj`);
    await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain(
      'Wycofania nie można cofnąć',
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tak, wycofuję wniosek' }).click();
    await page.waitForURL(`**/wnioski/${app.withdraw}/status`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Wniosek ${reference.withdraw} został wycofany.`,
    );
    await expect(page.locator('.owes-timeline__step--current').textContent()).resolves.toContain(
      'Wniosek wycofany',
    );
    await expectAccessible(page);
    // nothing more to withdraw: the page says so
    await page.goto(`${portal.url}/wnioski/${app.withdraw}/wycofaj`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Tego wniosku nie można już wycofać.',
    );
    await expectAccessible(page);
    await context.close();
  });

  it('appeals within the term naming the contested criteria; errors of the page and of the API are summarised', async () => {
    const { grants } = api();
    const op = operator.token;
    // The corrected one is rejected after all (every application has its formal decision).
    check(
      await api().applications.post(
        `/api/applications/${app.fix}/formal-check`,
        { result: 'rejected', reasons: ['Stanowisko nie spełnia warunków naboru'] },
        op,
      ),
      200,
      'rejected',
    );
    // The call closed on 20 January: the ranking is approved, the funded one's agreement signed.
    clock.set(warsaw('2027-01-21', '10:00:00'));
    check(
      await grants.post(
        '/api/exchange-rates',
        { validFrom: '2027-01-21', plnPerEur: '4.2000' },
        op,
      ),
      201,
      'rate',
    );
    await expectEventually(async () =>
      check(await grants.post(`/api/calls/${callId}/ranking/approve`, {}, op), 200, 'approve'),
    );
    const decisions = check(await grants.get(`/api/decisions?callId=${callId}`, op), 200, 'd');
    for (const d of decisions.items) {
      for (const key of ['funded', 'appeal', 'late'] as const)
        if (d.applicationId === app[key]) decisionOf[key] = d.id;
    }
    const awards = check(await grants.get(`/api/awards?callId=${callId}`, op), 200, 'awards');
    awardId = awards.items.find((a: any) => a.applicationId === app.funded).id;
    check(
      await grants.post(
        `/api/awards/${awardId}/agreement`,
        {
          signedOn: '2027-01-21',
          security: { kind: 'blank-promissory-note', declarationSigned: true },
          deMinimisCertificateNumber: 'DM/2027/0001',
        },
        op,
      ),
      200,
      'agreement',
    );
    check(
      await grants.post(
        `/api/awards/${awardId}/payments`,
        { kind: 'tranche', amount: 2_000_000, paidOn: '2027-01-21' },
        op,
      ),
      201,
      'payment',
    );

    const { context, page } = await applicantPage();
    await page.goto(`${portal.url}/wnioski/${app.appeal}/status`);
    const decision = page.locator('.owes-timeline__step--current');
    await expect(decision.textContent()).resolves.toContain('Wynik oceny merytorycznej');
    await expect(decision.textContent()).resolves.toContain('Liczba punktów: 10.');
    await expect(decision.textContent()).resolves.toMatch(
      /Odwołanie można złożyć do \d+ stycznia 2027,? 23:59 \(ostatni dzień: \d+ stycznia 2027\)/,
    );
    await page.getByRole('button', { name: 'Złóż odwołanie' }).click();
    await page.waitForURL(`**/decyzje/${decisionOf.appeal}/odwolanie`);
    await expect(page.locator('main').textContent()).resolves.toContain('Przyznano 10 z 30 pkt');
    await expectAccessible(page);

    // nothing chosen, nothing written: both fields named in the summary
    await page.getByRole('button', { name: 'Złóż odwołanie' }).click();
    expect(await page.title()).toMatch(/^Błąd: Odwołanie od wyniku oceny/);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.textContent()).resolves.toContain(
      'Należy zaznaczyć co najmniej jedno kwestionowane kryterium',
    );
    await expect(summary.textContent()).resolves.toContain('Należy wpisać uzasadnienie odwołania');
    await expectAccessible(page);

    // a criterion the call does not have (a tampered form): the service's error, on the field
    await page.getByLabel('Analiza rynku (K2)').check();
    await page.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input[name="criteria"]:checked');
      if (box) box.value = 'K9';
    });
    await page
      .getByLabel('Uzasadnienie odwołania')
      .fill('Oceniający pominęli analizę rynku zawartą w sekcji 3 biznesplanu.');
    await page.getByRole('button', { name: 'Złóż odwołanie' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Nieznane kryterium',
    );
    await expect(page.locator('#criteria-error').textContent()).resolves.toContain(
      'Nieznane kryterium',
    );
    await expectAccessible(page);

    await page.getByLabel('Analiza rynku (K2)').check();
    await page.getByLabel('Efekt społeczny (K5)').check();
    await page.getByRole('button', { name: 'Złóż odwołanie' }).click();
    await page.waitForURL(`**/wnioski/${app.appeal}/status`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Odwołanie zostało złożone',
    );
    await expect(page.locator('.owes-timeline__step--current').textContent()).resolves.toContain(
      'Zakwestionowane kryteria: K2, K5.',
    );
    await expectAccessible(page);
    // one appeal per decision: the page explains, no form
    await page.goto(`${portal.url}/decyzje/${decisionOf.appeal}/odwolanie`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Odwołanie od tej decyzji zostało złożone',
    );
    expect(await page.locator('form textarea').count()).toBe(0);
    await expectAccessible(page);
    // the funded one: nothing to appeal
    await page.goto(`${portal.url}/decyzje/${decisionOf.funded}/odwolanie`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Wniosek otrzymał dofinansowanie',
    );
    await expectAccessible(page);
    await context.close();
  });

  it('lists each job’s monthly reports with due dates and states, and takes one', async () => {
    clock.set(warsaw('2027-03-02', '09:00:00'));
    const { context, page } = await applicantPage();
    // the appeal term of the late one is over: the page says since when
    await page.goto(`${portal.url}/decyzje/${decisionOf.late}/odwolanie`);
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /Termin na złożenie odwołania upłynął \d+ stycznia 2027/,
    );
    await expectAccessible(page);

    await page.goto(`${portal.url}/wnioski/${app.funded}/status`);
    await page.getByRole('button', { name: 'Potwierdzenia utrzymania miejsc pracy' }).click();
    await page.waitForURL(`**/umowy/${awardId}/raporty`);
    const table = page.locator('table').first();
    await expect(table.textContent()).resolves.toMatch(/luty 2027\s*\d+ marca 2027\s*Do złożenia/);
    await expect(table.textContent()).resolves.toMatch(/marzec 2027.*Jeszcze nie teraz/s);
    await expectAccessible(page);

    // nothing chosen
    await page.getByRole('button', { name: 'Złóż potwierdzenie' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wybrać miesiąc',
    );
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wybrać, czy miejsce pracy nadal istnieje',
    );
    await expectAccessible(page);

    // "yes" without the evidence
    await page.getByLabel('luty 2027').check();
    await page.getByLabel('Tak', { exact: true }).check();
    await page.getByRole('button', { name: 'Złóż potwierdzenie' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wpisać numer dokumentu potwierdzającego zatrudnienie',
    );
    await expectAccessible(page);
    await page.getByLabel('Numer dokumentu potwierdzającego zatrudnienie').fill('DRA/2027/02/0001');
    await page.getByRole('button', { name: 'Złóż potwierdzenie' }).click();
    await page.waitForURL(`**/umowy/${awardId}/raporty`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Potwierdzenie za luty 2027 zostało złożone.',
    );
    await expect(page.locator('table').first().textContent()).resolves.toMatch(
      /luty 2027\s*\d+ marca 2027\s*Złożone/,
    );
    await expectAccessible(page);
    await context.close();
  });

  it('shows the whole history of a funded application and prints it without navigation or buttons', async () => {
    const { context, page } = await applicantPage();
    await page.goto(`${portal.url}/wnioski/${app.funded}/status`);
    const timeline = page.locator('.owes-timeline');
    const text = (await timeline.textContent()) ?? '';
    for (const step of [
      'Utworzono wersję roboczą wniosku',
      'Złożono wniosek',
      `Nadano numer ${reference.funded}.`,
      'Wniosek przyjęty w ocenie formalnej',
      'Wynik oceny merytorycznej',
      'Liczba punktów: 90.',
      'Podpisano umowę',
      'Termin potwierdzenia utrzymania miejsc pracy',
    ]) {
      expect(text).toContain(step);
    }
    expect(text).toMatch(/Wypłacono 20\s000,00\szł/);
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'portal-status-timeline');

    await page.getByRole('link', { name: 'Wersja do druku' }).click();
    await page.waitForURL(`**/wnioski/${app.funded}/wydruk`);
    await expect(page.locator('h1').textContent()).resolves.toContain(reference.funded!);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const section of ['Wnioskodawca', 'Miejsca pracy', 'Budżet', 'Biznesplan', 'Oświadczenia'])
      expect(main).toContain(section);
    // in the form's order, not the database's
    expect(main).toMatch(/Miejsce pracy 1 — Stanowisko.*Miejsce pracy 1 — PESEL/s);
    expect(main).toMatch(/Data i godzina złożenia\s*5 stycznia 2027,? 10:00/);
    const printButton = page.getByRole('button', { name: 'Drukuj' });
    await expect(printButton.isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.govuk-service-navigation').isVisible()).resolves.toBe(false);
    await expect(printButton.isVisible()).resolves.toBe(false);
    await screenshot(page, 'portal-status-print');
    await context.close();

    // without JavaScript the button is not there to be pressed
    const noJs = await applicantPage(false);
    await noJs.page.goto(`${portal.url}/wnioski/${app.funded}/wydruk`);
    await expect(noJs.page.getByRole('button', { name: 'Drukuj' }).count()).resolves.toBe(0);
    await noJs.context.close();
  });

  it('lists the applications with their state in words, the next step and the right links', async () => {
    const { context, page } = await applicantPage();
    await page.goto(`${portal.url}/wnioski`);
    expect(await page.title()).toBe('Moje wnioski – OWES Granty');
    const rowOf = (key: keyof typeof app) =>
      page.locator('tbody tr').filter({ has: page.locator(`a[href^="/wnioski/${app[key]}"]`) });
    await expect(rowOf('draft').textContent()).resolves.toContain('Wersja robocza');
    expect(await rowOf('draft').locator('a').getAttribute('href')).toBe(`/wnioski/${app.draft}`);
    await expect(rowOf('withdraw').textContent()).resolves.toContain('Wycofany');
    await expect(rowOf('funded').textContent()).resolves.toContain('Umowa zawarta');
    await expect(rowOf('appeal').textContent()).resolves.toContain('Nie uzyskał minimum punktów');
    await expect(rowOf('fix').textContent()).resolves.toContain('Odrzucony formalnie');
    expect(await rowOf('fix').locator('a').getAttribute('href')).toBe(`/wnioski/${app.fix}/status`);
    await expectAccessible(page);
    await screenshot(page, 'portal-status-list');
    await context.close();

    // someone with no application yet is pointed to the calls
    const newcomer = await platform.account('applicant', { name: 'Bartosz Nowy' });
    const other = await newContext(browser);
    const empty = await other.newPage();
    await signIn(empty, portal, newcomer);
    await empty.goto(`${portal.url}/wnioski`);
    await expect(empty.locator('main').textContent()).resolves.toContain(
      'Nie złożono jeszcze żadnego wniosku.',
    );
    expect(
      await empty
        .getByRole('link', { name: 'Zobacz otwarte nabory i rozpocznij wniosek' })
        .getAttribute('href'),
    ).toBe('/nabory');
    await expectAccessible(empty);
    // and never sees another person's application
    const foreign = await empty.goto(`${portal.url}/wnioski/${app.funded}/status`);
    expect(foreign?.status()).toBe(404);
    await other.close();
  });
});
