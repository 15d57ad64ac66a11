import { stringify } from 'csv-stringify/sync';

/** One cell of an export: empty when null or undefined. */
export type CsvCell = string | number | null | undefined;

/** A column of an export, in the order the cells of each row are given. */
export interface CsvColumn {
  /** The heading, in Polish: the operators open the file in Excel. */
  readonly header: string;
  /**
   * `'number'`: a value the export itself formats from a number (a count, a score, grosze as
   * `-12.50` or `73 390,00 zł`), left as it is while it is a plain number. `'text'` (the
   * default): anything a person typed or that is not a number, always neutralised.
   */
  readonly kind?: 'text' | 'number';
}

/**
 * What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`,
 * tab and carriage return, and their full-width forms, which some spreadsheets normalise.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A plain number as the exports write one: an optional minus, digits grouped by spaces or
 * non-breaking spaces, one decimal mark, and `zł` after a non-breaking space (`formatPln`).
 */
const PLAIN_NUMBER = /^-?\d[\d \u00a0\u202f]*(?:[.,]\d+)?(?:\u00a0zł)?$/;

/**
 * The cell as it is written. The rule, decided per column: a cell of a `'text'` column that
 * starts with a formula character gets a single quote in front (`'=HYPERLINK(…)`, OWASP's
 * recommendation), whoever wrote it; so does a cell of a `'number'` column unless it is a plain
 * number, so a negative amount the export formatted (`-12.50`) stays data a spreadsheet can sum,
 * while anything else that reached a number column is still neutralised.
 */
export function neutraliseCsvCell(value: CsvCell, kind: CsvColumn['kind'] = 'text'): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!FORMULA_START.test(text)) return text;
  if (kind === 'number' && (typeof value === 'number' || PLAIN_NUMBER.test(text))) return text;
  return `'${text}`;
}

/**
 * The one CSV format of every export (docs/product.md): UTF-8 with a BOM and CRLF line ends, so
 * Excel opens it with Polish letters intact; `,` between cells, as the exports have always used
 * (a cell holding `,`, a quote or a line break is quoted by csv-stringify); a first row of
 * the columns' Polish headings; every cell passed through `neutraliseCsvCell`.
 */
export function toCsv(
  columns: readonly CsvColumn[],
  rows: readonly (readonly CsvCell[])[],
): string {
  const records = rows.map((row, index) => {
    if (row.length !== columns.length)
      throw new RangeError(`CSV row ${index} has ${row.length} cells, not ${columns.length}`);
    return row.map((cell, i) => neutraliseCsvCell(cell, columns[i]!.kind));
  });
  return stringify([columns.map((c) => c.header), ...records], {
    bom: true,
    delimiter: ',',
    record_delimiter: '\r\n',
  });
}
