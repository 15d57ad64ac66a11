import { formatPln } from './format.js';

/** Intl uses U+00A0 / U+202F spaces; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPln', () => {
  it.each([
    [3_521_200, '35 212,00 zł'],
    [3_817_850, '38 178,50 zł'],
    [123_456_789, '1 234 567,89 zł'],
    [1, '0,01 zł'],
    [0, '0,00 zł'],
    [200_000, '2000,00 zł'], // Intl's pl-PL does not group four-digit amounts
  ])('formats %i grosze in Polish as %s', (grosze, expected) => {
    expect(plain(formatPln(grosze))).toBe(expected);
    expect(plain(formatPln(grosze, 'pl'))).toBe(expected);
  });

  it.each([
    [3_521_200, 'PLN 35,212.00'],
    [123_456_789, 'PLN 1,234,567.89'],
    [5, 'PLN 0.05'],
  ])('formats %i grosze in English as %s', (grosze, expected) => {
    expect(plain(formatPln(grosze, 'en'))).toBe(expected);
  });

  it('formats the largest safe amount exactly (no float rounding)', () => {
    expect(plain(formatPln(Number.MAX_SAFE_INTEGER, 'en'))).toBe('PLN 90,071,992,547,409.91');
  });

  it('formats negative amounts', () => {
    expect(plain(formatPln(-3_521_250))).toMatch(/^-35 212,50 zł$/);
  });

  it('rejects fractional grosze', () => {
    expect(() => formatPln(0.5)).toThrow(RangeError);
  });
});
