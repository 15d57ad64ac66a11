/** The languages people read the product in: Polish (default) and English. */
export type Lang = 'pl' | 'en';

export const LANGS: readonly Lang[] = ['pl', 'en'];

export const DEFAULT_LANG: Lang = 'pl';

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}

/**
 * Chooses the response language from an Accept-Language header: English only when the most
 * preferred language (highest q; the earlier one on a tie) is `en` or `en-*`; Polish otherwise,
 * including for a missing, empty, malformed or wildcard-first header.
 */
export function pickLang(acceptLanguage?: string | null): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  let best: { tag: string; q: number } | undefined;
  for (const entry of acceptLanguage.split(',')) {
    const [rawTag, ...params] = entry.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!tag) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key.toLowerCase() === 'q') {
        q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
      }
    }
    if (q > 0 && (!best || q > best.q)) best = { tag, q };
  }
  if (!best) return DEFAULT_LANG;
  return best.tag === 'en' || best.tag.startsWith('en-') ? 'en' : 'pl';
}
