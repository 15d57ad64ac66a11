import { formatNrb, isValidNrb, normalizeNrb } from './nrb.js';

// Valid numbers computed with the IBAN algorithm (98 - (BBAN + 'PL00') mod 97).
const VALID = [
  '61109010140000071219812874',
  '60102010260000042270201111',
  '89114020040000350212345678',
];

describe('NRB', () => {
  it.each(VALID)('accepts %s', (nrb) => {
    expect(isValidNrb(nrb)).toBe(true);
  });

  it('accepts the grouped form and an IBAN PL prefix', () => {
    expect(isValidNrb('61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidNrb(' 61 1090 1014 0000 0712 1981 2874 ')).toBe(true);
    expect(isValidNrb('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidNrb('pl61109010140000071219812874')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    for (let cd = 0; cd <= 99; cd++) {
      const checkDigits = String(cd).padStart(2, '0');
      if (checkDigits === '61') continue;
      expect(isValidNrb(`${checkDigits}109010140000071219812874`)).toBe(false);
    }
  });

  it('rejects a single changed or swapped digit', () => {
    expect(isValidNrb('61109010140000071219812875')).toBe(false);
    expect(isValidNrb('61109010140000071219812847')).toBe(false);
  });

  it.each([
    ['6110901014000007121981287', '25 digits'],
    ['611090101400000712198128740', '27 digits'],
    ['61-1090-1014-0000-0712-1981-2874', 'dashes'],
    ['DE61109010140000071219812874', 'other country prefix'],
    ['6110901014000007121981287A', 'letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidNrb(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidNrb(61109010140000071219812874n)).toBe(false);
    expect(isValidNrb(null)).toBe(false);
  });

  it('normalizes to 26 digits', () => {
    expect(normalizeNrb('61 1090 1014 0000 0712 1981 2874')).toBe(VALID[0]);
    expect(normalizeNrb('PL61 1090 1014 0000 0712 1981 2874')).toBe(VALID[0]);
    expect(normalizeNrb('61-1090')).toBe('61-1090');
  });

  it('formats in groups of four after the check digits', () => {
    expect(formatNrb(VALID[0])).toBe('61 1090 1014 0000 0712 1981 2874');
    expect(() => formatNrb('61109010140000071219812875')).toThrow(RangeError);
  });
});
