import { DAYS, WORKING_DAYS, formatCount, pluralEn, pluralPl } from './plural.js';

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('pluralPl', () => {
  it.each([
    [1, 'dzień'],
    [2, 'dni'],
    [4, 'dni'],
    [5, 'dni'],
    [0, 'dni'],
    [12, 'dni'],
    [22, 'dni'],
    [101, 'dni'],
  ])('%i %s', (n, word) => {
    expect(pluralPl(n, DAYS.pl)).toBe(word);
  });

  it.each([
    [1, 'dzień roboczy'],
    [2, 'dni robocze'],
    [3, 'dni robocze'],
    [4, 'dni robocze'],
    [5, 'dni roboczych'],
    [11, 'dni roboczych'],
    [12, 'dni roboczych'],
    [14, 'dni roboczych'],
    [21, 'dni roboczych'],
    [22, 'dni robocze'],
    [24, 'dni robocze'],
    [25, 'dni roboczych'],
    [102, 'dni robocze'],
    [112, 'dni roboczych'],
    [0, 'dni roboczych'],
  ])('%i %s', (n, word) => {
    expect(pluralPl(n, WORKING_DAYS.pl)).toBe(word);
  });

  it('uses the many form for fractions', () => {
    expect(pluralPl(1.5, WORKING_DAYS.pl)).toBe('dni roboczych');
  });
});

describe('pluralEn', () => {
  it('uses one only for exactly 1', () => {
    expect(pluralEn(1, DAYS.en)).toBe('day');
    expect(pluralEn(0, DAYS.en)).toBe('days');
    expect(pluralEn(2, DAYS.en)).toBe('days');
    expect(pluralEn(21, DAYS.en)).toBe('days');
  });
});

describe('formatCount', () => {
  it.each([
    [1, 'pl', DAYS, '1 dzień'],
    [5, 'pl', DAYS, '5 dni'],
    [1, 'en', DAYS, '1 day'],
    [5, 'en', DAYS, '5 days'],
    [1, 'pl', WORKING_DAYS, '1 dzień roboczy'],
    [3, 'pl', WORKING_DAYS, '3 dni robocze'],
    [5, 'pl', WORKING_DAYS, '5 dni roboczych'],
    [22, 'pl', WORKING_DAYS, '22 dni robocze'],
    [1, 'en', WORKING_DAYS, '1 working day'],
    [10, 'en', WORKING_DAYS, '10 working days'],
    [12345, 'pl', DAYS, '12 345 dni'],
    [12345, 'en', DAYS, '12,345 days'],
  ] as const)('%i in %s → %s', (n, lang, forms, expected) => {
    expect(plain(formatCount(n, lang, forms))).toBe(expected);
  });
});
