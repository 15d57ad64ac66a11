import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import {
  callRequest,
  waitForAssignments,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';
import { uniqueId } from '../support/database.js';
import {
  PESELS,
  applicationForm,
  type ApplicationFormInput,
} from '../../apps/applications/test/form-fixtures.js';

jest.setTimeout(240_000);

/** Warsaw wall time in winter. */
const warsaw = (date: string, time = '09:00:00') => new Date(`${date}T${time}+01:00`);

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

/** A one-job application whose employee is `pesel`. */
function formFor(pesel: string): ApplicationFormInput {
  const form = applicationForm(1);
  form.jobs[0]!.person = { ...form.jobs[0]!.person, pesel };
  return form;
}

/** Text of a locator with the non-breaking spaces of Polish number formats made plain. */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
}

/** Presses Tab until the element matching `selector` has the focus (at most `limit` presses). */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never got the focus by Tab`);
}

/**
 * The operator's start page and calls in the portal (issue #14): the to-do list over a real
 * world (a formal check waiting with a cross-application conflict, an overdue evaluation, a
 * failed e-mail) and its empty state; a call created through the form (a validation error of
 * the service first, per field), edited by keyboard only, published after a confirmation, its
 * committee and chair named; the call then open to an applicant. Without JavaScript too; axe on
 * every page and state.
 */
describe('portal: the operator’s to-do list and calls', () => {
  let platform: Platform;
  let smtp: TestSmtp;
  let portal: TestPortal;
  let browser: Browser;
  const clock = new ManualClock(warsaw('2027-01-05', '10:00:00'));
  let operator: Account;
  let emptyOperator: Account;
  let applicants: Account[];
  let evaluators: Account[];
  let worldCallId: string;
  const reference: Record<'first' | 'conflicting' | 'evaluated', string> = {
    first: '',
    conflicting: '',
    evaluated: '',
  };
  let newCallId = '';
  const newCallNumber = `NAB/${uniqueId().slice(0, 6)}/2027`;

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);

  async function operatorPage(javaScriptEnabled = true, who: Account = operator) {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, portal, who);
    return { context, page };
  }

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
    const { applications, grants, notifications } = platform.api;
    operator = {
      ...(await platform.account('operator', { name: 'Grażyna Operatorka' })),
      name: 'Grażyna Operatorka',
    };
    applicants = [];
    for (const name of ['Anna Kowalska', 'Bartosz Nowak'])
      applicants.push({ ...(await platform.account('applicant', { name })), name });
    evaluators = [];
    for (const name of ['Celina Oceniająca', 'Dariusz Oceniający'])
      evaluators.push({ ...(await platform.account('evaluator', { name })), name });

    // A second centre whose operator has nothing to do.
    const platformAdmin = await platform.account('platform-admin');
    const otherCentreId = check(
      await applications.post(
        '/api/centres',
        {
          name: 'Ośrodek Wsparcia Ekonomii Społecznej Subregionu 1',
          accreditationNumber: `AKCES/${uniqueId()}`,
          voivodeship: '14',
          counties: ['1465', '1421'],
          address: 'ul. Mokotowska 1, 00-001 Warszawa',
          contactEmail: 'biuro@owes-sub1.example.pl',
          contactPhone: '+48 22 000 00 00',
          senderName: 'OWES Subregionu 1',
          senderEmail: 'nabory@owes-sub1.example.pl',
          signature: 'Zespół OWES Subregionu 1',
          operatorsMailbox: ['biuro@owes-sub1.example.pl'],
        },
        platformAdmin.token,
      ),
      201,
      'second centre',
    ).id;
    emptyOperator = {
      ...(await platform.account('operator', { name: 'Olga Obca', centres: [otherCentreId] })),
      name: 'Olga Obca',
    };

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
    worldCallId = check(
      await grants.post('/api/calls', callRequest({ programmeId, budget: 40_000_000 }), op),
      201,
      'call',
    ).id;
    check(await grants.post(`/api/calls/${worldCallId}/publish`, {}, op), 200, 'publish');
    for (const e of evaluators) {
      check(
        await grants.post(
          `/api/calls/${worldCallId}/evaluators`,
          { userId: e.id, email: e.email, name: e.name, trainerOrAdviser: false, chair: false },
          op,
        ),
        200,
        'pool',
      );
    }
    await expectEventually(async () =>
      check(await applications.get(`/api/calls/${worldCallId}`), 200, 'call in applications'),
    );

    // The second applicant's letters are refused by their mail server: a failed e-mail.
    smtp.rejectRecipient = new RegExp(`^${applicants[1]!.email.replace(/[.+]/g, '\\$&')}$`);
    const submit = async (who: Account, pesel: string, what: string) => {
      const draft = check(
        await applications.post(
          '/api/applications',
          { callId: worldCallId, form: formFor(pesel) },
          who.token,
        ),
        201,
        `draft ${what}`,
      );
      const submitted = check(
        await applications.post(`/api/applications/${draft.id}/submit`, {}, who.token),
        200,
        `submit ${what}`,
      );
      return { id: draft.id as string, reference: submitted.reference as string };
    };
    const first = await submit(applicants[0]!, PESELS[0]!, 'first');
    reference.first = first.reference;
    // The same person to be employed in another applicant's application: a conflict for the later.
    reference.conflicting = (await submit(applicants[1]!, PESELS[0]!, 'conflicting')).reference;
    const evaluated = await submit(applicants[0]!, PESELS[1]!, 'evaluated');
    reference.evaluated = evaluated.reference;
    check(
      await applications.post(
        `/api/applications/${evaluated.id}/formal-check`,
        { result: 'accepted' },
        op,
      ),
      200,
      'accept',
    );
    const grantsView = { prefix: platform.prefix, api: grants } as unknown as GrantsPlatform;
    await waitForAssignments(grantsView, evaluators, evaluated.id, 2);
    await expectEventually(async () => {
      const failed = check(
        await notifications.get('/api/deliveries?status=failed', op),
        200,
        'failed deliveries',
      );
      expect(failed.total).toBeGreaterThanOrEqual(1);
    });
    // Three weeks later: the evaluations (10 working days) are overdue.
    clock.set(warsaw('2027-01-25', '10:00:00'));
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
    await smtp?.close();
  });

  it('lands the operator on a to-do list of the real world: a conflicting formal check, overdue evaluations, a failed e-mail', async () => {
    const { context, page } = await operatorPage();
    expect(new URL(page.url()).pathname).toBe('/biuro');
    expect(await page.title()).toBe('Do zrobienia – OWES Granty');

    const formal = page.locator('[data-todo="formalChecks"]');
    await expect(formal.locator('[data-count]').getAttribute('data-count')).resolves.toBe('2');
    await expect(formal.locator('h2 a').getAttribute('href')).resolves.toBe(
      '/biuro/wnioski?stan=submitted',
    );
    const conflicting = formal.locator('li', { hasText: reference.conflicting });
    await expect(conflicting.textContent()).resolves.toContain('konflikt z innym wnioskiem');
    const clean = formal.locator('li', { hasText: reference.first });
    await expect(clean.textContent()).resolves.not.toContain('konflikt');

    const overdue = page.locator('[data-todo="evaluationsOverdue"]');
    await expect(overdue.locator('[data-count]').getAttribute('data-count')).resolves.toBe('2');
    await expect(overdue.textContent()).resolves.toContain(reference.evaluated);
    await expect(overdue.textContent()).resolves.toContain('po terminie');
    await expect(overdue.textContent()).resolves.toContain(evaluators[0]!.name);

    const failed = page.locator('[data-todo="failedEmails"]');
    expect(
      Number(await failed.locator('[data-count]').getAttribute('data-count')),
    ).toBeGreaterThanOrEqual(1);
    await expect(failed.locator('h2 a').getAttribute('href')).resolves.toBe(
      '/biuro/wysylki?status=failed',
    );
    // Overdue and broken things come first.
    const order = await page
      .locator('[data-todo]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.todo));
    expect(order.indexOf('evaluationsOverdue')).toBeLessThan(order.indexOf('formalChecks'));
    expect(order.indexOf('failedEmails')).toBeLessThan(order.indexOf('formalChecks'));
    // What is up to date says so.
    await expect(page.locator('[data-testid="todo-done"]').textContent()).resolves.toContain(
      'Umowy do przygotowania',
    );
    await expect(page.locator('[data-testid="nothing-to-do"]').count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'staff-home');
    await context.close();
  });

  it('shows an operator of a centre with no work that there is nothing to do', async () => {
    const { context, page } = await operatorPage(true, emptyOperator);
    expect(new URL(page.url()).pathname).toBe('/biuro');
    await expect(page.locator('[data-testid="nothing-to-do"]').textContent()).resolves.toContain(
      'Nie ma spraw do załatwienia',
    );
    await expect(page.locator('[data-todo]').count()).resolves.toBe(0);
    // nothing of the other centre's world leaks into it
    await expect(page.locator('main').textContent()).resolves.not.toContain(reference.conflicting);
    await expectAccessible(page);
    await screenshot(page, 'staff-home-empty');
    await context.close();
  });

  it('creates a call through the form without JavaScript: rows added by the server, the service’s errors beside their fields', async () => {
    // (axe runs in the page's JavaScript: the same pages and states are checked in the next test)
    const { context, page } = await operatorPage(false);
    await page.goto(`${portal.url}/biuro/nabory`);
    await expect(page.locator('[data-testid="calls-table"]').textContent()).resolves.toContain(
      'OWES Płock 2024–2027',
    );
    await page.getByRole('button', { name: 'Utwórz nabór' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/nowy`);
    expect(await page.title()).toBe('Nowy nabór wniosków – OWES Granty');
    // The only programme is chosen, with its counties.
    await expect(page.locator('#programmeId').inputValue()).resolves.not.toBe('');
    await expect(page.locator('#k-0').inputValue()).resolves.toBe('1462');
    await expect(page.locator('#k-3').inputValue()).resolves.toBe('1404');

    await page.locator('#number').fill(newCallNumber);
    await page.locator('#opens-day').fill('25');
    await page.locator('#opens-month').fill('1');
    await page.locator('#opens-year').fill('2027');
    await page.locator('#opens-time').fill('08:00');
    await page.locator('#closes-day').fill('26');
    await page.locator('#closes-month').fill('2');
    await page.locator('#closes-year').fill('2027');
    await page.locator('#closes-time').fill('16:00');
    await page.locator('#budget').fill('250 000,00');
    await page.locator('#c-0-name').fill('Spójność i realność biznesplanu');
    await page.locator('#c-0-maxPoints').fill('20');
    // a second criterion, added by the server (no JavaScript), keeps what was typed
    await page.getByRole('button', { name: 'Dodaj kryterium' }).click();
    await expect(page.locator('#number').inputValue()).resolves.toBe(newCallNumber);
    await expect(page.locator('#c-0-name').inputValue()).resolves.toBe(
      'Spójność i realność biznesplanu',
    );
    await expect(page.locator('#c-1-id').inputValue()).resolves.toBe('K2');
    await page.locator('#c-1-name').fill('Doświadczenie członków grupy');
    await page.locator('#c-1-maxPoints').fill('0');
    // the title left empty: the service names both problems
    await page.getByRole('button', { name: 'Zapisz nabór' }).click();
    expect(await page.title()).toMatch(/^Błąd: Nowy nabór wniosków/);
    const links = await page
      .locator('.govuk-error-summary a')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#title', '#c-1-maxPoints']));
    await expect(page.locator('#c-1-maxPoints-error').textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('#title-error').textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('#c-1-name').inputValue()).resolves.toBe(
      'Doświadczenie członków grupy',
    );

    await page.locator('#title').fill('Miejsca pracy w przedsiębiorstwach społecznych 2027');
    await page.locator('#c-1-maxPoints').fill('10');
    await page.getByRole('button', { name: 'Zapisz nabór' }).click();
    await page.waitForURL(/\/biuro\/nabory\/[0-9a-f-]{36}$/);
    newCallId = page.url().split('/').pop()!;
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Zapisano nabór ${newCallNumber} jako szkic.`,
    );
    await expect(page.locator('[data-testid="call-state"]').textContent()).resolves.toBe('szkic');
    const summary = await textOf(page, 'main');
    expect(summary).toContain('250 000,00 zł');
    expect(summary).toContain('25 stycznia 2027 08:00');
    expect(summary).toContain('Doświadczenie członków grupy');
    await expect(
      page.getByRole('link', { name: 'Wnioski złożone w naborze' }).getAttribute('href'),
    ).resolves.toBe(`/biuro/wnioski?nabor=${newCallId}`);
    await expect(
      page.getByRole('link', { name: 'Lista rankingowa' }).getAttribute('href'),
    ).resolves.toBe(`/biuro/nabory/${newCallId}/ranking`);

    const saved = check(
      await platform.api.grants.get(`/api/calls/${newCallId}`, operator.token),
      200,
      'call',
    );
    expect(saved).toMatchObject({
      number: newCallNumber,
      status: 'draft',
      opensAt: '2027-01-25T08:00:00.000+01:00',
      closesAt: '2027-02-26T16:00:00.000+01:00',
      budget: 25_000_000,
      counties: ['1462', '1419', '1427', '1404'],
      criteria: [
        { id: 'K1', name: 'Spójność i realność biznesplanu', maxPoints: 20 },
        { id: 'K2', name: 'Doświadczenie członków grupy', maxPoints: 10 },
      ],
      fundingModel: { kind: 'unit-rates' },
      passThresholdPercent: 60,
    });
    await context.close();
  });

  it('the same pages with JavaScript pass axe: the list, the form, a row added and removed in place, the errors', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory`);
    await expect(page.locator('[data-testid="calls-table"]').textContent()).resolves.toContain(
      newCallNumber,
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-calls-list');
    await page.goto(`${portal.url}/biuro/nabory/nowy`);
    await expectAccessible(page);
    await screenshot(page, 'staff-call-form');
    // only the chosen funding model's settings show
    await expect(page.locator('[data-owes-funding="grant-bridging"]').isHidden()).resolves.toBe(
      true,
    );
    await page.getByLabel('Dotacja i wsparcie pomostowe').check();
    await expect(page.locator('#grantCapPerJob').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-owes-funding="unit-rates"]').isHidden()).resolves.toBe(true);
    await page.getByLabel('Stawki jednostkowe').check();
    // a criterion added and removed without a reload; the focus follows
    await page.getByRole('button', { name: 'Dodaj kryterium' }).click();
    await expect(page.locator('#c-1-id').inputValue()).resolves.toBe('K2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-1-id');
    expect(new URL(page.url()).pathname).toBe('/biuro/nabory/nowy');
    await expectAccessible(page);
    const remove = page.locator('[data-owes-row="criterion"]').nth(1).locator('[data-owes-remove]');
    await expect(remove.textContent()).resolves.toBe('Usuń: Kryterium 2');
    await remove.click();
    await expect(page.locator('#c-1-id').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('criteria-heading');
    // nothing filled in: the service's problems, each beside its field
    await page.locator('#c-0-maxPoints').fill('dwadzieścia');
    await page.getByRole('button', { name: 'Zapisz nabór' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('#c-0-maxPoints-error').textContent()).resolves.toContain(
      'liczbę całkowitą',
    );
    await expectAccessible(page);
    await page.locator('#c-0-maxPoints').fill('20');
    await page.getByRole('button', { name: 'Zapisz nabór' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    const links = await page
      .locator('.govuk-error-summary a')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining(['#number', '#title', '#opens-day', '#closes-day', '#budget']),
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-call-form-errors');
    await page.goto(`${portal.url}/biuro/nabory/${newCallId}`);
    await expectAccessible(page);
    await screenshot(page, 'staff-call-summary');
    await context.close();
  });

  it('edits the call with the keyboard only', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory/${newCallId}/edycja`);
    expect(await page.title()).toBe(`Zmiana ustawień naboru ${newCallNumber} – OWES Granty`);
    await expect(page.locator('#c-1-maxPoints').inputValue()).resolves.toBe('10');
    await expectAccessible(page);
    await screenshot(page, 'staff-call-edit');
    await tabTo(page, '#title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Miejsca pracy dla osób zagrożonych wykluczeniem 2027');
    await tabTo(page, '#passThresholdPercent');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('65');
    await tabTo(page, '#save');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Miejsca pracy dla osób zagrożonych wykluczeniem 2027',
    );
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Zapisano zmiany naboru ${newCallNumber}.`,
    );
    await expect(textOf(page, 'main')).resolves.toContain('65%');
    await expectAccessible(page);
    await context.close();
  });

  it('publishes the call after a confirmation step', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory/${newCallId}`);
    await page.getByRole('button', { name: 'Opublikuj' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}/publikacja`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Czy opublikować nabór?');
    await expectAccessible(page);
    await screenshot(page, 'staff-call-publish');
    // nothing is published before the confirmation
    expect(
      check(await platform.api.grants.get(`/api/calls/${newCallId}`, operator.token), 200, 'call')
        .status,
    ).toBe('draft');
    await page.getByRole('button', { name: 'Tak, opublikuj nabór' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Opublikowano nabór ${newCallNumber}.`,
    );
    await expect(page.locator('[data-testid="call-state"]').textContent()).resolves.toBe('otwarty');
    await expect(page.getByRole('button', { name: 'Opublikuj' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('names the committee and its chair; an address without an evaluator account is refused beside the field', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory/${newCallId}/oceniajacy`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Komisja nie ma jeszcze członków.',
    );
    await expectAccessible(page);
    await page.locator('#email').fill('nikt@example.pl');
    await page.getByRole('button', { name: 'Dodaj do komisji' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('#email-error').textContent()).resolves.toContain(
      'Nie ma konta oceniającego z tym adresem e-mail',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-call-pool-error');

    await page.locator('#email').fill(evaluators[0]!.email);
    await page.getByRole('button', { name: 'Dodaj do komisji' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}/oceniajacy`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `Dodano do komisji: ${evaluators[0]!.name}.`,
    );
    await page.locator('#email').fill(evaluators[1]!.email);
    await page.getByLabel('Przewodniczący komisji w tym naborze').check();
    await page.getByRole('button', { name: 'Dodaj do komisji' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}/oceniajacy`);
    const row = (who: Account) => page.locator(`[data-member="${who.email}"]`);
    await expect(row(evaluators[1]!).textContent()).resolves.toContain('przewodniczący');
    await expect(row(evaluators[0]!).textContent()).resolves.not.toContain('przewodniczący');
    // the chair passes to the first evaluator
    await row(evaluators[0]!)
      .getByRole('button', { name: /Ustaw jako przewodniczącego/ })
      .click();
    await page.waitForURL(`${portal.url}/biuro/nabory/${newCallId}/oceniajacy`);
    await expect(row(evaluators[0]!).textContent()).resolves.toContain('przewodniczący');
    await expect(row(evaluators[1]!).textContent()).resolves.not.toContain('przewodniczący');
    await expectAccessible(page);
    await screenshot(page, 'staff-call-pool');
    const pool = check(
      await platform.api.grants.get(`/api/calls/${newCallId}/evaluators`, operator.token),
      200,
      'pool',
    ).items;
    expect(pool.map((m: any) => [m.email, m.chair, m.name])).toEqual(
      expect.arrayContaining([
        [evaluators[0]!.email, true, evaluators[0]!.name],
        [evaluators[1]!.email, false, evaluators[1]!.name],
      ]),
    );
    await context.close();
  });

  it('shows the rules of a call with a submitted application read-only', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory/${worldCallId}`);
    await expect(page.getByRole('button', { name: 'Zmień ustawienia' }).count()).resolves.toBe(0);
    await page.goto(`${portal.url}/biuro/nabory/${worldCallId}/edycja`);
    await expect(page.locator('[data-testid="rules-locked"]').textContent()).resolves.toContain(
      'złożono już pierwszy wniosek',
    );
    await expect(page.locator('form input[name="title"]').count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'staff-call-locked');
    await context.close();
  });

  it('opens the published call to an applicant of its counties', async () => {
    await expectEventually(async () =>
      check(
        await platform.api.applications.get(`/api/calls/${newCallId}`),
        200,
        'call in applications',
      ),
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, portal, applicants[0]!);
    await page.goto(`${portal.url}/nabory`);
    await page
      .getByLabel('W którym powiecie ma działać przedsiębiorstwo społeczne?')
      .selectOption('1419');
    await page.getByRole('button', { name: 'Pokaż nabory' }).click();
    await page.waitForURL(`${portal.url}/nabory`);
    const item = page.locator('.owes-call', { hasText: newCallNumber });
    await expect(item.textContent()).resolves.toContain(
      'Miejsca pracy dla osób zagrożonych wykluczeniem 2027',
    );
    await expectAccessible(page);
    await context.close();
  });

  it('creates and changes a programme for calls, with an error beside its field first', async () => {
    const { context, page } = await operatorPage();
    await page.goto(`${portal.url}/biuro/nabory`);
    await page.getByRole('button', { name: 'Dodaj program' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory/programy/nowy`);
    await expectAccessible(page);
    await page.locator('#name').fill('OWES Płock 2028');
    await page.locator('#k-0').selectOption('1462');
    await page.locator('#y-0-year').fill('2028');
    await page.locator('#y-0-amount').fill('1 000 000,00');
    await page.locator('#groupsSupported').fill('20');
    await page.locator('#enterprisesStrengthened').fill('14');
    await page.locator('#enterprisesCreated').fill('8');
    await page.locator('#jobsCreated').fill('sześćdziesiąt');
    await page.getByRole('button', { name: 'Zapisz program' }).click();
    expect(await page.title()).toMatch(/^Błąd: /);
    await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe(
      '#jobsCreated',
    );
    await expect(page.locator('#name').inputValue()).resolves.toBe('OWES Płock 2028');
    await expectAccessible(page);
    await screenshot(page, 'staff-calls-programme-errors');
    await page.locator('#jobsCreated').fill('60');
    await page.getByRole('button', { name: 'Zapisz program' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory`);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Zapisano program OWES Płock 2028.',
    );
    await page.getByRole('link', { name: 'Zmień OWES Płock 2028' }).click();
    await page.waitForURL(/\/biuro\/nabory\/programy\/[0-9a-f-]{36}$/);
    await expect(page.locator('#y-0-amount').inputValue()).resolves.toBe('1000000,00');
    await page.locator('#name').fill('OWES Płock 2028–2030');
    await page.getByRole('button', { name: 'Zapisz program' }).click();
    await page.waitForURL(`${portal.url}/biuro/nabory`);
    await expect(page.locator('main').textContent()).resolves.toContain('OWES Płock 2028–2030');
    await expectAccessible(page);
    await screenshot(page, 'staff-calls-programmes');
    const programmes = check(
      await platform.api.grants.get('/api/programmes', operator.token),
      200,
      'programmes',
    ).items;
    expect(programmes.find((p: any) => p.name === 'OWES Płock 2028–2030')).toMatchObject({
      counties: ['1462'],
      yearlyBudgets: [expect.objectContaining({ year: 2028, amount: 100_000_000 })],
      targets: expect.objectContaining({ jobsCreated: 60, groupsSupported: 20 }),
    });
    await context.close();
  });
});
