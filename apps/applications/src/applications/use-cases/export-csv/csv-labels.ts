import type { CsvColumn } from '@app/common';
import type { ApplicantKind } from '../../../domain/grant-application.js';
import type { ApplicationState } from '../../application.entity.js';

/** The CSV export's words, in Polish: the operators' spreadsheet. */
export const STATE_PL: Record<ApplicationState, string> = {
  draft: 'roboczy',
  submitted: 'złożony',
  'corrections-requested': 'wezwany do uzupełnienia',
  'formally-accepted': 'oceniony pozytywnie formalnie',
  'formally-rejected': 'odrzucony formalnie',
  withdrawn: 'wycofany',
};

export const KIND_PL: Record<ApplicantKind, string> = {
  'initiative-group': 'grupa inicjatywna',
  'social-enterprise': 'przedsiębiorstwo społeczne',
  'social-economy-entity': 'podmiot ekonomii społecznej',
};

/** The export's columns, in order: Polish headings, and which cells are numbers it formats. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'Numer wniosku' },
  { header: 'Nabór' },
  { header: 'Stan' },
  { header: 'Wnioskodawca' },
  { header: 'Rodzaj wnioskodawcy' },
  { header: 'Kod powiatu (TERYT)' },
  { header: 'Powiat' },
  { header: 'Liczba miejsc pracy', kind: 'number' },
  { header: 'Wnioskowana kwota (zł)', kind: 'number' },
  { header: 'Wnioskowana kwota', kind: 'number' },
  { header: 'Data złożenia' },
  { header: 'Wersja', kind: 'number' },
];
