import { isLang, pickLang } from './lang.js';

describe('pickLang', () => {
  it.each([
    [undefined, 'pl'],
    [null, 'pl'],
    ['', 'pl'],
    ['pl', 'pl'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['en-US,en;q=0.9,pl;q=0.8', 'en'],
    [' en-gb ; q=0.9 , pl;q=0.5', 'en'],
    ['de-DE,en;q=0.9', 'pl'], // first preference is German: default Polish
    ['*', 'pl'],
    ['pl;q=0.5,en;q=0.9', 'en'], // highest q wins, not position
    ['en;q=0.5,pl', 'pl'],
    ['pl,en', 'pl'], // a tie keeps the earlier one
    ['en,pl', 'en'],
    ['en;q=0,pl;q=0.1', 'pl'], // q=0 means "not acceptable"
    ['eng', 'pl'], // not the 'en' tag
    ['english', 'pl'],
    [',,;', 'pl'],
    ['en;q=abc,pl;q=0.5', 'pl'], // a malformed q is ignored
  ])('%j → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});

describe('isLang', () => {
  it('accepts only pl and en', () => {
    expect(isLang('pl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang('EN')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
