export { LANGS, DEFAULT_LANG, isLang, pickLang } from './lang.js';
export type { Lang } from './lang.js';
export { pluralPl, pluralEn, formatCount, DAYS, WORKING_DAYS } from './plural.js';
export type { PlPluralForms, EnPluralForms, CountForms } from './plural.js';
