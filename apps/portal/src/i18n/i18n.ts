import { COMMON_MESSAGES } from './common.messages.js';
import { HOME_MESSAGES } from '../home/home.messages.js';
import { INFO_MESSAGES } from '../info/info.messages.js';
import { ACCOUNT_MESSAGES } from '../account/account.messages.js';
import { CALLS_MESSAGES } from '../calls/calls.messages.js';
import { GROUPS_MESSAGES } from '../groups/groups.messages.js';
import { FORM_MESSAGES } from '../application-form/application-form.messages.js';
import { STATUS_MESSAGES } from '../application-status/application-status.messages.js';
import { EVALUATION_MESSAGES } from '../evaluation/evaluation.messages.js';
import { STAFF_HOME_MESSAGES } from '../staff-home/staff-home.messages.js';
import { STAFF_CALLS_MESSAGES } from '../staff-calls/staff-calls.messages.js';
import { STAFF_REVIEW_MESSAGES } from '../staff-review/staff-review.messages.js';
import { STAFF_AWARDS_MESSAGES } from '../staff-awards/staff-awards.messages.js';
import { STAFF_REPORTS_MESSAGES } from '../staff-reports/staff-reports.messages.js';
import { REGION_MESSAGES } from '../region/region.messages.js';
import { CENTRE_ADMIN_MESSAGES } from '../centre-admin/centre-admin.messages.js';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];

/** One feature's texts: the same keys in Polish and English (a test holds them equal). */
export interface Messages {
  pl: Record<string, string>;
  en: Record<string, string>;
}

/**
 * Every text people read in the portal, by key, per language. Each feature keeps its own
 * catalogue beside its pages (`<feature>/<feature>.messages.ts`); keys start with the feature's
 * name. Polish is the default; the register is that of Polish public letters (Pan/Pani forms
 * avoided in favour of impersonal ones, "Prosimy…", "Należy…").
 */
export const CATALOGUES: Record<string, Messages> = {
  common: COMMON_MESSAGES,
  home: HOME_MESSAGES,
  info: INFO_MESSAGES,
  account: ACCOUNT_MESSAGES,
  calls: CALLS_MESSAGES,
  groups: GROUPS_MESSAGES,
  form: FORM_MESSAGES,
  status: STATUS_MESSAGES,
  evaluation: EVALUATION_MESSAGES,
  staffHome: STAFF_HOME_MESSAGES,
  staffCalls: STAFF_CALLS_MESSAGES,
  review: STAFF_REVIEW_MESSAGES,
  awards: STAFF_AWARDS_MESSAGES,
  staffReports: STAFF_REPORTS_MESSAGES,
  region: REGION_MESSAGES,
  centreAdmin: CENTRE_ADMIN_MESSAGES,
};

const merged: Record<Lang, Record<string, string>> = { pl: {}, en: {} };
for (const catalogue of Object.values(CATALOGUES)) {
  Object.assign(merged.pl, catalogue.pl);
  Object.assign(merged.en, catalogue.en);
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The text of `key` in `lang`, with `{name}` placeholders filled in. An unknown key shows as
 * itself (and fails the catalogue test), never as an empty string.
 */
export function translator(lang: Lang): Translate {
  const texts = merged[lang];
  return (key, params) => {
    const text = texts[key] ?? merged.pl[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  };
}

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}
