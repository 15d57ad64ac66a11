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

export const CSV_HEADERS = [
  'Numer wniosku',
  'Nabór',
  'Stan',
  'Wnioskodawca',
  'Rodzaj wnioskodawcy',
  'Kod powiatu (TERYT)',
  'Powiat',
  'Liczba miejsc pracy',
  'Wnioskowana kwota (zł)',
  'Wnioskowana kwota',
  'Data złożenia',
  'Wersja',
];
