import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import {
  callRequest,
  declareAndScore,
  waitForAssignments,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';
import {
  PESELS,
  applicationForm,
  job,
  type ApplicationFormInput,
} from '../../apps/applications/test/form-fixtures.js';

jest.setTimeout(240_000);

/** Warsaw wall time (winter offset; the pages show Warsaw days, so the hour only needs to be inside the day). */
const warsaw = (date: string, time = '10:00:00') => new Date(`${date}T${time}+01:00`);

interface Account {
  token: string;
  id: string;
  email: string;
  password: string;
  name: string;
}

function check(response: { status: number; body: any }, status: number, what: string): any {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A grant-plus-bridging application: each job PLN 20,000 of grant and 6 × PLN 2,000 of bridging support. */
function bridgingForm(jobs: ApplicationFormInput['jobs']): ApplicationFormInput {
  const form = applicationForm(jobs.length, {}, 2_000_000);
  form.jobs = jobs.map((j) => ({
    ...j,
    grant: 2_000_000,
    bridging: { months: 6, monthlyAmount: 200_000 },
  }));
  return form;
}

/**
 * The operator's agreements, payments and job monitoring in the portal (issue #14): a world
 * built through the services' APIs up to an approved ranking, then the operator prepares and
 * signs the agreement, records payments (the service's over-limit error first), decides a
 * bridging-support extension (by keyboard), records a bridging payment and a give-up with
 * JavaScript off, finds the overdue report first in monitoring, records a vacancy and a
 * refill, and sees the refund with statutory interest the service computed — axe on every
 * page and state.
 */
describe('portal: the centre’s agreements, payments and job monitoring', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05'));
  let operator: Account;
  let applicant: Account;
  let callId: string;
  const app = { main: '', other: '' };
  const reference = { main: '', other: '' };
  const award = { main: '', other: '' };
  /** The main award's jobs (award job ids) by position. */
  const jobId: Record<string, string> = {};

  /** A page's address, whatever fragment it ends with (`#wyplaty` after a payment). */
  const at = (path: string) => new RegExp(`${path.replace(/[/.]/g, '\\$&')}(#.*)?$`);
  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);
  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  async function operatorPage(javaScriptEnabled = true) {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, portal, operator);
    return { context, page };
  }

  beforeAll(async () => {
    platform = await startPlatform({ clock });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const { applications, grants } = platform.api;
    operator = { ...(await platform.account('operator')), name: 'Grażyna Operatorka' };
    applicant = {
      ...(await platform.account('applicant', { name: 'Anna Kowalska' })),
      name: 'Anna Kowalska',
    };
    const evaluators: Account[] = [];
    for (const name of ['Celina Oceniająca', 'Dariusz Oceniający'])
      evaluators.push({ ...(await platform.account('evaluator', { name })), name });
    const op = operator.token;
    const programmeId = check(
      await grants.post(
        '/api/programmes',
        {
          name: 'OWES Płock 2024–2027',
          counties: ['1462', '1419', '1427', '1404'],
          yearlyBudgets: [{ year: 2027, amount: 500_000_000 }],
          targets: {
            groupsSupported: 20,
            enterprisesStrengthened: 14,
            enterprisesCreated: 8,
            jobsCreated: 60,
          },
        },
        op,
      ),
      201,
      'programme',
    ).id;
    callId = check(
      await grants.post(
        '/api/calls',
        callRequest({
          programmeId,
          budget: 40_000_000,
          fundingModel: {
            kind: 'grant-bridging',
            grantCapPerJob: 2_102_000,
            bridging: {
              monthlyCap: 200_000,
              months: 6,
              extensionMonthlyCap: 150_000,
              extensionMonths: 6,
            },
          },
        }),
        op,
      ),
      201,
      'call',
    ).id;
    check(await grants.post(`/api/calls/${callId}/publish`, {}, op), 200, 'publish');
    for (const e of evaluators) {
      check(
        await grants.post(
          `/api/calls/${callId}/evaluators`,
          { userId: e.id, email: e.email, name: e.name, trainerOrAdviser: false, chair: false },
          op,
        ),
        200,
        'pool',
      );
    }
    await expectEventually(async () =>
      check(await applications.get(`/api/calls/${callId}`), 200, 'call in applications'),
    );
    const forms = {
      main: bridgingForm([job(0), job(1)]),
      other: bridgingForm([job(0, { person: { ...job(0).person, pesel: PESELS[0] } })]),
    };
    const grantsView = { prefix: platform.prefix, api: grants } as unknown as GrantsPlatform;
    for (const key of ['main', 'other'] as const) {
      const draft = check(
        await applications.post('/api/applications', { callId, form: forms[key] }, applicant.token),
        201,
        `draft ${key}`,
      );
      app[key] = draft.id;
      reference[key] = check(
        await applications.post(`/api/applications/${draft.id}/submit`, {}, applicant.token),
        200,
        `submit ${key}`,
      ).reference;
      check(
        await applications.post(
          `/api/applications/${draft.id}/formal-check`,
          { result: 'accepted' },
          op,
        ),
        200,
        `accept ${key}`,
      );
      const assigned = await waitForAssignments(grantsView, evaluators, draft.id, 2);
      for (const { evaluator, evaluation } of assigned)
        await declareAndScore(grantsView, evaluator, evaluation.id, key === 'main' ? 90 : 80);
    }
    // The call closed on 20 January: the ranking is approved, both applications funded.
    clock.set(warsaw('2027-01-21'));
    await expectEventually(async () =>
      check(await grants.post(`/api/calls/${callId}/ranking/approve`, {}, op), 200, 'approve'),
    );
    const awards = check(await grants.get(`/api/awards?callId=${callId}`, op), 200, 'awards');
    for (const key of ['main', 'other'] as const)
      award[key] = awards.items.find((a: any) => a.applicationId === app[key]).id;
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
  });

  it('lists the awards with what is next, filters them, and prepares then signs an agreement', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/umowy`);
    expect(await page.title()).toBe('Umowy i wypłaty – OWES Granty');
    const rowOf = async (ref: string) =>
      ((await page.locator('tbody tr', { hasText: ref }).textContent()) ?? '').replace(/\s+/g, ' ');
    await expect(rowOf(reference.main)).resolves.toContain('Przygotować umowę');
    await expect(rowOf(reference.other)).resolves.toContain('Przygotować umowę');
    await expect(rowOf(reference.main)).resolves.toMatch(/64\s000,00\szł/);
    await expectAccessible(page);
    await screenshot(page, 'staff-awards-list');

    // filtered by the reference: one row, and the filter kept in the form
    await page.getByLabel('Numer wniosku').fill(reference.other);
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/szukaj=/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByLabel('Numer wniosku').inputValue()).toBe(reference.other);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Wyczyść filtry' }).click();
    await page.getByRole('link', { name: reference.main }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    expect(await page.title()).toBe(`Wsparcie ${reference.main} – OWES Granty`);
    await expectAccessible(page);

    // no day: the page's own error, linked from the summary
    await page.getByRole('button', { name: 'Przygotuj umowę' }).click();
    expect(await page.title()).toMatch(/^Błąd: Wsparcie/);
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(
      'Należy wpisać prawidłową datę',
    );
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe(
      '#prepare-signingOn-day',
    );
    await expectAccessible(page);
    // a day in the past: the service's error beside the field, what was typed kept
    await page.locator('#prepare-signingOn-day').fill('20');
    await page.locator('#prepare-signingOn-month').fill('1');
    await page.locator('#prepare-signingOn-year').fill('2027');
    await page.getByLabel('Miejsce i godzina podpisania').fill('Biuro OWES, ul. Tumska 5, Płock');
    await page.getByRole('button', { name: 'Przygotuj umowę' }).click();
    await expect(page.locator('#prepare-signingOn-error').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Miejsce i godzina podpisania').inputValue()).toBe(
      'Biuro OWES, ul. Tumska 5, Płock',
    );
    await expectAccessible(page);
    await page.locator('#prepare-signingOn-day').fill('25');
    await page.getByRole('button', { name: 'Przygotuj umowę' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Umowa została przygotowana',
    );
    await expect(text(page, '#umowa + p')).resolves.toContain(
      'Umowa przygotowana do podpisania w dniu 25 stycznia 2027',
    );
    await expectAccessible(page);
    await page.goto(`${portal.url}/biuro/umowy`);
    await expect(rowOf(reference.main)).resolves.toMatch(
      /Zawrzeć umowę.*Planowany termin: 25 stycznia 2027/,
    );

    // the signing day: nothing chosen → each field named; then the blank note and the certificate
    clock.set(warsaw('2027-01-25'));
    // The NBP rate of the signing day (the de minimis certificate states the aid in EUR).
    check(
      await platform.api.grants.post(
        '/api/exchange-rates',
        { validFrom: '2027-01-25', plnPerEur: '4.2000' },
        operator.token,
      ),
      201,
      'rate',
    );
    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    expect(await page.locator('#sign-signedOn-day').inputValue()).toBe('25');
    await page.getByRole('button', { name: 'Zapisz zawarcie umowy' }).click();
    const summary = await text(page, '.govuk-error-summary');
    expect(summary).toContain('Należy wybrać rodzaj zabezpieczenia');
    expect(summary).toContain('Należy wpisać numer zaświadczenia o pomocy de minimis');
    await expectAccessible(page);
    await page.getByLabel('Weksel in blanco wraz z deklaracją wekslową').check();
    await page.getByRole('button', { name: 'Zapisz zawarcie umowy' }).click();
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(
      'Należy potwierdzić podpisanie deklaracji wekslowej',
    );
    await expectAccessible(page);
    await page.getByLabel('Deklaracja wekslowa została podpisana').check();
    await page.getByLabel('Numer zaświadczenia o pomocy de minimis').fill('DM/2027/0001');
    await page.getByRole('button', { name: 'Zapisz zawarcie umowy' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Zapisano zawarcie umowy',
    );
    const agreement = await text(page, 'section[aria-labelledby="umowa"]');
    expect(agreement).toContain('25 stycznia 2027');
    expect(agreement).toContain('Weksel in blanco wraz z deklaracją wekslową');
    expect(agreement).toMatch(
      /DM\/2027\/0001 — 64\s000,00\szł \(.*, kurs NBP 4,2000 zł\/EUR z dnia 25 stycznia 2027\)/,
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-award-agreement');
    await context.close();
  });

  it('records a payment: an over-limit one is refused by the service with its error, then one within the award', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    const limits = () => text(page, '.owes-limits');
    await expect(limits()).resolves.toMatch(
      /Kwota wsparcia 64\s000,00\szł Wypłacono dotychczas 0,00\szł Pozostało do wypłaty 64\s000,00\szł/,
    );
    await page.getByLabel('Transza wsparcia finansowego').check();
    await page.getByLabel('Kwota wypłaty').fill('70 000,00');
    await page.getByRole('button', { name: 'Zapisz wypłatę' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    const refused = check(
      await platform.api.grants.post(
        `/api/awards/${award.main}/payments`,
        { kind: 'tranche', amount: 7_000_000, paidOn: '2027-01-25' },
        operator.token,
      ),
      422,
      'over the award',
    );
    const message = refused.errors[0].message as string;
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(message);
    await expect(text(page, '#payment-amount-error')).resolves.toContain(message);
    expect(await page.getByLabel('Kwota wypłaty').inputValue()).toBe('70 000,00');
    await expectAccessible(page);
    await screenshot(page, 'staff-award-payment-error');

    await page.getByLabel('Kwota wypłaty').fill('40 000,00');
    await page.getByRole('button', { name: 'Zapisz wypłatę' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toMatch(
      /Zapisano wypłatę 40\s000,00\szł/,
    );
    await expect(limits()).resolves.toMatch(
      /Wypłacono dotychczas 40\s000,00\szł Pozostało do wypłaty 24\s000,00\szł/,
    );
    await expect(text(page, 'section[aria-labelledby="wyplaty"] table')).resolves.toMatch(
      /25 stycznia 2027 Transza wsparcia finansowego 40\s000,00\szł/,
    );
    await expectAccessible(page);
    await page.goto(`${portal.url}/biuro/umowy?etap=pay`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expect(text(page, 'tbody tr')).resolves.toMatch(/Pozostało do wypłaty: 24\s000,00\szł/);
    await expectAccessible(page);
    await context.close();
  });

  it('decides a bridging-support extension request after a confirmation, by keyboard only', async () => {
    clock.set(warsaw('2027-02-10'));
    check(
      await platform.api.grants.post(
        `/api/awards/${award.main}/bridging-extension`,
        {
          months: 3,
          monthlyAmount: 150_000,
          justification: 'Spółdzielnia potrzebuje dalszego wsparcia do czasu pozyskania klientów.',
        },
        applicant.token,
      ),
      201,
      'extension request',
    );
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    await expect(text(page, 'section[aria-labelledby="wsparcie-pomostowe"]')).resolves.toMatch(
      /3 mies\. po 1\s?500,00\szł miesięcznie.*9\s?000,00\szł.*Oczekuje na decyzję/,
    );
    await expectAccessible(page);

    /** Tabs until the focused element's text (or its label's) starts with `name`. */
    const focusOn = async (name: string) => {
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
        });
        if (focused.startsWith(name)) return;
      }
      throw new Error(`no focus on ${name}`);
    };
    await focusOn('Rozpatrz wniosek');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/przedluzenie\//);
    await expectAccessible(page);
    // a refusal without its reasons: the error, by keyboard again
    await focusOn('Przyznać przedłużenie');
    await page.keyboard.press('ArrowDown'); // the next radio: refuse
    await focusOn('Dalej');
    await page.keyboard.press('Enter');
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(
      'Należy wpisać uzasadnienie odmowy',
    );
    await expectAccessible(page);
    await focusOn('Odmówić przedłużenia');
    await page.keyboard.press('ArrowUp'); // the previous radio: grant
    await focusOn('Dalej');
    await page.keyboard.press('Enter');
    // The confirmation is the answer to the POST, at the same address: wait for its heading.
    await page
      .getByRole('heading', { level: 1, name: 'Czy przyznać przedłużenie wsparcia pomostowego?' })
      .waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Czy przyznać przedłużenie wsparcia pomostowego?',
    );
    await expect(text(page, '.govuk-warning-text')).resolves.toMatch(
      /Kwota wsparcia wzrośnie o 9\s?000,00\szł/,
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-award-extension-confirm');
    await focusOn('Tak, przyznaję przedłużenie');
    await page.keyboard.press('Enter');
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Przyznano przedłużenie wsparcia pomostowego',
    );
    await expect(text(page, '.owes-limits')).resolves.toMatch(/Kwota wsparcia 73\s000,00\szł/);
    await expect(text(page, 'section[aria-labelledby="wsparcie-pomostowe"]')).resolves.toContain(
      'Przyznano',
    );
    await expectAccessible(page);
    await context.close();
  });

  it('works without JavaScript: a month of bridging support, and a give-up confirmed with its reason', async () => {
    // (axe runs in the page's JavaScript: these pages and states are checked with it below)
    clock.set(warsaw('2027-04-02'));
    const detail = check(
      await platform.api.grants.get(`/api/awards/${award.main}`, operator.token),
      200,
      'award',
    );
    for (const j of detail.jobs) jobId[j.position] = j.id;
    const js = await operatorPage();
    await js.page.goto(`${portal.url}/biuro/umowy/${award.other}/rezygnacja`);
    await expectAccessible(js.page);
    await js.page.getByRole('button', { name: 'Zapisz rezygnację' }).click();
    await expect(text(js.page, '.govuk-error-summary')).resolves.toContain(
      'Należy wpisać powód rezygnacji',
    );
    await expectAccessible(js.page);

    const { context, page } = await operatorPage(false);
    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    await page.getByLabel('Wsparcie pomostowe za miesiąc').check();
    await page.getByLabel('Miejsce pracy', { exact: true }).selectOption({ label: 'Stanowisko 2' });
    await page.getByLabel('Miesiąc, za który przysługuje wsparcie pomostowe').fill('2027-03');
    await page.getByLabel('Kwota wypłaty').fill('2000');
    await page.getByRole('button', { name: 'Zapisz wypłatę' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.main}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toMatch(
      /Zapisano wypłatę 2\s?000,00\szł/,
    );
    await expect(text(page, 'section[aria-labelledby="wyplaty"] table')).resolves.toMatch(
      /Wsparcie pomostowe za miesiąc — Stanowisko 2, marzec 2027 2\s?000,00\szł/,
    );

    await page.goto(`${portal.url}/biuro/umowy/${award.other}`);
    await page.getByRole('link', { name: 'Zapisz rezygnację ze wsparcia' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.other}/rezygnacja`));
    await expect(text(page, '.govuk-warning-text')).resolves.toContain(
      'Rezygnacji nie można cofnąć.',
    );
    await page.getByRole('button', { name: 'Zapisz rezygnację' }).click();
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(
      'Należy wpisać powód rezygnacji',
    );
    await page
      .getByLabel('Powód rezygnacji')
      .fill('Dwie osoby podjęły inną pracę; grupa nie założy przedsiębiorstwa.');
    await page.getByRole('button', { name: 'Zapisz rezygnację' }).click();
    await page.waitForURL(at(`/biuro/umowy/${award.other}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      `Zapisano rezygnację ze wsparcia ${reference.other}.`,
    );
    await expect(text(page, 'section[aria-labelledby="umowa"]')).resolves.toContain(
      'Dwie osoby podjęły inną pracę',
    );
    await page.goto(`${portal.url}/biuro/umowy?etap=given-up`);
    await expect(text(page, 'tbody')).resolves.toContain(reference.other);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await context.close();

    // the states these left behind, with axe: the bridging payment, the given-up award, no second give-up
    for (const path of [
      `/biuro/umowy/${award.main}`,
      `/biuro/umowy/${award.other}`,
      '/biuro/umowy?etap=given-up',
      `/biuro/umowy/${award.other}/rezygnacja`,
    ]) {
      await js.page.goto(`${portal.url}${path}`);
      await expectAccessible(js.page);
    }
    await expect(text(js.page, 'main')).resolves.toContain(
      'Rezygnację można zapisać tylko przed zawarciem umowy i tylko raz.',
    );
    await js.context.close();
  });

  it('shows the job with an overdue report first, and records a vacancy and a refill', async () => {
    // Stanowisko 1 confirmed February; Stanowisko 2 did not (due 7 March).
    check(
      await platform.api.grants.post(
        `/api/awards/${award.main}/jobs/${jobId['Stanowisko 1']}/reports`,
        { period: '2027-02', jobExists: true, evidenceReference: 'DRA/2027/02/0001' },
        applicant.token,
      ),
      201,
      'report',
    );
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/miejsca-pracy`);
    expect(await page.title()).toBe('Monitorowanie miejsc pracy – OWES Granty');
    const first = await text(page, 'tbody tr');
    expect(first).toContain('Stanowisko 2');
    expect(first).toContain('Zaległe: 1');
    await expect(text(page, 'tbody tr:nth-child(2)')).resolves.toContain('Stanowisko 1');
    await expectAccessible(page);
    await screenshot(page, 'staff-jobs-monitoring');

    await page.getByRole('link', { name: 'Stanowisko 2' }).click();
    await page.waitForURL(at(`/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 2']}`));
    await expect(text(page, 'table')).resolves.toMatch(/luty 2027 7 marca 2027 Zaległe/);
    await expect(text(page, 'table')).resolves.toMatch(/marzec 2027 7 kwietnia 2027 Do złożenia/);
    await expectAccessible(page);
    await screenshot(page, 'staff-jobs-job');
    await page.getByRole('button', { name: 'Zapisz wakat' }).click();
    await expect(text(page, '.govuk-error-summary')).resolves.toContain(
      'Należy wpisać prawidłową datę',
    );
    await expectAccessible(page);
    await page.locator('#vacancyDate-day').fill('1');
    await page.locator('#vacancyDate-month').fill('3');
    await page.locator('#vacancyDate-year').fill('2027');
    await page.getByRole('button', { name: 'Zapisz wakat' }).click();
    await page.waitForURL(at(`/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 2']}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Miejsce pracy należy obsadzić osobą uprawnioną do 1 czerwca 2027',
    );
    await expect(text(page, '.govuk-summary-list')).resolves.toContain('Nieobsadzone');
    await expectAccessible(page);

    // the refill: nothing confirmed → the errors; then the day, the eligibility, the evidence
    await page.locator('#refilledOn-day').fill('');
    await page.getByRole('button', { name: 'Zapisz obsadzenie' }).click();
    const errors = await text(page, '.govuk-error-summary');
    expect(errors).toContain('Należy wpisać prawidłową datę');
    expect(errors).toContain('Należy potwierdzić, że nowa osoba jest uprawniona');
    expect(errors).toContain('Należy wpisać dowód zatrudnienia');
    await expectAccessible(page);
    await page.locator('#refilledOn-day').fill('10');
    await page.locator('#refilledOn-month').fill('3');
    await page.locator('#refilledOn-year').fill('2027');
    await page.getByLabel(/Nowa osoba jest zagrożona ubóstwem/).check();
    await page.getByLabel('Dowód zatrudnienia').fill('ZUA/2027/03/0042');
    await page.getByRole('button', { name: 'Zapisz obsadzenie' }).click();
    await page.waitForURL(at(`/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 2']}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Zapisano ponowne obsadzenie miejsca pracy',
    );
    const facts = await text(page, '.govuk-summary-list');
    expect(facts).toContain('Utrzymywane');
    expect(facts).toContain('Ponownie obsadzono 10 marca 2027');
    await expectAccessible(page);

    // Stanowisko 1 becomes vacant too, and is not filled again in time
    await page.goto(`${portal.url}/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 1']}`);
    await page.locator('#vacancyDate-day').fill('2');
    await page.locator('#vacancyDate-month').fill('3');
    await page.locator('#vacancyDate-year').fill('2027');
    await page.getByRole('button', { name: 'Zapisz wakat' }).click();
    await page.waitForURL(at(`/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 1']}`));
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain('2 czerwca 2027');
    await expectAccessible(page);
    await context.close();
  });

  it('shows the refund with statutory interest the service computed once the refill term passed', async () => {
    clock.set(warsaw('2027-06-10'));
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/miejsca-pracy`);
    await page.getByRole('button', { name: 'Uruchom kontrolę terminów' }).click();
    await page.waitForURL(`${portal.url}/biuro/miejsca-pracy`);
    await expect(text(page, '.govuk-notification-banner')).resolves.toContain(
      'Kontrola terminów zakończona',
    );
    await expectAccessible(page);
    const refund = await expectEventually(async () => {
      const body = check(
        await platform.api.grants.get(`/api/awards/${award.main}`, operator.token),
        200,
        'award',
      );
      expect(body.refunds).toHaveLength(1);
      return body.refunds[0];
    });
    expect(refund.principal).toBe(2_000_000);
    expect(refund.interest).toBeGreaterThan(0);
    const pln = (grosze: number) =>
      new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }).format(grosze / 100);
    const squash = (s: string) => s.replace(/\s/g, '');

    await page.goto(`${portal.url}/biuro/miejsca-pracy/${award.main}/${jobId['Stanowisko 1']}`);
    const facts = squash(await text(page, '.owes-refund'));
    expect(facts).toContain(squash(`Kwota główna ${pln(refund.principal)}`));
    expect(facts).toContain(squash(`Odsetki ustawowe ${pln(refund.interest)}`));
    expect(facts).toContain(squash(`Razem do zwrotu ${pln(refund.total)}`));
    await expect(text(page, '.govuk-summary-list')).resolves.toContain('Zwrot środków');
    await expectAccessible(page);

    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    await expect(text(page, 'h1 + p')).resolves.toContain('Zwrot środków');
    const section = page.locator('section[aria-labelledby="zwroty"]');
    await expect(section.textContent()).resolves.toContain('Miejsce pracy: Stanowisko 1');
    await section.getByText('Jak obliczono odsetki').click();
    await expect(section.locator('table').textContent()).resolves.toMatch(/7,25\s%/);
    await expectAccessible(page);
    await screenshot(page, 'staff-award-refund');
    await page.goto(`${portal.url}/biuro/umowy?etap=refund`);
    await expect(text(page, 'tbody')).resolves.toMatch(
      new RegExp(`${reference.main}.*Do zwrotu z odsetkami`),
    );
    await expectAccessible(page);
    await context.close();
  });

  it('is in English when the person chooses it, and an applicant never sees these pages', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/umowy/${award.main}`);
    await page.getByRole('link', { name: /English/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe(`Award ${reference.main}`);
    await expect(text(page, 'section[aria-labelledby="zwroty"]')).resolves.toContain(
      'Refund with statutory interest',
    );
    await expectAccessible(page);
    await context.close();

    const other = await newContext(browser);
    const applicantPage = await other.newPage();
    await signIn(applicantPage, portal, applicant);
    for (const path of ['/biuro/umowy', `/biuro/umowy/${award.main}`, '/biuro/miejsca-pracy']) {
      const response = await applicantPage.goto(`${portal.url}${path}`);
      expect(response?.status()).toBe(403);
    }
    await other.close();
  });
});
