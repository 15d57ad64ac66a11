import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Clock } from '@app/common';
import { createPortal } from '../../apps/portal/src/configure.js';
import type { Platform } from './platform.js';
import { expectEventually } from './eventually.js';
import { expect } from '@jest/globals';

export interface TestPortal {
  url: string;
  app: NestExpressApplication;
  close(): Promise<void>;
}

/**
 * The web portal in this process, over a platform's services and its database (schema
 * `portal`), exactly as main.ts runs it, on a free port.
 */
export async function startPortal(
  platform: Platform,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestPortal> {
  const app = await createPortal(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: platform.db.layout.portal.url,
      APPLICATIONS_URL: platform.urls.applications ?? 'http://127.0.0.1:1',
      GRANTS_URL: platform.urls.grants ?? 'http://127.0.0.1:1',
      NOTIFICATIONS_URL: platform.urls.notifications ?? 'http://127.0.0.1:1',
      SESSION_SECRET: 'test-session-secret-of-at-least-32-characters',
      ...options.env,
    },
    options.clock,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: () => app.close(),
  };
}

/** Signs in through the portal's page, as a person would (keyboard-free, but through the form). */
export async function signIn(
  page: import('playwright-core').Page,
  portal: TestPortal,
  account: { email: string; password: string },
): Promise<void> {
  await page.goto(`${portal.url}/logowanie`);
  await page.getByLabel('Adres e-mail').fill(account.email);
  await page.getByLabel('Hasło', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logowanie'));
}

/**
 * A new applicant the way a person becomes one: the registration form, the link of the
 * confirmation e-mail (caught by the test's SMTP server), the confirmation button, then signing
 * in. The password must pass the strength check.
 */
export async function registerThroughPortal(
  page: import('playwright-core').Page,
  portal: TestPortal,
  smtp: { messages: { to?: unknown; text?: string | false }[] },
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto(`${portal.url}/rejestracja`);
  await page.getByLabel('Imię i nazwisko').fill(person.name);
  await page.getByLabel('Adres e-mail').fill(person.email);
  await page.getByLabel('Hasło', { exact: true }).fill(person.password);
  await page.getByLabel('Potwierdzam zapoznanie się').check();
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await page.waitForURL(/\/rejestracja\/sprawdz-skrzynke$/);
  const link = await expectEventually(() => {
    const found = smtp.messages
      .filter((m) => JSON.stringify(m.to ?? '').includes(person.email))
      .map((m) => /\/verify-email\?token=([A-Za-z0-9_~.%-]+)/.exec(m.text || ''))
      .filter((m): m is RegExpExecArray => m !== null)
      .pop();
    expect(found).toBeDefined();
    return `${portal.url}/verify-email?token=${found![1]}`;
  });
  await page.goto(link);
  await page.getByRole('button', { name: 'Potwierdź adres e-mail' }).click();
  await page.waitForURL(/\/potwierdz-email\/potwierdzono$/);
  await signIn(page, portal, person);
}
