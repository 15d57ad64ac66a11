/**
 * NRB (Numer Rachunku Bankowego): a Polish bank account number, 26 digits, i.e. a Polish IBAN
 * without its 'PL' prefix. The first two digits are the IBAN check digits. Usually written in
 * groups: 'XX XXXX XXXX XXXX XXXX XXXX XXXX'.
 */

/** 'PL' as IBAN letter values: P = 25, L = 21. */
const PL_DIGITS = '2521';

/**
 * Trims, removes whitespace, and drops an optional 'PL' IBAN prefix (case-insensitive).
 * Does not validate: anything else is returned with only whitespace removed.
 */
export function normalizeNrb(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return /^pl\d{26}$/i.test(compact) ? compact.slice(2) : compact;
}

/** Remainder of a long decimal string modulo 97, computed in small chunks. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(String(remainder) + digits.slice(i, i + 7)) % 97;
  }
  return remainder;
}

/**
 * True for a valid NRB: 26 digits after removing whitespace (an optional 'PL' prefix is accepted),
 * whose IBAN check (account digits + 'PL' + check digits, mod 97) equals 1.
 */
export function isValidNrb(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const digits = normalizeNrb(value);
  if (!/^\d{26}$/.test(digits)) return false;
  return mod97(digits.slice(2) + PL_DIGITS + digits.slice(0, 2)) === 1;
}

/** Formats a valid NRB in the usual groups: '61 1090 1014 0000 0712 1981 2874'. */
export function formatNrb(value: string): string {
  const digits = normalizeNrb(value);
  if (!isValidNrb(digits)) throw new RangeError('Not a valid NRB');
  return `${digits.slice(0, 2)} ${digits.slice(2).replace(/(\d{4})(?=\d)/g, '$1 ')}`;
}
