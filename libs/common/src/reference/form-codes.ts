/**
 * The code lists of the forms (initiative group, grant application): the values the API accepts
 * and the portal offers. Shared by the applications service's rules (apps/applications/src/domain)
 * and the web portal's pages, so that both name the same things.
 */

/**
 * Why a person is eligible: at risk of social exclusion in the sense of the Social Economy Act
 * of 5 August 2022 (ustawa o ekonomii społecznej), art. 2 pt 6.
 */
export const ELIGIBILITY_STATUSES = [
  'unemployed', // osoba bezrobotna
  'long-term-unemployed', // osoba długotrwale bezrobotna
  'disability', // osoba z niepełnosprawnością
  'mental-disorder', // osoba z zaburzeniami psychicznymi
  'homeless', // osoba bezdomna wychodząca z bezdomności
  'addiction-recovery', // osoba uzależniona po terapii
  'released-from-prison', // osoba zwalniana z zakładu karnego / po karze pozbawienia wolności
  'refugee', // uchodźca realizujący indywidualny program integracji
  'social-assistance', // osoba korzystająca ze świadczeń pomocy społecznej
  'leaving-foster-care', // osoba opuszczająca pieczę zastępczą
  'juvenile-institution', // osoba opuszczająca młodzieżowy ośrodek wychowawczy / zakład poprawczy
  'other-at-risk', // inna osoba zagrożona wykluczeniem społecznym w rozumieniu art. 2 pkt 6
] as const;

/** The kind of document that proves the status. */
export const PROOF_KINDS = [
  'labour-office-certificate', // zaświadczenie z powiatowego urzędu pracy
  'disability-certificate', // orzeczenie o niepełnosprawności / stopniu niepełnosprawności
  'medical-certificate', // zaświadczenie lekarskie / od specjalisty
  'social-welfare-certificate', // zaświadczenie z ośrodka pomocy społecznej
  'therapy-certificate', // zaświadczenie o ukończeniu terapii
  'prison-release-certificate', // zaświadczenie o zwolnieniu z zakładu karnego
  'integration-programme-certificate', // zaświadczenie o realizacji programu integracji
  'foster-care-certificate', // zaświadczenie o opuszczeniu pieczy zastępczej
  'institution-certificate', // zaświadczenie z placówki
  'self-declaration', // oświadczenie uczestnika
] as const;

export const DISABILITY_DEGREES = ['light', 'moderate', 'severe'] as const;

/** Who applies (docs/product.md#the-grant-application). */
export const APPLICANT_KINDS = [
  'initiative-group',
  'social-enterprise',
  'social-economy-entity',
] as const;

export const BUDGET_CATEGORIES = [
  'equipment', // zakup wyposażenia, maszyn i urządzeń
  'premises-adaptation', // adaptacja lokalu
  'current-assets', // środki obrotowe
  'intangible-assets', // wartości niematerialne i prawne
  'vehicles', // środki transportu
  'other', // inne
] as const;

/** Business plan sections scored by evaluators. */
export const BUSINESS_PLAN_SECTIONS = [
  'summary', // opis przedsięwzięcia
  'market', // analiza rynku i konkurencji
  'marketing', // strategia marketingowa
  'organisation', // zasoby, organizacja, kadra
  'finances', // plan finansowy
  'socialImpact', // reintegracja społeczna i zawodowa
] as const;

/** Declarations every applicant must make. */
export const DECLARATIONS = [
  'truthful', // prawdziwość danych
  'noDoubleFunding', // brak podwójnego finansowania
  'noPublicLevies', // brak zaległości wobec ZUS i US
  'deMinimisComplete', // kompletność informacji o pomocy de minimis
  'personalDataConsent', // zgoda na przetwarzanie danych osobowych
] as const;

/** Planned legal forms of the enterprise a group founds (docs/product.md#initiative-groups). */
export const LEGAL_FORMS = [
  'social-cooperative',
  'foundation',
  'association',
  'non-profit-company',
  'work-cooperative',
] as const;
