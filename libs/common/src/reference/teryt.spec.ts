import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNTIES, countyByTeryt, countyInWords, isValidTeryt } from './teryt.js';

describe('TERYT county register', () => {
  it('agrees line by line with the CSV it was generated from', () => {
    const csv = readFileSync(
      fileURLToPath(new URL('./teryt-counties.csv', import.meta.url)),
      'utf8',
    );
    const rows: string[][] = parse(csv, { from_line: 2 });
    expect(rows).toHaveLength(380);
    expect(COUNTIES.map((c) => [c.teryt, c.voivodeship, c.name, c.kind])).toEqual(
      rows.map(([teryt, voivodeship, name, kind]) => [teryt, voivodeship, name, kind]),
    );
  });

  it('has 314 land counties and 66 cities with county rights', () => {
    expect(COUNTIES.filter((c) => c.kind === 'powiat')).toHaveLength(314);
    expect(COUNTIES.filter((c) => c.kind !== 'powiat')).toHaveLength(66);
  });

  it("knows OWES Płock's counties", () => {
    expect(['1462', '1419', '1427', '1404'].map((c) => countyByTeryt(c)?.name)).toEqual([
      'Płock',
      'płocki',
      'sierpecki',
      'gostyniński',
    ]);
  });

  it('names a county in words, with its voivodeship, in Polish and English', () => {
    expect(countyInWords('1419')).toBe('powiat płocki (woj. mazowieckie)');
    expect(countyInWords('1462', 'pl')).toBe('miasto Płock (woj. mazowieckie)');
    expect(countyInWords('1465')).toBe('miasto stołeczne Warszawa (woj. mazowieckie)');
    expect(countyInWords('2003')).toBe('powiat bielski (woj. podlaskie)');
    expect(countyInWords('2402')).toBe('powiat bielski (woj. śląskie)');
    expect(countyInWords('1419', 'en')).toBe('powiat płocki (mazowieckie voivodeship)');
    expect(countyInWords('1462', 'en')).toBe('the city of Płock (mazowieckie voivodeship)');
    expect(countyInWords('1465', 'en')).toBe(
      'the capital city of Warszawa (mazowieckie voivodeship)',
    );
    expect(countyInWords('1499')).toBeUndefined();
  });

  it('refuses codes that are not in the register', () => {
    expect(isValidTeryt('1499')).toBe(false);
    expect(isValidTeryt('146')).toBe(false);
    expect(isValidTeryt(1462)).toBe(false);
    expect(isValidTeryt('1465')).toBe(true);
  });
});
