import type { Lang } from '../i18n/lang.js';
import { groszeToDecimalString } from './grosze.js';

const FORMATS: Record<Lang, Intl.NumberFormat> = {
  pl: new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'PLN' }),
};

/**
 * Formats grosze as PLN for people: 'pl' → '35 212,00 zł', 'en' → 'PLN 35,212.00'.
 * Intl's Polish style uses non-breaking spaces and does not group four-digit amounts
 * ('1234,50 zł'). The amount is passed to Intl as an exact decimal string, never as a float.
 * Any safe integer is accepted (a negative amount is formatted with a minus sign).
 */
export function formatPln(grosze: number, lang: Lang = 'pl'): string {
  const decimal = groszeToDecimalString(grosze) as Intl.StringNumericLiteral;
  return FORMATS[lang === 'en' ? 'en' : 'pl'].format(decimal);
}
