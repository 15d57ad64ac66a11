import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CENTRE_ID } from '@app/common';
import { signIn, startPortal, type TestPortal } from '../support/portal.js';
import { launchBrowser, newContext, screenshot, violations } from '../support/browser.js';
import { buildWorld, type World } from '../support/access-world.js';
import { check } from '../support/portal-world.js';

jest.setTimeout(240_000);

/** Text with the non-breaking spaces of numbers and money made plain. */
const plain = (s: string | null) => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ');

type Login = { email: string; password: string };

/**
 * Two centres in one installation, in the portal (issue #14; docs/tenancy.md): the regional
 * coordinator reads both centres' figures against their targets — chart, table, per year, CSV —
 * and no personal data; an operator (and an admin) of the second centre opening the first
 * centre's pages by URL gets a 403 or 404 page, never its data.
 */
describe('portal: the region, and the walls between centres', () => {
  let world: World;
  let portal: TestPortal;
  let browser: Browser;
  let firstCentreName = '';
  let otherAdmin: Login & { id: string };
  let applicationId = '';
  let reference = '';
  let call: { number: string; title: string };

  const expectAccessible = async (page: Page) => expect(await violations(page)).toEqual([]);
  const login = (actor: keyof World['accounts']) =>
    world.accounts[actor] as unknown as Login & { name: string };

  async function pageOf(who: Login) {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, portal, who);
    return { context, page };
  }

  beforeAll(async () => {
    world = await buildWorld({ grantedAwards: 0 });
    const { applications, grants } = world.platform.api;
    portal = await startPortal(world.platform, { clock: world.clock });
    browser = await launchBrowser();
    // The second centre's programme and admin.
    check(
      await grants.post(
        '/api/programmes',
        {
          name: 'Program OWES Subregionu 1 2024–2027',
          counties: ['1465', '1421'],
          yearlyBudgets: [{ year: 2027, amount: 300_000_000 }],
          targets: {
            groupsSupported: 10,
            enterprisesStrengthened: 5,
            enterprisesCreated: 4,
            jobsCreated: 30,
          },
        },
        world.accounts.otherCentreOperator.token,
      ),
      201,
      'second programme',
    );
    otherAdmin = await world.platform.account('admin', {
      name: 'Oskar Obcy',
      centres: [world.otherCentreId],
    });
    firstCentreName = check(
      await applications.get(`/api/centres/${DEFAULT_CENTRE_ID}`),
      200,
      'centre',
    ).name;
    applicationId = await world.fresh.submittedApplication();
    reference = check(
      await applications.get(`/api/applications/${applicationId}`, world.accounts.owner.token),
      200,
      'application',
    ).reference;
    call = check(
      await grants.get(`/api/calls/${world.openCallId}`, world.accounts.operator.token),
      200,
      'call',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await world?.close();
  });

  it('shows the coordinator both centres against their targets, the region’s sum, by year, and a CSV — no personal data', async () => {
    const { context, page } = await pageOf(login('coordinator'));
    expect(new URL(page.url()).pathname).toBe('/region');
    expect(await page.title()).toBe('Wskaźniki regionu – OWES Granty');
    const main = plain(await page.locator('main').textContent());
    expect(main).toContain(firstCentreName);
    expect(main).toContain('Ośrodek Wsparcia Ekonomii Społecznej Subregionu 1');
    expect(main).toContain('Program OWES Subregionu 1 2024–2027');
    // the region's targets are the sum of both centres' programmes
    const total = plain(await page.locator('table').first().textContent());
    expect(total).toMatch(/Wsparte grupy inicjatywne\s*0\s*30\s*0%/);
    expect(total).toMatch(/Miejsca pracy dla osób zagrożonych wykluczeniem\s*\d+\s*90/);
    // the first centre's award counts, beside its own target
    const first = plain(await page.locator('section', { hasText: firstCentreName }).textContent());
    expect(first).toMatch(/Przyznane wsparcie\s*70 000,00 zł/);
    await expect(page.locator('#chart-region-desc').textContent()).resolves.toContain(
      'Wsparte grupy inicjatywne: 0 z 30 (0%)',
    );
    // counts and money only
    const html = await page.content();
    for (const personal of [
      world.accounts.owner.email,
      world.accounts.owner.name,
      world.accounts.operator.name,
      reference,
    ])
      expect(html).not.toContain(personal);
    await expectAccessible(page);
    await screenshot(page, 'region');

    // one year
    await page.getByLabel('Rok').selectOption('2027');
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/\/region\?rok=2027/);
    await expect(page.locator('#region-heading').textContent()).resolves.toBe(
      'Region łącznie (rok 2027)',
    );
    await page.getByText('Według lat').click();
    await expectAccessible(page);
    await screenshot(page, 'region-2027');

    // a year that is not one: said, not a 500
    const wrong = await page.goto(`${portal.url}/region?rok=dwa-tysiace`);
    expect(wrong?.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Należy wybrać rok z listy',
    );
    await expectAccessible(page);
    await screenshot(page, 'region-error');

    // the CSV, through the portal with the coordinator's token
    const csv = await page.request.get(`${portal.url}/region.csv?rok=2027`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const body = (await csv.body()).toString('utf8');
    expect(body).toContain('Region (suma)');
    expect(body).toContain('Ośrodek Wsparcia Ekonomii Społecznej Subregionu 1');
    expect(body).not.toContain(world.accounts.owner.email);

    // a centre's staff pages are not the coordinator's
    const staffPage = await page.goto(`${portal.url}/biuro/wskazniki`);
    expect(staffPage?.status()).toBe(403);
    await expectAccessible(page);
    await context.close();
  });

  it('gives an operator of another centre a 403 or 404 page — never the data — for the first centre’s call, application, award, indicators, audit and settings', async () => {
    const { context, page } = await pageOf(login('otherCentreOperator'));
    const award = world.awards[0]!.id;
    const forbidden: [string, string[]][] = [
      [`/biuro/nabory/${world.openCallId}`, [call.number, call.title]],
      [`/biuro/nabory/${world.openCallId}/edycja`, [call.number]],
      [`/biuro/nabory/${world.openCallId}/ranking`, [call.number]],
      [`/biuro/wnioski/${applicationId}`, [reference]],
      [`/biuro/umowy/${award}`, [world.accounts.owner.name]],
      [`/biuro/historia?typ=application&id=${applicationId}`, [reference, 'Złożono']],
      [`/biuro/historia?typ=award&id=${award}`, ['Podpisano umowę']],
      [`/biuro/historia?typ=call&id=${world.openCallId}`, ['Opublikowano']],
      [`/biuro/ustawienia?centrum=${DEFAULT_CENTRE_ID}`, [firstCentreName]],
      [`/biuro/zespol?centrum=${DEFAULT_CENTRE_ID}`, [world.accounts.operator.name]],
      ['/region', ['Wskaźniki regionu']],
    ];
    for (const [path, secrets] of forbidden) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, [403, 404].includes(response!.status())]).toEqual([path, true]);
      const html = await page.content();
      for (const secret of secrets) expect([path, html.includes(secret)]).toEqual([path, false]);
    }
    await expectAccessible(page);

    // its own indicators: its programme, nothing of the first centre
    await page.goto(`${portal.url}/biuro/wskazniki`);
    const main = plain(await page.locator('main').textContent());
    expect(main).toContain('Program OWES Subregionu 1 2024–2027');
    expect(main).not.toContain('OWES Płock 2024–2027');
    await expectAccessible(page);
    const csv = (
      await (await page.request.get(`${portal.url}/biuro/wskazniki.csv`)).body()
    ).toString('utf8');
    expect(csv).toContain('Program OWES Subregionu 1 2024–2027');
    expect(csv).not.toContain('OWES Płock 2024–2027');
    await context.close();

    // the second centre's admin: its own team, never the first centre's settings or team
    const admin = await pageOf(otherAdmin);
    for (const path of [
      `/biuro/ustawienia?centrum=${DEFAULT_CENTRE_ID}`,
      `/biuro/zespol?centrum=${DEFAULT_CENTRE_ID}`,
    ]) {
      const response = await admin.page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 404]);
      expect(await admin.page.content()).not.toContain(firstCentreName);
    }
    await expectAccessible(admin.page);
    await admin.page.goto(`${portal.url}/biuro/ustawienia`);
    await expect(admin.page.locator('.govuk-caption-l').textContent()).resolves.toBe(
      'Ośrodek Wsparcia Ekonomii Społecznej Subregionu 1',
    );
    await expectAccessible(admin.page);
    await screenshot(admin.page, 'centre-admin-other-centre-settings');
    await admin.context.close();
  });
});
