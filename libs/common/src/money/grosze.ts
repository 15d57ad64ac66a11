/**
 * The one grosze module. Money is stored and computed as integer grosze (1 PLN = 100 grosze),
 * never as floating point, within JavaScript's safe integers. Conversions from text, sums and
 * multiplications use string/BigInt arithmetic, so no value is ever rounded by binary floating
 * point, and a result beyond the safe integers throws. Pure: no Nest, no I/O.
 */

/** An amount of money in grosze (an integer). */
export type Grosze = number;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A non-negative whole number of grosze that is a safe integer. */
export function isGrosze(value: unknown): value is Grosze {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Throws unless `value` is a safe, non-negative integer number of grosze. */
export function assertGrosze(value: unknown): asserts value is Grosze {
  if (!isGrosze(value)) {
    throw new RangeError(`Expected a non-negative integer amount in grosze, got ${String(value)}`);
  }
}

function assertSafeInteger(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > MAX || value < -MAX) throw new RangeError(`${what} is out of the safe integer range`);
  return Number(value);
}

/** Plain digits, or digits grouped in threes by (non-breaking/narrow) spaces. */
const INTEGER_PART = /^(?:\d+|\d{1,3}(?: \d{3})+)$/;

/**
 * Parses a PLN amount written by a person into grosze, exactly: '35212' → 3_521_200,
 * '35212.5' → 3_521_250, '35 212,50' → 3_521_250. Accepts a '.' or ',' decimal separator with at
 * most two decimals, and spaces (also U+00A0 / U+202F) as thousands separators in groups of
 * three. Rejects signs, more than two decimals (no silent rounding), a comma used as a thousands
 * separator and amounts beyond the safe integer range. Throws RangeError when it cannot parse.
 */
export function plnToGrosze(value: string): number {
  if (typeof value !== 'string') throw new RangeError('Expected the amount as a string');
  const text = value.trim().replace(/[\u00a0\u202f]/g, ' ');
  const match = /^([\d ]+?)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match || !INTEGER_PART.test(match[1])) {
    throw new RangeError(`Not a PLN amount: ${JSON.stringify(value)}`);
  }
  const zloty = match[1].replace(/ /g, '');
  const grosze = (match[2] ?? '').padEnd(2, '0');
  return toSafeNumber(BigInt(zloty + grosze), 'Amount');
}

/**
 * The amount as a plain decimal string with two decimals ('3521250' → '35212.50'), e.g. for CSV.
 * Accepts any safe integer (negative amounts keep their sign).
 */
export function groszeToDecimalString(grosze: number): string {
  assertSafeInteger(grosze, 'Amount in grosze');
  const digits = String(Math.abs(grosze)).padStart(3, '0');
  const sign = grosze < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The sum of the amounts, computed exactly; throws RangeError beyond the safe integers. */
export function sumGrosze(amounts: readonly Grosze[]): Grosze {
  let total = 0n;
  for (const amount of amounts) {
    assertSafeInteger(amount, 'Amount in grosze');
    total += BigInt(amount);
  }
  return toSafeNumber(total, 'Sum');
}

/**
 * `grosze × numerator / denominator`, rounded half up (half away from zero for negative
 * results), computed exactly with BigInt. E.g. ¾ of a rate: multiplyGrosze(3_817_800, 3, 4);
 * twelve monthly amounts: multiplyGrosze(monthly, 12) (the denominator defaults to 1: exact).
 */
export function multiplyGrosze(
  grosze: number,
  numerator: number | bigint,
  denominator: number | bigint = 1,
): number {
  assertSafeInteger(grosze, 'Amount in grosze');
  const toBig = (v: number | bigint, what: string): bigint => {
    if (typeof v === 'bigint') return v;
    assertSafeInteger(v, what);
    return BigInt(v);
  };
  const num = toBig(numerator, 'Numerator');
  const den = toBig(denominator, 'Denominator');
  if (den === 0n) throw new RangeError('Denominator must not be zero');

  const product = BigInt(grosze) * num;
  const negative = product < 0n !== den < 0n && product !== 0n;
  const absProduct = product < 0n ? -product : product;
  const absDen = den < 0n ? -den : den;
  // floor((2a + d) / 2d) = a/d rounded half up, for a ≥ 0 and d > 0.
  const rounded = (2n * absProduct + absDen) / (2n * absDen);
  return toSafeNumber(negative ? -rounded : rounded, 'Result');
}

/**
 * Column transformer for `bigint`/`numeric(…, 0)` columns holding grosze (TypeORM's
 * `ValueTransformer` shape; the driver returns these column types as strings). Throws rather
 * than store or load anything that is not a safe integer. Null/undefined pass through.
 */
export const groszeTransformer = {
  to(value: number | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    assertSafeInteger(value, 'Amount in grosze');
    return String(value);
  },
  from(value: string | number | null | undefined): number | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value === 'number') {
      assertSafeInteger(value, 'Stored amount in grosze');
      return value;
    }
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
      throw new RangeError(`Stored amount in grosze is not an integer: ${String(value)}`);
    }
    return toSafeNumber(BigInt(value), 'Stored amount in grosze');
  },
};
