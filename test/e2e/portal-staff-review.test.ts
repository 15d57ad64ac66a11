import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import {
  declareAndScore,
  grantsQuery,
  waitForAssignments,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';
import {
  PESELS,
  applicationForm,
  type ApplicationFormInput,
} from '../../apps/applications/test/form-fixtures.js';
import {
  acceptFormally,
  check,
  createProgramme,
  namedAccount,
  publishCall,
  signedInPage,
  submitApplication,
  warsaw,
} from '../support/portal-world.js';

jest.setTimeout(240_000);

interface Account {
  token: string;
  id: string;
  email: string;
  password: string;
}

/** A one-job application whose employee is `pesel`. */
function formFor(pesel: string, name: string): ApplicationFormInput {
  const form = applicationForm(1);
  form.jobs[0]!.person = { ...form.jobs[0]!.person, pesel };
  form.applicant = { ...form.applicant, name };
  return form;
}

type Key = 'acc' | 'dup' | 'rej' | 'r1' | 'r2' | 'r3';

/**
 * The operator's formal check and ranking (issue #14): the centre's applications filtered, one
 * with a conflict across applications sent back for corrections, one accepted (by keyboard
 * only), one rejected with reasons (without JavaScript); then the ranking with its budget line,
 * reserve list and tie, approved after a confirmation (a second approval refused with a clear
 * message), and both CSV exports — built through the services' APIs, looked at in a real
 * browser and checked with axe.
 */
describe('portal: the formal check and the ranking for centre staff', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05', '10:00:00'));
  let operator: Account;
  let applicant: Account;
  let evaluators: (Account & { name: string })[];
  let callId: string;
  let callNumber: string;
  let amount = 0;
  const app = {} as Record<Key, string>;
  const reference = {} as Record<Key, string>;

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);
  const grantsView = () =>
    ({
      prefix: platform.prefix,
      api: platform.api.grants,
      db: platform.db,
    }) as unknown as GrantsPlatform;

  async function operatorPage(javaScriptEnabled = true) {
    return signedInPage(browser, portal, operator, { javaScriptEnabled, timeout: 20_000 });
  }

  /** Presses Tab until `script` (run in the page) says the focused element is the one. */
  async function tabTo(page: Page, what: string, script: string) {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(script)) return;
    }
    throw new Error(`no focus on ${what}`);
  }

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const { grants } = platform.api;
    operator = await platform.account('operator', { name: 'Grażyna Operatorka' });
    applicant = await platform.account('applicant', { name: 'Anna Kowalska' });
    evaluators = [];
    for (const name of ['Celina Oceniająca', 'Dariusz Oceniający'])
      evaluators.push(await namedAccount(platform, 'evaluator', name));
    const op = operator.token;
    const programmeId = await createProgramme(grants, op);
    // A one-job application asks for 73 390 zł: the budget funds two and a half of them.
    // The first evaluator chairs the call's committee.
    const call = await publishCall(
      platform,
      op,
      { programmeId, maxJobsPerEntity: 10, budget: 18_347_500 },
      { evaluators, chair: evaluators[0] },
    );
    callId = call.id;
    callNumber = call.number;

    // acc and dup name the same employee: dup, the later one, conflicts with acc.
    const plan: [Key, string, string][] = [
      ['r1', PESELS[2]!, 'Spółdzielnia Socjalna „Pierwsza”'],
      ['r2', PESELS[3]!, 'Spółdzielnia Socjalna „Druga”'],
      ['r3', PESELS[4]!, 'Spółdzielnia Socjalna „Trzecia”'],
      ['acc', PESELS[0]!, 'Spółdzielnia Socjalna „Przyjęta”'],
      ['dup', PESELS[0]!, 'Spółdzielnia Socjalna „Konflikt”'],
      ['rej', PESELS[1]!, 'Spółdzielnia Socjalna „Odrzucona”'],
    ];
    for (const [key, pesel, name] of plan) {
      clock.advance(60_000);
      const submitted = await submitApplication(
        platform,
        applicant,
        callId,
        formFor(pesel, name),
        key,
      );
      app[key] = submitted.id;
      reference[key] = submitted.reference;
      amount = submitted.body.amount.total;
    }
    expect(amount).toBe(7_339_000);
    // r1..r3 accepted and evaluated through the API: 90, and a tie of 80 and 80.
    for (const [key, total] of [
      ['r1', 90],
      ['r2', 80],
      ['r3', 80],
    ] as const) {
      await acceptFormally(platform, op, app[key], key);
      const assigned = await waitForAssignments(grantsView(), evaluators, app[key], 2);
      for (const { evaluator, evaluation } of assigned)
        await declareAndScore(grantsView(), evaluator, evaluation.id, total);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('lists the centre’s applications, filtered by state, call and reference', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/wnioski`);
    expect(await page.title()).toBe('Wnioski – OWES Granty');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Liczba wniosków spełniających kryteria: 6.',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-review-list');

    await page.getByLabel('Stan wniosku').selectOption('submitted');
    await page.getByLabel('Nabór').selectOption(callId);
    await page.getByRole('button', { name: 'Pokaż wnioski' }).click();
    await page.waitForURL(/stan=submitted/);
    expect(new URL(page.url()).searchParams.get('nabor')).toBe(callId);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    for (const key of ['acc', 'dup', 'rej'] as const)
      await expect(page.locator('tbody').textContent()).resolves.toContain(reference[key]);
    await expect(rows.first().textContent()).resolves.toContain('Oczekuje na ocenę formalną');
    // the CSV link carries the same filters
    const csvHref = await page.getByRole('link', { name: /Pobierz wnioski/ }).getAttribute('href');
    expect(csvHref).toBe(`/biuro/wnioski/eksport.csv?stan=submitted&nabor=${callId}`);
    await expectAccessible(page);

    await page.getByLabel('Numer wniosku lub nazwa wnioskodawcy').fill(reference.dup.slice(-5));
    await page.getByRole('button', { name: 'Pokaż wnioski' }).click();
    await page.waitForURL(/szukaj=/);
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Spółdzielnia Socjalna „Konflikt”');
    await expectAccessible(page);

    // nothing matches: the page says so
    await page.goto(`${portal.url}/biuro/wnioski?szukaj=nie-ma-takiego`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Żaden wniosek nie spełnia wybranych kryteriów.',
    );
    await expectAccessible(page);
    await context.close();

    // an applicant has no business here
    const other = await newContext(browser);
    const own = await other.newPage();
    await signIn(own, portal, applicant);
    const refused = await own.goto(`${portal.url}/biuro/wnioski`);
    expect(refused?.status()).toBe(403);
    await other.close();
  });

  it('shows a conflict across applications, and asks for corrections after a validation error and a confirmation', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/wnioski?szukaj=${encodeURIComponent(reference.dup)}`);
    await page.getByRole('link', { name: reference.dup }).click();
    await page.waitForURL(`**/biuro/wnioski/${app.dup}`);
    expect(await page.title()).toBe(`Wniosek ${reference.dup} – OWES Granty`);
    const conflicts = page.locator('.owes-conflicts');
    await expect(conflicts.textContent()).resolves.toContain('PESEL');
    expect(await conflicts.getByRole('link', { name: reference.acc }).getAttribute('href')).toBe(
      `/biuro/wnioski/${app.acc}`,
    );
    const main = (await page.locator('main').textContent()) ?? '';
    for (const text of ['Wnioskodawca', 'Miejsca pracy', 'Budżet', 'Biznesplan', '73 390,00'])
      expect(main.replace(/\s/g, ' ')).toContain(text);
    await expectAccessible(page);
    await screenshot(page, 'staff-review-application');

    await page.getByRole('button', { name: 'Przeprowadź ocenę formalną' }).click();
    await page.waitForURL(`**/biuro/wnioski/${app.dup}/ocena-formalna`);
    await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain(
      'przyjęcie zostanie odmówione',
    );
    await expectAccessible(page);

    // corrections chosen, nothing written: the error is named in the summary and by the field
    await page.getByLabel('Wezwać do uzupełnienia braków formalnych').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Błąd: Ocena formalna wniosku/);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wpisać co najmniej jeden brak do uzupełnienia',
    );
    await expect(page.locator('#braki-error').textContent()).resolves.toContain(
      'Należy wpisać co najmniej jeden brak do uzupełnienia',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-review-check-error');

    await page
      .getByLabel('Braki do uzupełnienia')
      .fill(
        'Należy wskazać inną osobę do zatrudnienia: ta sama osoba jest we wcześniejszym wniosku\nNależy dołączyć zaświadczenie z urzędu pracy',
      );
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Potwierdzenie wezwania do uzupełnienia' })
      .waitFor();
    const confirm = (await page.locator('main').textContent()) ?? '';
    expect(confirm).toContain('Należy dołączyć zaświadczenie z urzędu pracy');
    expect(confirm).toMatch(/5 dni roboczych, do \d+ stycznia 2027/);
    await expectAccessible(page);
    await screenshot(page, 'staff-review-check-confirm');

    // "change" brings the form back with what was typed
    await page.getByRole('button', { name: 'Zmień decyzję' }).click();
    await expect(page.getByLabel('Braki do uzupełnienia').inputValue()).resolves.toContain(
      'zaświadczenie z urzędu pracy',
    );
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('button', { name: 'Potwierdzam wezwanie do uzupełnienia' }).click();
    await page.waitForURL(`**/biuro/wnioski/${app.dup}`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toMatch(
      new RegExp(
        `Wezwano do uzupełnienia wniosku ${reference.dup}\\. Termin upływa \\d+ stycznia 2027`,
      ),
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Wezwano do uzupełnienia');
    await expectAccessible(page);
    const stored = check(
      await platform.api.applications.get(`/api/applications/${app.dup}`, operator.token),
      200,
      'dup',
    );
    expect(stored.state).toBe('corrections-requested');
    expect(stored.corrections.issues).toHaveLength(2);
    await context.close();
  });

  it('accepts an application by keyboard only', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/wnioski/${app.acc}`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Nie stwierdzono konfliktów z innymi wnioskami.',
    );
    const focused = (text: string) =>
      `(document.activeElement?.textContent ?? '').trim().startsWith(${JSON.stringify(text)})`;
    await tabTo(page, 'the check', focused('Przeprowadź ocenę formalną'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/biuro/wnioski/${app.acc}/ocena-formalna`);
    await tabTo(page, 'accept', `document.activeElement?.id === 'decyzja'`);
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Przyjąć wniosek').isChecked()).resolves.toBe(true);
    await tabTo(page, 'continue', focused('Dalej'));
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'Potwierdzenie przyjęcia wniosku' })
      .waitFor();
    await expectAccessible(page);
    await tabTo(page, 'confirm', focused('Potwierdzam przyjęcie wniosku'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/biuro/wnioski/${app.acc}`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Wniosek ${reference.acc} przyjęto w ocenie formalnej.`,
    );
    await expectAccessible(page);
    await context.close();
  });

  it('rejects an application with reasons without JavaScript', async () => {
    const { context, page } = await operatorPage(false);
    await page.goto(`${portal.url}/biuro/wnioski/${app.rej}/ocena-formalna`);
    // without JavaScript every revealed field is on the page
    await expect(page.getByLabel('Powody odrzucenia').isVisible()).resolves.toBe(true);
    await page.getByLabel('Odrzucić wniosek').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wpisać co najmniej jeden powód odrzucenia',
    );
    await page
      .getByLabel('Powody odrzucenia')
      .fill('Wniosek złożono na nieaktualnym wzorze\nBrak podpisu osoby uprawnionej');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Potwierdzenie odrzucenia wniosku' })
      .waitFor();
    await page.getByRole('button', { name: 'Potwierdzam odrzucenie wniosku' }).click();
    await page.waitForURL(`**/biuro/wnioski/${app.rej}`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Wniosek ${reference.rej} odrzucono w ocenie formalnej.`,
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Brak podpisu osoby uprawnionej',
    );
    await context.close();

    // the same pages with JavaScript, for axe: the rejected application, its error state
    const js = await operatorPage();
    await js.page.goto(`${portal.url}/biuro/wnioski/${app.rej}`);
    await expectAccessible(js.page);
    await js.page.goto(`${portal.url}/biuro/wnioski/${app.rej}/ocena-formalna`);
    await expect(js.page.locator('main').textContent()).resolves.toContain(
      'Wniosek nie oczekuje na ocenę formalną',
    );
    await expectAccessible(js.page);

    // the CSV of the list, with its filters, through the portal
    const csv = await js.page.request.get(
      `${portal.url}/biuro/wnioski/eksport.csv?stan=formally-rejected&nabor=${callId}`,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(reference.rej);
    expect(text).not.toContain(reference.acc);
    await js.context.close();
  });

  it('shows the ranking with the budget line, the reserve list and the tie; approves it once after a confirmation; downloads its CSV', async () => {
    const op = operator.token;
    // the conflicting application is withdrawn; the accepted one is evaluated (70 points)
    check(
      await platform.api.applications.post(
        `/api/applications/${app.dup}/withdraw`,
        {},
        applicant.token,
      ),
      200,
      'withdraw',
    );
    const assigned = await waitForAssignments(grantsView(), evaluators, app.acc, 2);
    for (const { evaluator, evaluation } of assigned)
      await declareAndScore(grantsView(), evaluator, evaluation.id, 70);
    await expectEventually(async () => {
      const [row] = await grantsQuery<{ n: string }>(
        grantsView(),
        `SELECT count(*) AS n FROM grants.applications WHERE call_id = $1 AND state = 'submitted'`,
        [callId],
      );
      expect(Number(row!.n)).toBe(0);
      const ranking = check(
        await platform.api.grants.get(`/api/calls/${callId}/ranking`, op),
        200,
        'ranking',
      );
      expect(ranking.rows.filter((r: any) => r.rank !== null)).toHaveLength(4);
    });
    clock.set(warsaw('2027-01-21', '10:00:00'));

    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory/${callId}/ranking`);
    expect(await page.title()).toBe(`Lista rankingowa naboru ${callNumber} – OWES Granty`);
    const body = page.locator('table.owes-ranking tbody tr');
    await expect(body.count()).resolves.toBe(5);
    const texts = await body.allTextContents();
    expect(texts[0]).toContain(reference.r1);
    expect(texts[1]).toContain(reference.r2);
    expect(texts[2]).toMatch(/Granica budżetu: tu kończą się środki\. Pozostało 36\s695,00\szł/);
    expect(texts[3]).toContain(reference.r3);
    expect(texts[4]).toContain(reference.acc);
    // r2 and r3 tie on 80 points: marked, r2 first (submitted earlier)
    expect(texts[1]).toContain('ex aequo');
    expect(texts[3]).toContain('ex aequo');
    expect(texts[3]).toContain('Lista rezerwowa');
    const line = page.locator('#granica-opis');
    await expect(line.textContent()).resolves.toMatch(
      /Liczba wniosków z listy, na które wystarczają środki: 2\. Granicę budżetu zaznaczono w tabeli\. Pozostało 36\s695,00\szł/,
    );
    const reserve = await page.locator('.owes-reserve li').allTextContents();
    expect(reserve).toHaveLength(2);
    expect(reserve[0]).toContain(reference.r3);
    expect(reserve[1]).toContain(reference.acc);
    await expectAccessible(page);
    await screenshot(page, 'staff-ranking');

    // a second tab holds the confirmation page before the approval
    const second = await context.newPage();
    await second.goto(`${portal.url}/biuro/nabory/${callId}/ranking/zatwierdz`);

    await page.getByRole('button', { name: 'Zatwierdź listę rankingową' }).click();
    await page.waitForURL(`**/biuro/nabory/${callId}/ranking/zatwierdz`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      '2 do dofinansowania, 2 na liście rezerwowej, 0 poniżej progu',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-ranking-approve');
    await page.getByRole('button', { name: 'Tak, zatwierdzam listę rankingową' }).click();
    await page.waitForURL(`**/biuro/nabory/${callId}/ranking`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Lista rankingowa naboru ${callNumber} została zatwierdzona. Liczba wniosków do dofinansowania: 2.`,
    );
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /Listę zatwierdzono 21 stycznia 2027.*Wersja listy: 1\./s,
    );
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /Terminy na złożenie odwołań upływają najpóźniej \d+ stycznia 2027/,
    );
    expect(await page.getByRole('button', { name: 'Zatwierdź listę rankingową' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'staff-ranking-approved');

    // the other tab approves again: refused with a clear message, nothing broken
    await second.getByRole('button', { name: 'Tak, zatwierdzam listę rankingową' }).click();
    await expect(second.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Lista rankingowa tego naboru została już zatwierdzona',
    );
    expect(await second.title()).toMatch(/^Błąd: Zatwierdzenie listy rankingowej/);
    await expectAccessible(second);
    await screenshot(second, 'staff-ranking-refused');

    // in English, in the register of the English pages
    await page.goto(
      `${portal.url}/jezyk?na=en&powrot=${encodeURIComponent(`/biuro/nabory/${callId}/ranking`)}`,
    );
    await page
      .getByRole('heading', { level: 1, name: `Ranking list of call ${callNumber}` })
      .waitFor();
    await expect(page.locator('#granica-opis').textContent()).resolves.toContain(
      'Applications of the list the money covers: 2.',
    );
    await expectAccessible(page);
    await page.goto(
      `${portal.url}/jezyk?na=pl&powrot=${encodeURIComponent(`/biuro/nabory/${callId}/ranking`)}`,
    );

    // the committee chair (an evaluator) reads the approved list too; another evaluator may not
    const chairContext = await newContext(browser);
    const chairPage = await chairContext.newPage();
    await signIn(chairPage, portal, evaluators[0]!);
    await chairPage.goto(`${portal.url}/biuro/nabory/${callId}/ranking`);
    await expect(chairPage.locator('main').textContent()).resolves.toContain(
      'Listę zatwierdzono 21 stycznia 2027',
    );
    expect(await chairPage.locator('table.owes-ranking a').count()).toBe(0);
    await expectAccessible(chairPage);
    await chairContext.close();
    const otherContext = await newContext(browser);
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, portal, evaluators[1]!);
    const refused = await otherPage.goto(`${portal.url}/biuro/nabory/${callId}/ranking`);
    expect(refused?.status()).toBe(403);
    await otherContext.close();

    // the CSV of the ranking
    const csv = await page.request.get(`${portal.url}/biuro/nabory/${callId}/ranking/eksport.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toContain('attachment');
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Pozycja');
    expect(lines[0]).toContain('Numer wniosku');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(reference.r1);
    expect(lines[1]).toContain('funded');
    expect(lines[3]).toContain(reference.r3);
    expect(lines[3]).toContain('reserve');
    await context.close();
  });
});
