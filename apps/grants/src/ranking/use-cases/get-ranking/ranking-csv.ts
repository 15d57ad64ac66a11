import { groszeToDecimalString, toCsv, type CsvColumn } from '@app/common';
import type { RankingView } from './get-ranking.use-case.js';

/** The ranking list's columns, in order, with Polish headings. */
const COLUMNS: readonly CsvColumn[] = [
  { header: 'Pozycja', kind: 'number' },
  { header: 'Numer wniosku' },
  { header: 'Wnioskodawca' },
  { header: 'Kod powiatu (TERYT)' },
  { header: 'Liczba punktów', kind: 'number' },
  { header: 'Miejsca pracy dla osób uprawnionych', kind: 'number' },
  { header: 'Data złożenia' },
  { header: 'Kwota (zł)', kind: 'number' },
  { header: 'Status' },
  { header: 'Pozostały budżet (zł)', kind: 'number' },
];

/**
 * The ranking list as CSV (`GET /api/calls/:id/ranking?format=csv`), amounts in PLN, in the
 * exports' one format (`toCsv`: Polish headers, UTF-8 with BOM, CRLF, formula-like text
 * neutralised).
 */
export function rankingCsv(view: RankingView): string {
  return toCsv(
    COLUMNS,
    view.rows.map((r) => [
      r.rank,
      r.reference,
      r.entityName,
      r.county,
      r.score,
      r.eligibleJobs,
      r.submittedAt,
      groszeToDecimalString(r.amount),
      r.status,
      r.remainingBudget === null ? '' : groszeToDecimalString(r.remainingBudget),
    ]),
  );
}
