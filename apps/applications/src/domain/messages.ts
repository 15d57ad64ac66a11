import type { Problem, ProblemCode } from './problems.js';

export interface LocalizedText {
  pl: string;
  en: string;
}

/**
 * What people read for each problem, in Polish (default) and English. `{name}` stands for a
 * param of the problem.
 */
const MESSAGES: Record<ProblemCode, LocalizedText> = {
  required: { pl: 'Pole jest wymagane', en: 'This field is required' },
  notTrue: {
    pl: 'Oświadczenie lub zgoda musi zostać złożona (wartość „tak”)',
    en: 'The declaration or consent must be given (value true)',
  },
  invalidDate: {
    pl: 'Nieprawidłowa data (oczekiwano RRRR-MM-DD)',
    en: 'Invalid date (YYYY-MM-DD expected)',
  },
  notPositive: { pl: 'Wartość musi być większa od zera', en: 'Must be greater than zero' },
  unknownCounty: { pl: 'Nieznany kod powiatu TERYT', en: 'Unknown TERYT county code' },
  countyOutsideCentre: {
    pl: 'Członek grupy {member}: {countyName} leży poza obszarem działania ośrodka',
    en: "Group member {memberEn}: {countyNameEn} lies outside the centre's area",
  },
  countyOutsideCall: {
    pl: 'Wskazany powiat – {countyName} – nie jest objęty naborem',
    en: 'The county given – {countyNameEn} – is not served by the call',
  },
  centreAreaUnknown: {
    pl: 'Obszar działania ośrodka nie jest jeszcze określony (brak opublikowanych naborów)',
    en: "The centre's area is not known yet (no published calls)",
  },
  duplicatePesel: {
    pl: 'Ten numer PESEL występuje już w pozycji {other}',
    en: 'This PESEL already appears at {other}',
  },
  duplicateIdentifier: {
    pl: 'Ten numer występuje już w pozycji {other}',
    en: 'This number already appears at {other}',
  },
  proofNotAccepted: {
    pl: 'Ten dokument nie potwierdza wskazanego statusu; dopuszczalne: {accepted}',
    en: 'This document does not prove the stated status; accepted: {accepted}',
  },
  disabilityDegreeRequired: {
    pl: 'Podaj stopień niepełnosprawności',
    en: 'State the degree of disability',
  },
  disabilityDegreeUnexpected: {
    pl: 'Stopień niepełnosprawności podaje się tylko dla osoby z niepełnosprawnością',
    en: 'A degree of disability is given only for a person with a disability',
  },
  notNaturalPersonField: {
    pl: 'To pole dotyczy tylko osoby fizycznej',
    en: 'This field applies to a natural person only',
  },
  notLegalPersonField: {
    pl: 'To pole dotyczy tylko osoby prawnej',
    en: 'This field applies to a legal person only',
  },
  foundersSocialCooperative: {
    pl: 'Spółdzielnię socjalną zakładają co najmniej 3 osoby fizyczne lub co najmniej 2 osoby prawne (jest: {natural} fizycznych, {legal} prawnych)',
    en: 'A social cooperative is founded by at least 3 natural persons or at least 2 legal persons (now: {natural} natural, {legal} legal)',
  },
  foundersGeneral: {
    pl: 'Grupa inicjatywna to co najmniej {minNatural} osoby fizyczne lub co najmniej {minLegal} osoby prawne (jest: {natural} fizycznych, {legal} prawnych)',
    en: 'An initiative group is at least {minNatural} natural persons or at least {minLegal} legal persons (now: {natural} natural, {legal} legal)',
  },
  leaderNotMember: {
    pl: 'Lider grupy musi być jej członkiem (oznacz dokładnie jedną osobę jako lidera)',
    en: 'The group leader must be a member (mark exactly one person as leader)',
  },
  personUnderage: {
    pl: 'Osoba musi być pełnoletnia w dniu zatrudnienia',
    en: 'The person must be of age on the day employment starts',
  },
  startBeforeSubmission: {
    pl: 'Planowana data zatrudnienia nie może być wcześniejsza niż dzień złożenia wniosku ({date})',
    en: 'The planned start cannot be earlier than the submission day ({date})',
  },
  headcountMustGrow: {
    pl: 'Liczą się tylko nowe miejsca pracy: zatrudnienie musi wzrosnąć co najmniej o {jobs} (z {before} do co najmniej {expected})',
    en: 'Only net new jobs count: the headcount must grow by at least {jobs} (from {before} to at least {expected})',
  },
  headcountRequired: {
    pl: 'Podaj zatrudnienie przed i po utworzeniu miejsc pracy',
    en: 'State the headcount before and after creating the jobs',
  },
  budgetSumMismatch: {
    pl: 'Pozycje budżetu muszą sumować się dokładnie do kwoty na utworzenie miejsc pracy: {expected} (jest {actual})',
    en: 'Budget items must add up exactly to the job-creation amount: {expected} (now {actual})',
  },
  budgetRequired: {
    pl: 'Podaj co najmniej jedną pozycję budżetu',
    en: 'Give at least one budget item',
  },
  deMinimisItemsRequired: {
    pl: 'Wymień pomoc de minimis otrzymaną w ostatnich 3 latach',
    en: 'List the de minimis aid received in the last 3 years',
  },
  deMinimisItemsUnexpected: {
    pl: 'Zadeklarowano brak pomocy de minimis, a lista nie jest pusta',
    en: 'No de minimis aid was declared, but the list is not empty',
  },
  deMinimisCeilingExceeded: {
    pl: 'Pomoc de minimis przekroczyłaby pułap {ceiling} w okresie {from} – {to}: otrzymana wcześniej {prior}, wnioskowane wsparcie {requestedPln} to {requested} (kurs NBP {rate}). Do wykorzystania pozostaje {left}, czyli {leftPln}',
    en: 'The de minimis aid would exceed the ceiling of {ceiling} in {from} – {to}: received before {prior}, the support asked for, {requestedPln}, is {requested} (NBP rate {rate}). What is left is {left}, that is {leftPln}',
  },
  deMinimisOutsideWindow: {
    pl: 'Data musi mieścić się w ostatnich 3 latach ({from} – {to})',
    en: 'The date must fall within the last 3 years ({from} – {to})',
  },
  groupRequired: {
    pl: 'Wskaż grupę inicjatywną, która zakłada przedsiębiorstwo',
    en: 'Name the initiative group founding the enterprise',
  },
  groupNotQualified: {
    pl: 'Grupa inicjatywna nie została zakwalifikowana lub nie należy do Ciebie',
    en: 'The initiative group has not been qualified or is not yours',
  },
  groupNotAllowed: {
    pl: 'Grupę inicjatywną wskazuje się tylko we wniosku grupy inicjatywnej',
    en: 'An initiative group is given only in an initiative group’s application',
  },
  psCommitmentRequired: {
    pl: 'PES musi zobowiązać się do uzyskania statusu przedsiębiorstwa społecznego w ciągu 6 miesięcy',
    en: 'A social economy entity must commit to obtain social enterprise status within 6 months',
  },
  legalFormMismatch: {
    pl: 'Forma prawna musi być zgodna z formą zadeklarowaną przez grupę ({expected})',
    en: 'The legal form must match the one the group declared ({expected})',
  },
  tooManyJobs: {
    pl: 'W tym naborze jeden podmiot może utworzyć najwyżej {max} miejsc pracy',
    en: 'In this call one entity may create at most {max} jobs',
  },
  atLeastOneJobRequired: {
    pl: 'Wniosek musi obejmować co najmniej jedno miejsce pracy',
    en: 'The application must include at least one job',
  },
  unknownWorkingTime: {
    pl: 'Nieznany wymiar czasu pracy; dozwolone: 1, 3/4, 1/2, 1/4',
    en: 'Unknown working time; allowed: 1, 3/4, 1/2, 1/4',
  },
  quarterTimeRequiresSevereDisability: {
    pl: 'Wymiar 1/4 etatu jest dopuszczalny tylko dla osoby o znacznym lub sprzężonym stopniu niepełnosprawności; w innym przypadku co najmniej 1/2 etatu',
    en: 'A quarter-time job is allowed only for a person with a severe or multiple disability; otherwise at least half time',
  },
  grantAboveCap: {
    pl: 'Dotacja na jedno miejsce pracy przekracza limit naboru',
    en: 'The grant for one job exceeds the call’s cap',
  },
  bridgingMonthsAboveCap: {
    pl: 'Liczba miesięcy wsparcia pomostowego przekracza limit naboru',
    en: 'The bridging support months exceed the call’s cap',
  },
  bridgingMonthlyAmountAboveCap: {
    pl: 'Miesięczna kwota wsparcia pomostowego przekracza limit naboru',
    en: 'The monthly bridging support exceeds the call’s cap',
  },
  bridgingExtensionNotRequested: {
    pl: 'Przedłużenie wsparcia pomostowego wymaga odrębnego wniosku',
    en: 'Extending bridging support needs a separate request',
  },
  bridgingExtensionBeforeBaseExhausted: {
    pl: 'Przedłużenie wsparcia pomostowego następuje po pełnym okresie podstawowym',
    en: 'Bridging support is extended only after the full base period',
  },
  notInFundingModel: {
    pl: 'To pole nie występuje w modelu finansowania tego naboru',
    en: 'This field is not part of the call’s funding model',
  },
  notWholeGrosze: {
    pl: 'Kwota musi być nieujemną liczbą całkowitą groszy',
    en: 'The amount must be a non-negative whole number of grosze',
  },
  notWholeNumber: { pl: 'Wartość musi być liczbą całkowitą', en: 'Must be a whole number' },
  outOfRange: { pl: 'Wartość spoza dopuszczalnego zakresu', en: 'Value out of range' },
  callFundingModelInvalid: {
    pl: 'Model finansowania naboru jest niepoprawny; skontaktuj się z ośrodkiem',
    en: 'The call’s funding model is invalid; contact the centre',
  },
};

export function problemMessage(problem: Pick<Problem, 'code' | 'params'>): LocalizedText {
  const template = MESSAGES[problem.code];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, key: string) => String(problem.params?.[key] ?? `{${key}}`));
  return { pl: fill(template.pl), en: fill(template.en) };
}
