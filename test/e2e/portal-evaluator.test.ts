import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import {
  evaluationsOf,
  grantsQuery,
  waitForAssignments,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';
import { PESELS } from '../../apps/applications/test/form-fixtures.js';
import {
  acceptFormally,
  createProgramme,
  formFor,
  namedAccount,
  publishCall,
  signedInPage,
  submitApplication,
  warsaw,
  type Account,
} from '../support/portal-world.js';

jest.setTimeout(240_000);

/**
 * The evaluator's side of the portal (issue #14): the assigned evaluations (overdue first, an
 * appeal's re-evaluation marked), the impartiality declaration before the application opens, the
 * application without personal data, the scoring card kept as typed (a half-written
 * justification found again), its errors, check and submit; a conflict of interest that hands
 * the application to someone else; the same without JavaScript and by keyboard only; axe on
 * every page and state.
 */
describe('portal: the evaluator', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05', '10:00:00'));
  let applicant: Account;
  /** The evaluator who scores A and B (named by the assignment, not by the account's name). */
  let celina: Account;
  /** The other evaluator of A, who declares a conflict of interest. */
  let dariusz: Account;
  /** The one not given A at first, who gets it after the conflict. */
  let edyta: Account;
  /** Applications: A accepted on 5 January (overdue by the 22nd), B and C on the 12th. */
  const app = { a: '', b: '', c: '' };
  const reference = { a: '', b: '', c: '' };
  /** Celina's evaluations of each application (C: a re-evaluation after an appeal). */
  const celinaOf = { a: '', b: '', c: '' };
  let dariuszOfA = '';

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);
  const grantsView = () =>
    ({
      prefix: platform.prefix,
      api: platform.api.grants,
      db: platform.db,
    }) as unknown as GrantsPlatform;

  async function pageOf(account: Account, javaScriptEnabled = true) {
    return signedInPage(browser, portal, account, { javaScriptEnabled });
  }

  /** Presses Tab until the element with this id has the focus. */
  async function tabTo(page: Page, id: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    }
    throw new Error(`no focus on #${id}`);
  }

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const { grants } = platform.api;
    const operator = await platform.account('operator');
    const op = operator.token;
    applicant = await namedAccount(platform, 'applicant', 'Anna Kowalska');
    const evaluator = async (name: string): Promise<Account> => ({
      ...(await platform.account('evaluator', { name })),
      name,
    });
    const evaluators = [
      await evaluator('Celina Oceniająca'),
      await evaluator('Dariusz Oceniający'),
      await evaluator('Edyta Oceniająca'),
    ];
    [celina, dariusz, edyta] = evaluators as [Account, Account, Account];
    const programmeId = await createProgramme(grants, op);
    // In this order: the pool spreads evenly, the earliest added first.
    const callId = (
      await publishCall(platform, op, { programmeId, budget: 40_000_000 }, { evaluators })
    ).id;
    const pesel = { a: 0, b: 1, c: 2 } as const;
    for (const key of ['a', 'b', 'c'] as const) {
      const form = formFor(PESELS[pesel[key]]!);
      ({ id: app[key], reference: reference[key] } = await submitApplication(
        platform,
        applicant,
        callId,
        form,
        key,
      ));
    }
    const accept = async (key: 'a' | 'b' | 'c') => {
      await acceptFormally(platform, op, app[key], key);
      return waitForAssignments(grantsView(), evaluators, app[key], 2);
    };
    // A on 5 January to two of the three; B a week later to the third and one of A's (the
    // pool spreads evenly): that one scores, the other of A's declares a conflict, and A goes
    // to the third. C then to the two with fewer evaluations.
    const assignedA = await accept('a');
    clock.set(warsaw('2027-01-12', '10:00:00'));
    const assignedB = await accept('b');
    await accept('c');
    const onA = assignedA.map((x) => x.evaluator);
    const both = assignedB.find((x) => onA.includes(x.evaluator))!;
    celina = both.evaluator as Account;
    dariusz = onA.find((e) => e !== celina) as Account;
    edyta = evaluators.find((e) => !onA.includes(e))!;
    celinaOf.a = assignedA.find((x) => x.evaluator === celina)!.evaluation.id;
    dariuszOfA = assignedA.find((x) => x.evaluator === dariusz)!.evaluation.id;
    celinaOf.b = both.evaluation.id;
    // An appeal's re-evaluation of C for Celina, who has not scored it (as an appeal assigns).
    const [row] = await grantsQuery<{ id: string }>(
      grantsView(),
      `INSERT INTO grants.evaluations (centre_id, application_id, call_id, evaluator_id, round, seq,
          status, assigned_at, due_date)
       SELECT centre_id, application_id, call_id, $2, 'appeal', 9, 'assigned', $3, '2027-01-29'
         FROM grants.evaluations WHERE application_id = $1 LIMIT 1
       RETURNING id`,
      [app.c, celina.id, warsaw('2027-01-15', '10:00:00')],
    );
    celinaOf.c = row!.id;
    clock.set(warsaw('2027-01-22', '10:00:00'));
    const mine = await evaluationsOf(grantsView(), celina);
    const dueOf = (id: string) => mine.find((e) => e.id === id)!.dueDate;
    // A was due before today, B is not yet.
    expect(dueOf(celinaOf.a) < '2027-01-22').toBe(true);
    expect(dueOf(celinaOf.b) >= '2027-01-22').toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('lists the assignments overdue first, declares, reads the application without personal data, scores with errors, finds a half-written justification again and submits', async () => {
    const { context, page } = await pageOf(celina);
    // the evaluator's start page
    expect(new URL(page.url()).pathname).toBe('/ocena');
    expect(await page.title()).toBe('Wnioski do oceny – OWES Granty');
    const rows = page.locator('.owes-evaluation-list tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain(reference.a);
    expect(first).toContain('po terminie');
    expect(first).toContain('Wymaga deklaracji');
    const second = (await rows.nth(1).textContent()) ?? '';
    expect(second).toContain(reference.b);
    expect(second).not.toContain('po terminie');
    const third = (await rows.nth(2).textContent()) ?? '';
    expect(third).toContain(reference.c);
    expect(third).toContain('Ponowna ocena po odwołaniu');
    await expectAccessible(page);
    await screenshot(page, 'evaluator-list');

    // the declaration: nothing chosen first
    await page.getByRole('link', { name: `Złóż deklarację do wniosku ${reference.a}` }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}`);
    await expect(page.locator('#declaration-text').textContent()).resolves.toContain(
      'zobowiązuję się zachować w tajemnicy informacje i dokumenty',
    );
    await expectAccessible(page);
    await screenshot(page, 'evaluator-declaration');
    // before the declaration the application stays closed
    await page.goto(`${portal.url}/ocena/${celinaOf.a}/wniosek`);
    expect(new URL(page.url()).pathname).toBe(`/ocena/${celinaOf.a}`);
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    expect(await page.title()).toMatch(/^Błąd: Deklaracja bezstronności i poufności/);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wybrać, czy składa się deklarację bezstronności i poufności',
    );
    await expectAccessible(page);
    await page.getByLabel('Składam deklarację bezstronności i poufności').check();
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}/wniosek`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Złożono deklarację bezstronności i poufności',
    );

    // the application: no PESEL, no person's name or contact
    const html = await page.content();
    for (const p of PESELS) expect(html).not.toContain(p);
    for (const personal of [
      'Pracownik 1',
      'Anna Kowalska',
      applicant.email,
      'Osoba Testowa',
      '600 100 200',
    ])
      expect(html).not.toContain(personal);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Spółdzielnia Socjalna „Smaki Mazowsza”');
    expect(main).toContain('Stanowisko 1');
    expect(main).toContain('Szczegółowy opis tej części biznesplanu');
    await expectAccessible(page);
    await screenshot(page, 'evaluator-application');

    // the card: an out-of-range score and a missing justification
    await page.getByRole('button', { name: 'Przejdź do karty oceny' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}/karta`);
    await expectAccessible(page);
    await page.locator('#points-0').fill('35');
    await page.locator('#justification-0').fill('Biznesplan spójny, założenia realne.');
    await page.locator('#points-1').fill('15');
    await page.locator('[data-owes-total]', { hasText: /^15$/ }).waitFor();
    await page.getByRole('button', { name: 'Dalej: sprawdź ocenę' }).click();
    expect(await page.title()).toMatch(/^Błąd: Karta oceny wniosku/);
    const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    expect(summary).toContain(
      'Liczba punktów za kryterium „Spójność biznesplanu” nie może przekraczać 30',
    );
    expect(summary).toContain('Należy wpisać uzasadnienie oceny kryterium „Analiza rynku”');
    await expect(page.locator('#points-0-error').textContent()).resolves.toContain(
      'nie może przekraczać 30',
    );
    // what was typed is kept on the page
    expect(await page.locator('#justification-0').inputValue()).toBe(
      'Biznesplan spójny, założenia realne.',
    );
    await expectAccessible(page);
    await screenshot(page, 'evaluator-card-errors');

    // a half-written justification, saved as typed; the evaluator leaves and comes back
    await page.locator('#points-0').fill('25');
    const autosaved = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/ocena/${celinaOf.a}/karta`) &&
        r.request().method() === 'POST' &&
        (r.request().postData() ?? '').includes('konkur') &&
        r.status() === 200,
    );
    await page.locator('#justification-1').fill('Rynek lokalny zbadany, brak analizy konkur');
    await autosaved;
    await page.locator('[data-owes-status]').filter({ hasText: 'Zapisano o' }).waitFor();
    await expect(page.locator('[data-owes-total]').textContent()).resolves.toBe('40');
    await page.goto(`${portal.url}/ocena`);
    await page.getByRole('link', { name: `Oceń wniosek ${reference.a}` }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}/wniosek`);
    await page.getByRole('button', { name: 'Przejdź do karty oceny' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}/karta`);
    expect(await page.locator('#justification-1').inputValue()).toBe(
      'Rynek lokalny zbadany, brak analizy konkur',
    );
    expect(await page.locator('#points-0').inputValue()).toBe('25');
    await expect(page.locator('[data-owes-total]').textContent()).resolves.toBe('40');

    // the rest; the last criterion by keyboard only
    await page.locator('#justification-1').fill('Rynek lokalny zbadany, brak analizy konkurencji.');
    for (const [i, points] of [
      [2, '14'],
      [3, '12'],
    ] as const) {
      await page.locator(`#points-${i}`).fill(points);
      await page.locator(`#justification-${i}`).fill(`Uzasadnienie kryterium K${i + 1}.`);
    }
    await page.locator('#justification-3').focus();
    await tabTo(page, 'points-4');
    await page.keyboard.type('7');
    await tabTo(page, 'justification-4');
    await page.keyboard.type('Wyraźny efekt społeczny w powiecie.');
    await page.locator('[data-owes-total]', { hasText: /^73$/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'evaluator-card');
    await tabTo(page, 'action-check');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/ocena/${celinaOf.a}/sprawdz`);
    const checkText = (await page.locator('main').textContent()) ?? '';
    expect(checkText).toContain('Wyraźny efekt społeczny w powiecie.');
    expect(checkText).toMatch(/Suma punktów:\s*73\s*\/ 100/);
    await expectAccessible(page);
    await screenshot(page, 'evaluator-check');
    await page.getByRole('button', { name: 'Złóż ocenę' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.a}/karta`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Ocena wniosku ${reference.a} została złożona.`,
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Złożonej oceny nie można zmienić.',
    );
    expect(await page.locator('form textarea, form input[name^="points"]').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'evaluator-submitted');
    const submitted = (await evaluationsOf(grantsView(), celina)).find((e) => e.id === celinaOf.a)!;
    expect(submitted.status).toBe('submitted');
    expect(submitted.total).toBe(73);
    expect(submitted.scores?.[1]?.justification).toBe(
      'Rynek lokalny zbadany, brak analizy konkurencji.',
    );

    // the list: A done, B still to do first
    await page.goto(`${portal.url}/ocena`);
    await expect(rows.nth(0).textContent()).resolves.toContain(reference.b);
    await expect(rows.nth(2).textContent()).resolves.toContain('Ocena złożona');
    // someone else's evaluation is not there to be seen
    const foreign = await page.goto(`${portal.url}/ocena/${dariuszOfA}`);
    expect(foreign?.status()).toBe(404);
    await context.close();
  });

  it('declares and scores without JavaScript', async () => {
    const { context, page } = await pageOf(celina, false);
    await page.goto(`${portal.url}/ocena/${celinaOf.b}`);
    await page.getByLabel('Składam deklarację bezstronności i poufności').check();
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.b}/wniosek`);
    await page.getByRole('button', { name: 'Przejdź do karty oceny' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.b}/karta`);
    for (let i = 0; i < 5; i++) {
      await page.locator(`#points-${i}`).fill(String(5 + i));
      if (i < 4)
        await page.locator(`#justification-${i}`).fill(`Bez skryptów, kryterium ${i + 1}.`);
    }
    // "Zapisz" keeps the card (the last justification still missing) and shows the total
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.waitForURL(`**/ocena/${celinaOf.b}/karta`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Zapisano kartę oceny.',
    );
    expect(await page.locator('#points-3').inputValue()).toBe('8');
    await expect(page.locator('[data-owes-total]').textContent()).resolves.toBe('35');
    await page.getByRole('button', { name: 'Dalej: sprawdź ocenę' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wpisać uzasadnienie oceny kryterium „Efekt społeczny”',
    );
    await page.locator('#justification-4').fill('Bez skryptów, kryterium 5.');
    await page.getByRole('button', { name: 'Dalej: sprawdź ocenę' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.b}/sprawdz`);
    await page.getByRole('button', { name: 'Złóż ocenę' }).click();
    await page.waitForURL(`**/ocena/${celinaOf.b}/karta`);
    await expect(page.locator('main').textContent()).resolves.toMatch(/Suma punktów:\s*35/);
    const scored = (await evaluationsOf(grantsView(), celina)).find((e) => e.id === celinaOf.b)!;
    expect(scored.status).toBe('submitted');
    expect(scored.total).toBe(35);
    await context.close();
  });

  it('declares a conflict of interest, and the application goes to someone else', async () => {
    const { context, page } = await pageOf(dariusz);
    await page.goto(`${portal.url}/ocena`);
    await page.getByRole('link', { name: `Złóż deklarację do wniosku ${reference.a}` }).click();
    await page.waitForURL(`**/ocena/${dariuszOfA}`);
    await page.getByLabel('Zgłaszam konflikt interesów').check();
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy opisać, na czym polega konflikt interesów',
    );
    await expectAccessible(page);
    await screenshot(page, 'evaluator-conflict-error');
    await page
      .getByLabel('Na czym polega konflikt interesów')
      .fill('Członek zarządu spółdzielni jest moim szwagrem.');
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await page.waitForURL(`${portal.url}/ocena`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Zgłoszono konflikt interesów. Wniosek ${reference.a} zostanie przekazany innemu członkowi komisji.`,
    );
    await expect(page.locator('.owes-conflicts').textContent()).resolves.toContain(reference.a);
    await expectAccessible(page);
    await screenshot(page, 'evaluator-conflict');
    // the application stays closed to Dariusz
    await page.goto(`${portal.url}/ocena/${dariuszOfA}/wniosek`);
    expect(new URL(page.url()).pathname).toBe('/ocena');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Oceni go inny członek komisji.',
    );
    await context.close();
    // … and goes to Edyta, the only one of the pool who has not had it
    await expectEventually(async () => {
      const hers = await evaluationsOf(grantsView(), edyta);
      expect(hers.some((e) => e.applicationId === app.a && e.status === 'assigned')).toBe(true);
    });
  });

  it('is for evaluators only', async () => {
    const { context, page } = await pageOf(applicant);
    const refused = await page.goto(`${portal.url}/ocena`);
    expect(refused?.status()).toBe(403);
    await context.close();
  });
});
