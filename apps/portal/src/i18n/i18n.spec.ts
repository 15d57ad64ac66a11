import { CATALOGUES, translator } from './i18n.js';

describe('the portal’s texts', () => {
  it.each(Object.entries(CATALOGUES))(
    '%s has the same keys in Polish and English, each named after its feature',
    (feature, catalogue) => {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.pl).sort());
      for (const key of Object.keys(catalogue.pl)) expect(key.startsWith(`${feature}.`)).toBe(true);
      for (const text of [...Object.values(catalogue.pl), ...Object.values(catalogue.en)]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
    },
  );

  it('fills placeholders and shows an unknown key as itself', () => {
    const t = translator('pl');
    expect(t('common.timeout.body', { seconds: 90 })).toContain('90 s');
    expect(t('nie.ma.takiego.klucza')).toBe('nie.ma.takiego.klucza');
    expect(translator('en')('common.serviceName')).toBe('OWES Grants');
  });
});
