import { COUNTIES, countyByTeryt, countyInWords } from '@app/common/reference/teryt.js';
import type { Lang } from '../i18n/i18n.js';

export interface CountyOption {
  value: string;
  text: string;
}

export interface VoivodeshipGroup {
  label: string;
  counties: CountyOption[];
}

/** A county as a select option reads it: "powiat płocki", "miasto Płock". */
function countyLabel(kind: string, name: string, lang: Lang): string {
  if (kind === 'powiat') return `powiat ${name}`;
  if (lang === 'en')
    return kind === 'miasto na prawach powiatu'
      ? `the city of ${name}`
      : `the capital city of ${name}`;
  return kind === 'miasto na prawach powiatu' ? `miasto ${name}` : `miasto stołeczne ${name}`;
}

const collator = new Intl.Collator('pl');

/**
 * The 380 TERYT counties grouped by voivodeship (an `<optgroup>` each), in Polish alphabetical
 * order: the select people choose their county with (no autocomplete widget: a native select
 * works with every assistive technology and without JavaScript).
 */
export function countyGroups(lang: Lang): VoivodeshipGroup[] {
  const byVoivodeship = new Map<string, CountyOption[]>();
  for (const c of COUNTIES) {
    const list = byVoivodeship.get(c.voivodeship) ?? [];
    list.push({ value: c.teryt, text: countyLabel(c.kind, c.name, lang) });
    byVoivodeship.set(c.voivodeship, list);
  }
  return [...byVoivodeship.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([voivodeship, counties]) => ({
      label: lang === 'en' ? `${voivodeship} voivodeship` : `województwo ${voivodeship}`,
      counties: counties.sort((a, b) =>
        collator.compare(
          a.text.replace(/^(powiat|miasto( stołeczne)?|the( capital)? city of) /, ''),
          b.text.replace(/^(powiat|miasto( stołeczne)?|the( capital)? city of) /, ''),
        ),
      ),
    }));
}

export function isCounty(value: unknown): value is string {
  return typeof value === 'string' && countyByTeryt(value) !== undefined;
}

/** 'powiat płocki (woj. mazowieckie)'; the code itself when unknown. */
export function countyName(code: string, lang: Lang): string {
  return countyInWords(code, lang) ?? code;
}
