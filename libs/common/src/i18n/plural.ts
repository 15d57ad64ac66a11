import type { Lang } from './lang.js';

/** Polish nouns have three plural forms: 1 dzień, 2–4 dni (few), 5+ / 0 / 12–14 dni (many). */
export interface PlPluralForms {
  one: string;
  few: string;
  many: string;
}

export interface EnPluralForms {
  one: string;
  other: string;
}

export interface CountForms {
  pl: PlPluralForms;
  en: EnPluralForms;
}

const PL_RULES = new Intl.PluralRules('pl-PL');
const EN_RULES = new Intl.PluralRules('en-GB');
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  pl: new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/**
 * The Polish form for `n`. Fractions (Intl category 'other', e.g. 1,5) take the `many` form here,
 * as the genitive singular Polish uses for fractions is not among the three forms.
 */
export function pluralPl(n: number, forms: PlPluralForms): string {
  switch (PL_RULES.select(n)) {
    case 'one':
      return forms.one;
    case 'few':
      return forms.few;
    default:
      return forms.many;
  }
}

/** The English form for `n`: `one` for exactly 1, `other` otherwise. */
export function pluralEn(n: number, forms: EnPluralForms): string {
  return EN_RULES.select(n) === 'one' ? forms.one : forms.other;
}

/** '1 dzień', '5 dni', '1 day', '5 days': the number (locale-formatted) and the right form. */
export function formatCount(n: number, lang: Lang, forms: CountForms): string {
  const word = lang === 'en' ? pluralEn(n, forms.en) : pluralPl(n, forms.pl);
  return `${NUMBER_FORMATS[lang === 'en' ? 'en' : 'pl'].format(n)} ${word}`;
}

export const DAYS: CountForms = {
  pl: { one: 'dzień', few: 'dni', many: 'dni' },
  en: { one: 'day', other: 'days' },
};

export const WORKING_DAYS: CountForms = {
  pl: { one: 'dzień roboczy', few: 'dni robocze', many: 'dni roboczych' },
  en: { one: 'working day', other: 'working days' },
};
