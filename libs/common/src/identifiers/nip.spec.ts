import { isValidNip, normalizeNip } from './nip.js';

describe('NIP', () => {
  it.each(['8567346215', '856-734-62-15', '856-73-46-215', '856 734 62 15'])(
    'accepts the documented example written as %s',
    (value) => {
      expect(isValidNip(value)).toBe(true);
    },
  );

  it.each(['5260181596', '0830166132', '1860913901'])('accepts computed valid NIP %s', (nip) => {
    expect(isValidNip(nip)).toBe(true);
  });

  it('rejects every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 5) continue;
      expect(isValidNip(`856734621${d}`)).toBe(false);
    }
  });

  it.each(['996030824', '121547280'])(
    'rejects prefix %s whose weighted sum leaves remainder 10, whatever the last digit',
    (prefix) => {
      for (let d = 0; d <= 9; d++) expect(isValidNip(`${prefix}${d}`)).toBe(false);
    },
  );

  it.each([
    ['856734621', 'too short'],
    ['85673462150', 'too long'],
    ['856-734-62-1', 'too short with dashes'],
    ['856734621X', 'letter'],
    ['PL8567346215', 'country prefix'],
    ['-8567346215', 'leading dash'],
    ['8567346215-', 'trailing dash'],
    ['856--734-62-15', 'double dash'],
    ['856.734.62.15', 'dots'],
    ['0000000000', 'all zeros'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidNip(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidNip(8567346215)).toBe(false);
    expect(isValidNip(null)).toBe(false);
  });

  it('normalizes to digits only', () => {
    expect(normalizeNip('856-734-62-15')).toBe('8567346215');
    expect(normalizeNip(' 856-73-46-215 ')).toBe('8567346215');
    expect(normalizeNip('856 734 62 15')).toBe('8567346215');
    expect(normalizeNip('8567346215')).toBe('8567346215');
  });

  it('leaves a non-NIP shape stripped but otherwise unchanged, so validation still fails', () => {
    expect(normalizeNip(' 856--734 ')).toBe('856--734');
    expect(isValidNip(normalizeNip('abc-def'))).toBe(false);
  });
});
