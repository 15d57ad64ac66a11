import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CENTRE_ID, ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { expectEventually } from '../support/eventually.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { applicationForm, groupForm } from '../../apps/applications/test/form-fixtures.js';
import { check, createProgramme, publishCall, warsaw } from '../support/portal-world.js';

jest.setTimeout(180_000);

/** Text with the non-breaking spaces of numbers and money made plain. */
const plain = (s: string | null) => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ');

interface Person {
  token: string;
  id: string;
  email: string;
  password: string;
}

/**
 * The centre's reports and administration in the portal (issue #14): the indicators against the
 * programme's targets (chart, table, CSV), the delivery log with a failed e-mail sent again (the
 * SMTP server of the test refusing the address, then taking it), the reminders and dead letters,
 * the audit trail of an application, and the centre admin adding a member of staff and changing
 * the centre's counties — each page and state checked with axe.
 */
describe('portal: the centre’s reports, delivery log, audit trail and administration', () => {
  let platform: Platform;
  let portal: TestPortal;
  let browser: Browser;
  let smtp: TestSmtp;
  const clock = new ManualClock(warsaw('2027-01-05', '10:00:00'));
  let operator: Person;
  let admin: Person;
  let applicant: Person;
  let newcomer: Person;
  let applicationId = '';
  let reference = '';

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);

  async function staffPage(who: Person) {
    const context = await newContext(browser);
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
        grants: { SCHEDULER_INTERVAL_MS: '3600000' },
        notifications: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
          REMINDERS_POLL_MS: '3600000',
        },
      },
    });
    portal = await startPortal(platform, { clock });
    browser = await launchBrowser();
    const { applications, grants, notifications } = platform.api;
    operator = await platform.account('operator', { name: 'Grażyna Operatorka' });
    admin = await platform.account('admin', { name: 'Henryk Administrator' });
    applicant = await platform.account('applicant', { name: 'Anna Kowalska' });
    newcomer = await platform.account('applicant', { name: 'Zofia Nowa' });
    // Every e-mail to the applicant is refused (550) until the test lets it through.
    smtp.rejectRecipient = new RegExp(`^${applicant.email.replace(/[.+]/g, '\\$&')}$`, 'i');
    const op = operator.token;
    const programmeId = await createProgramme(grants, op);
    const callId = (await publishCall(platform, op, { programmeId, budget: 40_000_000 })).id;
    // A qualified initiative group: one group supported of the programme's twenty.
    const group = check(
      await applications.post('/api/initiative-groups', { form: groupForm() }, applicant.token),
      201,
      'group',
    );
    check(
      await applications.post(`/api/initiative-groups/${group.id}/submit`, {}, applicant.token),
      200,
      'group submit',
    );
    check(
      await applications.post(
        `/api/initiative-groups/${group.id}/decision`,
        { decision: 'qualified', reason: 'Zakwalifikowana' },
        op,
      ),
      200,
      'group decision',
    );
    // An application, submitted and formally accepted: its history has both.
    const draft = check(
      await applications.post(
        '/api/applications',
        { callId, form: applicationForm(1) },
        applicant.token,
      ),
      201,
      'draft',
    );
    applicationId = draft.id;
    reference = check(
      await applications.post(`/api/applications/${draft.id}/submit`, {}, applicant.token),
      200,
      'submit',
    ).reference;
    check(
      await applications.post(
        `/api/applications/${draft.id}/formal-check`,
        { result: 'accepted' },
        op,
      ),
      200,
      'formal check',
    );
    await expectEventually(async () => {
      const indicators = check(await grants.get('/api/indicators', op), 200, 'indicators');
      const row = indicators.items[0].indicators.find((i: any) => i.key === 'groupsSupported');
      expect(row.actual).toBe(1);
    });
    await expectEventually(
      async () => {
        const failed = check(
          await notifications.get(
            `/api/deliveries?status=failed&template=application-submitted&recipient=${encodeURIComponent(applicant.email)}`,
            op,
          ),
          200,
          'deliveries',
        );
        expect(failed.total).toBe(1);
      },
      { timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await platform?.close();
    await smtp?.close();
  });

  it('shows the indicators against the targets as a chart with a text alternative, a table and a CSV', async () => {
    const { context, page } = await staffPage(operator);
    await page.goto(`${portal.url}/biuro/wskazniki`);
    expect(await page.title()).toBe('Wskaźniki ośrodka – OWES Granty');
    await expect(page.locator('h2').first().textContent()).resolves.toBe('OWES Płock 2024–2027');
    const chart = page.locator('svg[role="img"]').first();
    const described = await chart.getAttribute('aria-labelledby');
    expect(described).toBe('chart-1-title chart-1-desc');
    await expect(page.locator('#chart-1-desc').textContent()).resolves.toContain(
      'Wsparte grupy inicjatywne: 1 z 20 (5%)',
    );
    const table = page.locator('table').first();
    expect(plain(await table.textContent())).toMatch(/Wsparte grupy inicjatywne\s*1\s*20\s*5%/);
    expect(plain(await table.textContent())).toMatch(/Przyznane wsparcie\s*0,00 zł/);
    await expectAccessible(page);
    await screenshot(page, 'staff-indicators');
    // by county, in the details
    await page.getByText('Wskaźniki według powiatów').first().click();
    await expect(page.locator('main').textContent()).resolves.toContain(
      'miasto Płock (woj. mazowieckie)',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-indicators-counties');

    // the CSV, proxied with the person's token
    const csv = await page.request.get(`${portal.url}/biuro/wskazniki.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toContain('wskazniki.csv');
    const body = (await csv.body()).toString('utf8');
    expect(body.startsWith('\ufeff')).toBe(true);
    expect(body).toContain('Wsparte grupy inicjatywne');
    expect(body).toMatch(/OWES Płock 2024–2027,,,groupsSupported,Wsparte grupy inicjatywne,1,20/);

    // in English too
    await page.goto(`${portal.url}/jezyk?na=en&powrot=/biuro/wskazniki`);
    await page.waitForURL('**/biuro/wskazniki');
    await expect(page.locator('#chart-1-desc').textContent()).resolves.toContain(
      'Initiative groups supported: 1 of 20 (5%)',
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-indicators-en');
    // back to Polish (the switch sets the account's language too)
    await page.goto(`${portal.url}/jezyk?na=pl&powrot=/biuro/wskazniki`);
    await page.waitForURL('**/biuro/wskazniki');
    await context.close();
  });

  it('sends a failed e-mail again from the log after a confirmation, then every other failed one', async () => {
    const { context, page } = await staffPage(operator);
    await page.goto(`${portal.url}/biuro/wysylki`);
    expect(await page.title()).toBe('Wysyłki wiadomości – OWES Granty');
    await expect(page.locator('#dead-letters').textContent()).resolves.toContain(
      'Nieobsłużone zdarzenia (0)',
    );
    await expect(page.locator('#reminders').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // a template the service does not know: its error beside the field
    await page.getByLabel('Rodzaj wiadomości (szablon)').fill('nie-ma-takiego');
    await page.getByRole('button', { name: 'Pokaż wysyłki' }).click();
    await page.waitForURL(/szablon=nie-ma-takiego/);
    expect(await page.title()).toMatch(/^Błąd: Wysyłki wiadomości/);
    await expect(page.locator('#szablon-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // the failed ones to the applicant, by the filters
    await page.getByLabel('Stan wysyłki').selectOption('failed');
    await page.getByLabel('Rodzaj wiadomości (szablon)').fill('');
    await page.getByLabel('Adres e-mail odbiorcy').fill(applicant.email);
    await page.getByRole('button', { name: 'Pokaż wysyłki' }).click();
    await page.waitForURL(/status=failed/);
    const row = page.locator('#deliveries tr', { hasText: 'application-submitted' });
    expect(plain(await row.textContent())).toContain('Niedoręczona');
    expect(plain(await row.textContent())).toContain(reference);
    await expectAccessible(page);
    await screenshot(page, 'staff-deliveries');

    // the address works again: send it once more, after a confirmation
    smtp.rejectRecipient = undefined;
    await row.getByRole('link', { name: /Wyślij ponownie/ }).click();
    await page.waitForURL(/\/biuro\/wysylki\/[0-9a-f-]+\/ponow/);
    expect(await page.locator('h1').textContent()).toBe('Ponowne wysłanie wiadomości');
    await expect(page.locator('main').textContent()).resolves.toContain(applicant.email);
    await expectAccessible(page);
    await screenshot(page, 'staff-deliveries-resend');
    await page.getByRole('button', { name: 'Tak, wyślij ponownie' }).click();
    await page.waitForURL(/\/biuro\/wysylki\?/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `do ${applicant.email} została ponownie przekazana do wysyłki`,
    );
    await expectAccessible(page);
    await expectEventually(
      () => {
        const got = smtp.messages.filter((m) =>
          JSON.stringify(m.to ?? '').includes(applicant.email),
        );
        expect(got.length).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    await expectEventually(async () => {
      await page.goto(
        `${portal.url}/biuro/wysylki?szablon=application-submitted&odbiorca=${encodeURIComponent(applicant.email)}`,
      );
      const sent = page.locator('#deliveries tr', { hasText: 'application-submitted' });
      expect(plain(await sent.textContent())).toContain('Wysłana');
    });

    // every other failed one (the group's letters), at once
    await page.goto(`${portal.url}/biuro/wysylki?status=failed`);
    await page.getByRole('link', { name: /Wyślij ponownie wszystkie niedoręczone/ }).click();
    await page.waitForURL(/ponow-wszystkie/);
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /Liczba niedoręczonych wiadomości do ponownego wysłania: [1-9]/,
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: /Tak, wyślij ponownie/ }).click();
    await page.waitForURL(/\/biuro\/wysylki/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toMatch(
      /Ponownie przekazano do wysyłki wiadomości: [1-9]/,
    );
    await expectEventually(async () => {
      await page.goto(`${portal.url}/biuro/wysylki?status=failed`);
      await expect(page.locator('#deliveries-none').isVisible()).resolves.toBe(true);
    });
    await expectAccessible(page);
    await context.close();
  });

  it('shows the audit trail of an application from both services, newest first, as a list of changes', async () => {
    const { context, page } = await staffPage(operator);
    let all = '';
    await expectEventually(async () => {
      await page.goto(`${portal.url}/biuro/historia?typ=application&id=${applicationId}`);
      all = plain(await page.locator('.owes-audit').textContent());
      expect(all).toContain('usługa grantów');
    });
    expect(await page.title()).toBe('Historia zmian – OWES Granty');
    const entries = page.locator('.owes-audit__entry');
    expect(all).toContain('Ocena formalna: przyjęto');
    expect(all).toContain('Grażyna Operatorka');
    expect(all).toMatch(/Zmiana stanu\s*złożony → przyjęty w ocenie formalnej/);
    // newest first: the formal check before the submission
    const headings = await entries.locator('h2').allTextContents();
    expect(headings.indexOf('Ocena formalna: przyjęto')).toBeLessThan(
      headings.lastIndexOf('Złożono'),
    );
    await expectAccessible(page);
    await screenshot(page, 'staff-audit');
    // an unknown record: a 404 page
    const missing = await page.goto(
      `${portal.url}/biuro/historia?typ=application&id=00000000-0000-4000-8000-00000000dead`,
    );
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
    await context.close();
  });

  it('lets the centre admin add a member of staff (by keyboard) and change the centre’s counties', async () => {
    const { context, page } = await staffPage(admin);
    await page.goto(`${portal.url}/biuro/zespol`);
    expect(await page.title()).toBe('Zespół ośrodka – OWES Granty');
    await expect(page.locator('#staff').textContent()).resolves.toContain('Henryk Administrator');
    await expect(page.locator('#staff').textContent()).resolves.toContain('Grażyna Operatorka');
    await expectAccessible(page);
    await screenshot(page, 'centre-admin-team');

    // nothing typed: both fields named
    await page.getByRole('button', { name: 'Dodaj do zespołu' }).click();
    expect(await page.title()).toMatch(/^Błąd: Zespół ośrodka/);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('Należy wpisać adres e-mail konta');
    await expect(summary.textContent()).resolves.toContain('Należy wybrać rolę');
    await expectAccessible(page);

    // an address with no account: the service's error beside the field
    await page.getByLabel('Adres e-mail konta').fill('nikt@example.pl');
    await page.getByLabel('Pracownik ośrodka (operator)').check();
    await page.getByRole('button', { name: 'Dodaj do zespołu' }).click();
    await expect(page.locator('#email-error').textContent()).resolves.toContain(
      'Nie ma konta o tym adresie',
    );
    await expectAccessible(page);

    // the keyboard only: the address, the role, the button
    await page.locator('#email').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(newcomer.email);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe(
      'role',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#role').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Dodaj do zespołu',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/biuro\/zespol\?centrum=/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Dodano do zespołu: Zofia Nowa — Pracownik ośrodka (operator).',
    );
    await expect(page.locator('#staff').textContent()).resolves.toContain(newcomer.email);
    await expectAccessible(page);
    await screenshot(page, 'centre-admin-added');
    const staff = check(
      await platform.api.applications.get(`/api/centres/${DEFAULT_CENTRE_ID}/staff`, admin.token),
      200,
      'staff',
    );
    expect(staff.items.map((s: any) => s.email)).toContain(newcomer.email);

    // a role changed in the row, and an account disabled after a confirmation
    const row = page.locator('#staff tr', { hasText: newcomer.email });
    await row.getByLabel('Rola: Zofia Nowa').selectOption('admin');
    await row.getByRole('button', { name: 'Zmień rolę: Zofia Nowa' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Zmieniono rolę: Zofia Nowa — Administrator ośrodka.',
    );
    await page
      .locator('#staff tr', { hasText: newcomer.email })
      .getByRole('link', { name: /Wyłącz konto/ })
      .click();
    await page.waitForURL(/\/wylacz\?centrum=/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tak, wyłącz konto' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Wyłączono konto: Zofia Nowa.',
    );
    await expect(
      page.locator('#staff tr', { hasText: newcomer.email }).textContent(),
    ).resolves.toContain('Wyłączone');
    await expectAccessible(page);

    // removing asks first
    await page
      .locator('#staff tr', { hasText: newcomer.email })
      .getByRole('link', { name: /Usuń z zespołu/ })
      .click();
    await page.waitForURL(/\/usun\?centrum=/);
    await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain(
      'straci dostęp do danych ośrodka',
    );
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Wróć do zespołu' }).last().click();
    await page.waitForURL(/\/biuro\/zespol\?centrum=/);

    // the settings: no county chosen is refused, a sender address the service refuses is shown
    await page.getByRole('link', { name: /Ustawienia ośrodka/ }).click();
    await page.waitForURL(/\/biuro\/ustawienia\?centrum=/);
    expect(await page.title()).toBe('Ustawienia ośrodka – OWES Granty');
    await expectAccessible(page);
    await screenshot(page, 'centre-admin-settings');
    for (const box of await page.locator('input[name="counties"]:checked').all())
      await box.uncheck();
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy zaznaczyć co najmniej jeden powiat',
    );
    await expectAccessible(page);
    await page.getByLabel('powiat płocki (woj. mazowieckie)').check();
    await page.getByLabel('miasto Płock (woj. mazowieckie)').check();
    await page.getByLabel('Adres e-mail nadawcy').fill('to nie jest adres');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect(page.locator('#senderEmail-error').isVisible()).resolves.toBe(true);
    expect(await page.title()).toMatch(/^Błąd: /);
    // what was typed stays
    await expect(page.getByLabel('powiat płocki (woj. mazowieckie)').isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page);
    await page.getByLabel('Adres e-mail nadawcy').fill('nabory@owes-plock.example.pl');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Ustawienia ośrodka zostały zapisane.',
    );
    await expectAccessible(page);
    const centre = check(
      await platform.api.applications.get(`/api/centres/${DEFAULT_CENTRE_ID}`),
      200,
      'centre',
    );
    expect([...centre.counties].sort()).toEqual(['1419', '1462']);
    await context.close();
  });
});
