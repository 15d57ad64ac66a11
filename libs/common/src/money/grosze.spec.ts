import {
  assertGrosze,
  groszeToDecimalString,
  groszeTransformer,
  isGrosze,
  multiplyGrosze,
  plnToGrosze,
  sumGrosze,
} from './grosze.js';

describe('plnToGrosze', () => {
  it.each([
    ['35212', 3_521_200],
    ['35212.5', 3_521_250],
    ['35212,5', 3_521_250],
    ['35 212,50', 3_521_250],
    ['35\u00a0212,50', 3_521_250],
    ['35\u202f212,50', 3_521_250],
    ['1 234 567.89', 123_456_789],
    ['0.01', 1],
    ['0,1', 10],
    ['0', 0],
    ['007', 700],
    [' 38178 ', 3_817_800],
    // Classic binary floating-point traps, exact here.
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%j → %i', (text, grosze) => {
    expect(plnToGrosze(text)).toBe(grosze);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'letters'],
    ['-5', 'negative'],
    ['+5', 'plus sign'],
    ['1.005', 'three decimals'],
    ['35,212.50', 'comma as thousands separator'],
    ['35,212', 'ambiguous comma (three decimals)'],
    ['35212.', 'trailing separator'],
    ['.5', 'missing integer part'],
    ['3 5212', 'bad grouping'],
    ['35  212', 'double space'],
    ['35 212 zł', 'currency symbol'],
    ['1e3', 'exponent'],
    ['90071992547409.92', 'beyond the safe integer range'],
  ])('rejects %j (%s)', (text) => {
    expect(() => plnToGrosze(text)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(() => plnToGrosze(35212 as unknown as string)).toThrow(RangeError);
  });
});

describe('assertGrosze', () => {
  it.each([0, 1, 3_521_200, Number.MAX_SAFE_INTEGER])('accepts %p', (n) => {
    expect(() => assertGrosze(n)).not.toThrow();
  });

  it.each([-1, 0.5, 35212.01, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, 10n])(
    'rejects %p',
    (n) => {
      expect(() => assertGrosze(n)).toThrow(RangeError);
    },
  );
});

describe('groszeToDecimalString', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [3_521_250, '35212.50'],
    [-5, '-0.05'],
    [-3_521_250, '-35212.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i → %s', (grosze, text) => {
    expect(groszeToDecimalString(grosze)).toBe(text);
  });

  it('round-trips with plnToGrosze', () => {
    for (const g of [0, 1, 99, 100, 101, 3_521_250, 123_456_789]) {
      expect(plnToGrosze(groszeToDecimalString(g))).toBe(g);
    }
  });

  it('rejects non-integers', () => {
    expect(() => groszeToDecimalString(1.5)).toThrow(RangeError);
  });
});

describe('multiplyGrosze', () => {
  it('computes the working-time fractions of the maintenance rate', () => {
    expect(multiplyGrosze(3_817_800, 3, 4)).toBe(2_863_350); // ¾ of PLN 38,178
    expect(multiplyGrosze(3_817_800, 1, 2)).toBe(1_908_900);
  });

  it.each([
    [1, 1, 2, 1], // 0.5 → 1 (half up)
    [3, 1, 2, 2], // 1.5 → 2
    [5, 1, 2, 3], // 2.5 → 3 (not banker's rounding)
    [1, 1, 3, 0], // 0.333… → 0
    [2, 1, 3, 1], // 0.666… → 1
    [10, 1, 4, 3], // 2.5 → 3
    [7, 1, 4, 2], // 1.75 → 2
    [100, 0, 7, 0],
    [0, 5, 3, 0],
    [1000, 3, 1, 3000],
  ])('%i × %i / %i = %i', (g, n, d, expected) => {
    expect(multiplyGrosze(g, n, d)).toBe(expected);
  });

  it('rounds half away from zero for negative results', () => {
    expect(multiplyGrosze(-5, 1, 2)).toBe(-3);
    expect(multiplyGrosze(5, -1, 2)).toBe(-3);
    expect(multiplyGrosze(5, 1, -2)).toBe(-3);
    expect(multiplyGrosze(-5, -1, 2)).toBe(3);
    expect(multiplyGrosze(-1, 1, 3)).toBe(0);
    expect(Object.is(multiplyGrosze(-1, 1, 3), -0)).toBe(false);
  });

  it('stays exact where floating point would not', () => {
    // 9_007_199_254_740_991 × 3 overflows doubles' integer precision; BigInt does not.
    expect(multiplyGrosze(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    // Interest-like ratio with bigint parts: 1,000,000.00 PLN × 11.25 % × 31/365.
    expect(multiplyGrosze(100_000_000, 1125n * 31n, 10_000n * 365n)).toBe(955_479);
  });

  it('rejects bad input and out-of-range results', () => {
    expect(() => multiplyGrosze(1, 1, 0)).toThrow(RangeError);
    expect(() => multiplyGrosze(1.5, 1, 2)).toThrow(RangeError);
    expect(() => multiplyGrosze(1, 0.5, 2)).toThrow(RangeError);
    expect(() => multiplyGrosze(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });
});

describe('whole amounts: isGrosze, sumGrosze, multiplyGrosze without a denominator', () => {
  it('accepts only non-negative safe integers', () => {
    expect(isGrosze(0)).toBe(true);
    expect(isGrosze(3_521_250)).toBe(true);
    expect(isGrosze(-1)).toBe(false);
    expect(isGrosze(1.5)).toBe(false);
    expect(isGrosze(2 ** 53)).toBe(false);
    expect(isGrosze('100')).toBe(false);
  });

  it('sums and multiplies by a whole count exactly, and refuses to leave the safe integers', () => {
    expect(sumGrosze([])).toBe(0);
    expect(sumGrosze([3_817_800, 1_908_900, 1])).toBe(5_726_701);
    expect(multiplyGrosze(190_890, 12)).toBe(2_290_680);
    expect(() => sumGrosze([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => multiplyGrosze(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => multiplyGrosze(100, 1.5)).toThrow(RangeError);
  });
});

describe('groszeTransformer', () => {
  it('writes integers as strings and passes null/undefined through', () => {
    expect(groszeTransformer.to(3_521_200)).toBe('3521200');
    expect(groszeTransformer.to(0)).toBe('0');
    expect(groszeTransformer.to(-15)).toBe('-15');
    expect(groszeTransformer.to(null)).toBeNull();
    expect(groszeTransformer.to(undefined)).toBeUndefined();
  });

  it('refuses to write non-integers', () => {
    expect(() => groszeTransformer.to(35212.5)).toThrow(RangeError);
    expect(() => groszeTransformer.to(Number.NaN)).toThrow(RangeError);
    expect(() => groszeTransformer.to(2 ** 53)).toThrow(RangeError);
  });

  it('reads driver strings (and numbers) back as numbers', () => {
    expect(groszeTransformer.from('3521200')).toBe(3_521_200);
    expect(groszeTransformer.from('-15')).toBe(-15);
    expect(groszeTransformer.from('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(groszeTransformer.from(42)).toBe(42);
    expect(groszeTransformer.from(null)).toBeNull();
    expect(groszeTransformer.from(undefined)).toBeUndefined();
  });

  it('refuses to read anything but a safe integer', () => {
    expect(() => groszeTransformer.from('9007199254740992')).toThrow(RangeError);
    expect(() => groszeTransformer.from('35212.50')).toThrow(RangeError);
    expect(() => groszeTransformer.from('')).toThrow(RangeError);
    expect(() => groszeTransformer.from('1e3')).toThrow(RangeError);
    expect(() => groszeTransformer.from(1.5)).toThrow(RangeError);
  });
});
