export const FORM_INVALID = {
  pl: 'Formularz zawiera błędy: popraw wskazane pola',
  en: 'The form has errors: correct the fields listed',
};

/** Pagination shared by the lists. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
