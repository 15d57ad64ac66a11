import { join } from 'node:path';
import nunjucks from 'nunjucks';
import type { Express } from 'express';
import { nodeModulesDir, webDir } from './web-dir.js';

const WARSAW = 'Europe/Warsaw';

/** A moment as people in Poland read it: Warsaw wall time (`2 grudnia 2026, 16:00`). */
export function formatMoment(value: string | Date | null | undefined, lang: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: WARSAW,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A calendar day (`2026-12-02` or a moment) as `2 grudnia 2026`. */
export function formatDay(value: string | Date | null | undefined, lang: string): string {
  if (!value) return '';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: WARSAW,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** Grosze as złoty: `423 886,33 zł` (pl) or `PLN 423,886.33` (en). */
export function formatMoney(grosze: number | string | null | undefined, lang: string): string {
  if (grosze === null || grosze === undefined || grosze === '') return '';
  const value = Number(grosze) / 100;
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    style: 'currency',
    currency: 'PLN',
  }).format(value);
}

/**
 * The Nunjucks environment of the portal's pages: its own templates (`web/views`) first, then
 * GOV.UK Frontend's components (`{% from "govuk/components/…/macro.njk" import … %}`). Autoescape
 * on; templates are cached outside development.
 */
export function configureViews(app: Express, options: { watch: boolean }): nunjucks.Environment {
  const env = nunjucks.configure(
    [join(webDir(), 'views'), join(nodeModulesDir(), 'govuk-frontend', 'dist')],
    { autoescape: true, express: app, noCache: options.watch, throwOnUndefined: false },
  );
  env.addFilter('moment', (value: string, lang: string) => formatMoment(value, lang));
  env.addFilter('day', (value: string, lang: string) => formatDay(value, lang));
  env.addFilter('money', (value: number, lang: string) => formatMoney(value, lang));
  app.set('view engine', 'njk');
  return env;
}
