import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNTIES, countyByTeryt, isValidTeryt } from './teryt.js';

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

  it('refuses codes that are not in the register', () => {
    expect(isValidTeryt('1499')).toBe(false);
    expect(isValidTeryt('146')).toBe(false);
    expect(isValidTeryt(1462)).toBe(false);
    expect(isValidTeryt('1465')).toBe(true);
  });
});
