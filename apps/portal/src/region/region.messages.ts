import type { Messages } from '../i18n/i18n.js';

/** Texts of the regional coordinator’s view of every centre (/region). Keys start with `region.`. */
export const REGION_MESSAGES: Messages = {
  pl: {
    'region.title': 'Wskaźniki regionu',
    'region.lead':
      'Wskaźniki ośrodków regionu w porównaniu z sumą wartości docelowych ich programów: łącznie, dla każdego ośrodka, według powiatów i lat. Zestawienie zawiera wyłącznie liczby i kwoty, bez danych osobowych.',
    'region.filter.year': 'Rok',
    'region.filter.allYears': 'Wszystkie lata',
    'region.filter.apply': 'Pokaż',
    'region.filter.yearInvalid': 'Należy wybrać rok z listy',
    'region.csv': 'Pobierz zestawienie (CSV)',
    'region.scope.all': 'wszystkie lata',
    'region.scope.year': 'rok {year}',
    'region.total': 'Region łącznie ({scope})',
    'region.budget': 'Środki programów: {amount}.',
    'region.chart.title': 'Realizacja wartości docelowych w regionie ({scope})',
    'region.chart.centre': 'Realizacja wartości docelowych: {name} ({scope})',
    'region.tableCaption': 'Wskaźniki regionu ({scope})',
    'region.byCounty': 'Według powiatów',
    'region.byYear': 'Według lat',
    'region.noCounty': 'Bez wskazanego powiatu',
    'region.centre.facts':
      'Ośrodek nr {number}. Programy: {programmes}. Środki programów: {budget}.',
    'region.centre.tableCaption': 'Wskaźniki: {name}',
    'region.noCentres': 'Zakres koordynacji nie obejmuje żadnego ośrodka.',
  },
  en: {
    'region.title': 'The region’s indicators',
    'region.lead':
      'The indicators of the region’s centres against the sum of their programmes’ targets: in total, for each centre, by county and by year. Figures and amounts only, no personal data.',
    'region.filter.year': 'Year',
    'region.filter.allYears': 'Every year',
    'region.filter.apply': 'Show',
    'region.filter.yearInvalid': 'Choose a year from the list',
    'region.csv': 'Download the figures (CSV)',
    'region.scope.all': 'every year',
    'region.scope.year': 'the year {year}',
    'region.total': 'The region in total ({scope})',
    'region.budget': 'Programmes’ money: {amount}.',
    'region.chart.title': 'Targets reached in the region ({scope})',
    'region.chart.centre': 'Targets reached: {name} ({scope})',
    'region.tableCaption': 'The region’s indicators ({scope})',
    'region.byCounty': 'By county',
    'region.byYear': 'By year',
    'region.noCounty': 'No county given',
    'region.centre.facts':
      'Centre no. {number}. Programmes: {programmes}. Programmes’ money: {budget}.',
    'region.centre.tableCaption': 'Indicators: {name}',
    'region.noCentres': 'The scope of coordination includes no centre.',
  },
};
