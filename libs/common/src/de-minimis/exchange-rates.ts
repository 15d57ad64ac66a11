/**
 * The euro exchange rate de minimis aid is converted at: the NBP average rate (kurs średni NBP,
 * table A) in force on the day the aid was granted. The table is dated: a row holds from its day
 * until the next row, so a day without a table of its own (a weekend, a holiday) takes the last
 * rate published before it. Rates are decimal strings (PLN per 1 EUR, up to 6 decimals); every
 * conversion is exact integer arithmetic with half-up rounding, never floating point.
 */
import { calendarDaysBetween } from '../time/warsaw.js';

export interface ExchangeRate {
  /** First day the rate is in force, 'YYYY-MM-DD'. */
  validFrom: string;
  /** PLN per 1 EUR, e.g. '4.2497'. */
  plnPerEur: string;
}

export const RATE_PATTERN = /^\d{1,3}\.\d{1,6}$/;

/**
 * NBP publishes a table every working day; the longest run of days without one (Easter, the
 * Christmas holidays with a weekend) is under a week. A row older than this is not "in force"
 * but a gap in the table, and a conversion must not silently use a stale rate.
 */
export const MAX_RATE_AGE_DAYS = 7;

/**
 * The rate in force on `date`: the row with the latest `validFrom` not after it, at most
 * MAX_RATE_AGE_DAYS old; undefined when the table has no such row.
 */
export function rateOn(rates: readonly ExchangeRate[], date: string): ExchangeRate | undefined {
  let best: ExchangeRate | undefined;
  for (const rate of rates) {
    if (rate.validFrom <= date && (!best || rate.validFrom > best.validFrom)) best = rate;
  }
  if (!best || calendarDaysBetween(best.validFrom, date) > MAX_RATE_AGE_DAYS) return undefined;
  return best;
}

/** The rate as an integer scaled by 10^6 (exact). */
function scaled(plnPerEur: string): bigint {
  if (!RATE_PATTERN.test(plnPerEur)) throw new RangeError(`Not an exchange rate: ${plnPerEur}`);
  const [whole, fraction] = plnPerEur.split('.') as [string, string];
  const micro = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  if (micro === 0n) throw new RangeError('An exchange rate cannot be zero');
  return micro;
}

/** a / b rounded half up, for non-negative a and positive b. */
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}

/** Grosze → euro cents at `plnPerEur` (half up). */
export function groszeToEurocents(grosze: number, plnPerEur: string): number {
  return Number(divideHalfUp(BigInt(grosze) * 1_000_000n, scaled(plnPerEur)));
}

/** Euro cents → grosze at `plnPerEur`, rounded down (what is left must never be overstated). */
export function eurocentsToGrosze(eurocents: number, plnPerEur: string): number {
  return Number((BigInt(eurocents) * scaled(plnPerEur)) / 1_000_000n);
}

const EUR_FORMAT = {
  pl: new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Euro cents for people: 'pl' → '300 000,00 €', 'en' → '€300,000.00' (exact, via a decimal string). */
export function formatEur(eurocents: number, lang: 'pl' | 'en' = 'pl'): string {
  const sign = eurocents < 0 ? '-' : '';
  const abs = Math.abs(eurocents);
  const decimal = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return EUR_FORMAT[lang].format(decimal as Intl.StringNumericLiteral);
}
