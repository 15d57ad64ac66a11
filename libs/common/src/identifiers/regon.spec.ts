import { isValidRegon } from './regon.js';

describe('REGON', () => {
  it.each(['123456785', '385280840', '148525386'])('accepts valid REGON-9 %s', (regon) => {
    expect(isValidRegon(regon)).toBe(true);
  });

  it('maps a remainder of 10 to check digit 0', () => {
    // 82276544: weighted sum mod 11 = 10.
    expect(isValidRegon('822765440')).toBe(true);
    for (let d = 1; d <= 9; d++) expect(isValidRegon(`82276544${d}`)).toBe(false);
  });

  it('rejects every wrong check digit of the documented example', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 5) continue;
      expect(isValidRegon(`12345678${d}`)).toBe(false);
    }
  });

  it.each(['12345678500010', '38528084012347'])('accepts valid REGON-14 %s', (regon) => {
    expect(isValidRegon(regon)).toBe(true);
  });

  it('rejects a REGON-14 with a wrong 14th digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 0) continue;
      expect(isValidRegon(`1234567850001${d}`)).toBe(false);
    }
  });

  it('rejects a REGON-14 whose own check digit is right but whose first 9 digits are invalid', () => {
    // 123456784 is not a valid REGON-9; the 14th digit (4) satisfies the 14-digit weights.
    expect(isValidRegon('123456784')).toBe(false);
    expect(isValidRegon('12345678400014')).toBe(false);
  });

  it.each([
    ['12345678', 'eight digits'],
    ['1234567850', 'ten digits'],
    ['1234567850001', 'thirteen digits'],
    ['123456785000100', 'fifteen digits'],
    ['12345678A', 'letter'],
    ['123-456-785', 'dashes'],
    [' 123456785', 'space'],
    ['000000000', 'all zeros'],
    ['00000000000000', 'all zeros, 14'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidRegon(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidRegon(123456785)).toBe(false);
    expect(isValidRegon(undefined)).toBe(false);
  });
});
