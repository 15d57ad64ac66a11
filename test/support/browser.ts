import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * Debian's Chromium driven by playwright-core (never a browser download): `apt-get install
 * chromium`, or CHROMIUM_PATH elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (cookies and all) in Polish, on a laptop-sized screen. */
export function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

/** WCAG 2.1 A and AA rules of axe-core, as issue 13 asks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The page's accessibility violations (axe-core, WCAG 2.1 A and AA), each as one readable line;
 * `expect(await violations(page)).toEqual([])`.
 */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${page.url()} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/** Where the browser tests keep their screenshots (artifacts, not committed). */
export const SCREENSHOT_DIR = join(process.cwd(), 'artifacts', 'screenshots');

/**
 * A full-page screenshot for people to look at (`artifacts/screenshots/<name>.png`). Nothing is
 * asserted on it, so `SCREENSHOTS=0` (CI, which keeps no artifacts) skips the rendering — about
 * half a second of CPU each on a 2-core machine.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (process.env.SCREENSHOTS === '0') return path;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
