import { weightedSum } from './checksum.js';

/**
 * PESEL: the Polish national identification number of a natural person (11 digits).
 * Digits 1–6 are the birth date YYMMDD with the century carried by the month, digits 7–9 a
 * serial number, digit 10 the sex (even: female, odd: male), digit 11 the check digit.
 */
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/** Month offset (divided by 20) → century's first year. */
const CENTURY_BY_MONTH_BLOCK: readonly number[] = [1900, 2000, 2100, 2200, 1800];

export type PeselSex = 'F' | 'M';

export interface PeselData {
  /** Birth date, 'YYYY-MM-DD'. */
  birthDate: string;
  sex: PeselSex;
}

/** Check digit a PESEL whose first 10 digits are `first10` must have. */
export function peselCheckDigit(first10: string): number {
  return (10 - (weightedSum(first10, WEIGHTS) % 10)) % 10;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of `month` (Date.UTC handles the Gregorian leap rule).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Validates a PESEL (exact 11 ASCII digits, check digit, real birth date) and returns the birth
 * date and sex it encodes, or null when it is not a valid PESEL. No whitespace is tolerated.
 */
export function parsePesel(value: unknown): PeselData | null {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value)) return null;
  if (peselCheckDigit(value) !== Number(value[10])) return null;

  const yy = Number(value.slice(0, 2));
  const encodedMonth = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const block = Math.floor(encodedMonth / 20);
  if (block >= CENTURY_BY_MONTH_BLOCK.length) return null;
  const year = CENTURY_BY_MONTH_BLOCK[block] + yy;
  const month = encodedMonth % 20;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;

  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const sex: PeselSex = Number(value[9]) % 2 === 0 ? 'F' : 'M';
  return { birthDate, sex };
}

/** True for a valid PESEL: 11 digits, correct check digit, a real calendar birth date. */
export function isValidPesel(value: unknown): boolean {
  return parsePesel(value) !== null;
}
