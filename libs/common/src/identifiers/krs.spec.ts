import { isValidKrs, normalizeKrs } from './krs.js';

describe('KRS', () => {
  it.each(['0000123456', '1234567890', '0000000001'])('accepts %s', (krs) => {
    expect(isValidKrs(krs)).toBe(true);
  });

  it.each([
    ['123456', 'not padded'],
    ['00001234567', 'eleven digits'],
    ['0000000000', 'all zeros'],
    ['000012345A', 'letter'],
    [' 0000123456', 'space'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidKrs(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidKrs(123456)).toBe(false);
  });

  it('pads a shorter all-digit input to ten digits', () => {
    expect(normalizeKrs('123456')).toBe('0000123456');
    expect(normalizeKrs(' 1 ')).toBe('0000000001');
    expect(normalizeKrs('0000123456')).toBe('0000123456');
  });

  it('leaves other input trimmed but unchanged', () => {
    expect(normalizeKrs('12345678901')).toBe('12345678901');
    expect(normalizeKrs(' 12a ')).toBe('12a');
    expect(normalizeKrs('')).toBe('');
    expect(isValidKrs(normalizeKrs(''))).toBe(false);
  });
});
