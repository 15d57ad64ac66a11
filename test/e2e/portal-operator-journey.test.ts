import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import { waitForAssignments, type Platform as GrantsPlatform } from '../support/grants-fixtures.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import {
  check,
  createProgramme,
  namedAccount,
  warsaw as warsawAt,
  type Account,
} from '../support/portal-world.js';

jest.setTimeout(240_000);

/** Warsaw wall time in winter, at 10:00 unless told. */
const warsaw = (date: string, time = '10:00:00') => warsawAt(date, time);

/**
 * One operator runs a call from start to money, in the browser, against the real services: the
 * call created and published, its committee named, an application formally accepted, the
 * ranking approved, the agreement prepared and signed, and a first payment recorded. What other
 * people do (the applicant applies, the evaluators score) goes through the services' APIs.
 */
describe('portal: an operator runs a call from publication to the first payment', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05'));
  let operator: Account;
  let applicant: Account;
  const evaluators: Account[] = [];

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);
  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    operator = { ...(await platform.account('operator')), name: 'Grażyna Operatorka' };
    applicant = await namedAccount(platform, 'applicant', 'Anna Kowalska');
    for (const name of ['Celina Oceniająca', 'Dariusz Oceniający'])
      evaluators.push(await namedAccount(platform, 'evaluator', name));
    await createProgramme(platform.api.grants, operator.token);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('publishes a call, accepts an application, approves the ranking, signs the agreement and pays', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, portal, operator);
    const number = `NAB/${Date.now().toString(36)}/2027`;

    // 1. The call: created through the form, then published after the confirmation.
    await page.goto(`${portal.url}/biuro/nabory`);
    await page.getByRole('button', { name: 'Utwórz nabór' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/nowy`);
    await page.locator('#number').fill(number);
    await page.locator('#title').fill('Miejsca pracy w przedsiębiorstwach społecznych 2027');
    await page.locator('#opens-day').fill('6');
    await page.locator('#opens-month').fill('1');
    await page.locator('#opens-year').fill('2027');
    await page.locator('#opens-time').fill('08:00');
    await page.locator('#closes-day').fill('20');
    await page.locator('#closes-month').fill('1');
    await page.locator('#closes-year').fill('2027');
    await page.locator('#closes-time').fill('16:00');
    await page.locator('#budget').fill('250 000,00');
    await page.locator('#c-0-name').fill('Spójność i realność biznesplanu');
    await page.locator('#c-0-maxPoints').fill('20');
    await page.getByRole('button', { name: 'Dodaj kryterium' }).click();
    await page.locator('#c-1-name').fill('Efekt społeczny');
    await page.locator('#c-1-maxPoints').fill('10');
    await page.getByRole('button', { name: 'Zapisz nabór' }).click();
    await page.waitForURL(/\/biuro\/nabory\/[0-9a-f-]{36}$/);
    const callId = page.url().split('/').pop()!;
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opublikuj' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${callId}/publikacja`);
    await page.getByRole('button', { name: 'Tak, opublikuj nabór' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${callId}`);
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      `Opublikowano nabór ${number}.`,
    );
    await expectAccessible(page);

    // 2. The committee: both evaluators, the first one chairs it.
    await page.goto(`${portal.url}/biuro/nabory/${callId}/oceniajacy`);
    for (const [i, evaluator] of evaluators.entries()) {
      await expectEventually(async () => {
        await page.goto(`${portal.url}/biuro/nabory/${callId}/oceniajacy`);
        await page.locator('#email').fill(evaluator.email);
        if (i === 0) await page.getByLabel('Przewodniczący komisji w tym naborze').check();
        await page.getByRole('button', { name: 'Dodaj do komisji' }).click();
        await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
          `Dodano do komisji: ${evaluator.name}.`,
        );
      });
    }
    await expectAccessible(page);

    // 3. An applicant applies (through the API) while the call is open.
    clock.set(warsaw('2027-01-07'));
    await expectEventually(async () =>
      check(
        await platform.api.applications.get(`/api/calls/${callId}`),
        200,
        'call in applications',
      ),
    );
    const draft = check(
      await platform.api.applications.post(
        '/api/applications',
        { callId, form: applicationForm(1) },
        applicant.token,
      ),
      201,
      'draft',
    );
    const reference = check(
      await platform.api.applications.post(
        `/api/applications/${draft.id}/submit`,
        {},
        applicant.token,
      ),
      200,
      'submit',
    ).reference as string;

    // 4. The formal check in the browser: accepted after the confirmation.
    await page.goto(`${portal.url}/biuro/wnioski/${draft.id}`);
    await page.getByRole('button', { name: 'Przeprowadź ocenę formalną' }).click();
    await page.waitForURL(`**/biuro/wnioski/${draft.id}/ocena-formalna`);
    await page.getByLabel('Przyjąć wniosek').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Potwierdzenie przyjęcia wniosku' })
      .waitFor();
    await page.getByRole('button', { name: 'Potwierdzam przyjęcie wniosku' }).click();
    await page.waitForURL(`**/biuro/wnioski/${draft.id}`);
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      `Wniosek ${reference} przyjęto w ocenie formalnej.`,
    );
    await expectAccessible(page);

    // 5. Both evaluators declare impartiality and score (through the API).
    const grantsView = {
      prefix: platform.prefix,
      api: platform.api.grants,
    } as unknown as GrantsPlatform;
    for (const { evaluator, evaluation } of await waitForAssignments(
      grantsView,
      evaluators,
      draft.id,
      2,
    )) {
      check(
        await platform.api.grants.post(
          `/api/evaluations/${evaluation.id}/declaration`,
          { conflictOfInterest: false, confidentiality: true },
          evaluator.token,
        ),
        200,
        'declaration',
      );
      check(
        await platform.api.grants.post(
          `/api/evaluations/${evaluation.id}/scores`,
          {
            scores: [
              { criterionId: 'K1', points: 17, justification: 'Spójny i realny biznesplan' },
              { criterionId: 'K2', points: 8, justification: 'Wyraźny efekt społeczny' },
            ],
          },
          evaluator.token,
        ),
        200,
        'scores',
      );
    }

    // 6. After the call has closed: the ranking approved after the confirmation.
    clock.set(warsaw('2027-01-21'));
    await page.goto(`${portal.url}/biuro/nabory/${callId}/ranking`);
    await expect(text(page, 'table.owes-ranking tbody')).resolves.toContain(reference);
    await page.getByRole('button', { name: 'Zatwierdź listę rankingową' }).click();
    await page.waitForURL(`**/biuro/nabory/${callId}/ranking/zatwierdz`);
    await page.getByRole('button', { name: 'Tak, zatwierdzam listę rankingową' }).click();
    await page.waitForURL(`**/biuro/nabory/${callId}/ranking`);
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Liczba wniosków do dofinansowania: 1.',
    );
    await expectAccessible(page);

    // 7. The agreement: prepared for the 25th, signed that day with a blank promissory note.
    await page.goto(`${portal.url}/biuro/umowy`);
    const row = page.locator('tbody tr', { hasText: reference });
    await expect(row.textContent()).resolves.toContain('Przygotować umowę');
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/biuro\/umowy\/[0-9a-f-]{36}$/);
    const awardId = page.url().split('/').pop()!;
    await page.locator('#prepare-signingOn-day').fill('25');
    await page.locator('#prepare-signingOn-month').fill('1');
    await page.locator('#prepare-signingOn-year').fill('2027');
    await page.getByRole('button', { name: 'Przygotuj umowę' }).click();
    await page.waitForURL(new RegExp(`/biuro/umowy/${awardId}#umowa$`));
    clock.set(warsaw('2027-01-25'));
    check(
      await platform.api.grants.post(
        '/api/exchange-rates',
        { validFrom: '2027-01-25', plnPerEur: '4.2000' },
        operator.token,
      ),
      201,
      'rate',
    );
    await page.goto(`${portal.url}/biuro/umowy/${awardId}`);
    await page.getByLabel('Weksel in blanco wraz z deklaracją wekslową').check();
    await page.getByLabel('Deklaracja wekslowa została podpisana').check();
    await page.getByLabel('Numer zaświadczenia o pomocy de minimis').fill('DM/2027/0007');
    await page.getByRole('button', { name: 'Zapisz zawarcie umowy' }).click();
    await page.waitForURL(new RegExp(`/biuro/umowy/${awardId}#umowa$`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Zapisano zawarcie umowy',
    );

    // 8. The first tranche.
    const award = check(
      await platform.api.grants.get(`/api/awards/${awardId}`, operator.token),
      200,
      'award',
    );
    const half = Math.floor(award.amount / 2);
    const pln = (grosze: number) =>
      new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }).format(grosze / 100);
    await page.getByLabel('Kwota wypłaty').fill(pln(half));
    await page.getByRole('button', { name: 'Zapisz wypłatę' }).click();
    await page.waitForURL(new RegExp(`/biuro/umowy/${awardId}#wyplaty$`));
    const squash = (s: string) => s.replace(/\s/g, '');
    expect(squash(await text(page, '.owes-limits'))).toContain(
      squash(`Wypłacono dotychczas ${pln(half)} Pozostało do wypłaty ${pln(award.amount - half)}`),
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-award-journey');
    expect(
      check(await platform.api.grants.get(`/api/awards/${awardId}`, operator.token), 200, 'paid')
        .paidTotal,
    ).toBe(half);
    await context.close();
  });
});
