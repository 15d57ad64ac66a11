import {
  ApiError,
  PLATFORM_ERRORS,
  type FieldProblem,
  type FundingProblem,
  type Localized,
} from '@app/common';
import type { DomainProblem } from '../domain/index.js';

type Params = Readonly<Record<string, string | number>> | undefined;

const MESSAGES: Record<string, (p: Params) => Localized> = {
  required: () => ({ pl: 'Pole jest wymagane', en: 'This field is required' }),
  duplicateCriterion: () => ({ pl: 'Kryterium powtarza się', en: 'The criterion is repeated' }),
  unknownCriterion: () => ({ pl: 'Nieznane kryterium', en: 'Unknown criterion' }),
  criterionNotScored: (p) => ({
    pl: `Brak oceny kryterium ${p?.criterionId ?? ''}`.trim(),
    en: `Criterion ${p?.criterionId ?? ''} is not scored`.replace('  ', ' '),
  }),
  notWholeNumber: () => ({ pl: 'Wartość musi być liczbą całkowitą', en: 'Must be a whole number' }),
  outOfRange: (p) =>
    p && p.max !== undefined
      ? {
          pl: `Wartość musi mieścić się w zakresie ${p.min}–${p.max}`,
          en: `Must be within ${p.min}–${p.max}`,
        }
      : { pl: 'Wartość poza dozwolonym zakresem', en: 'Out of the allowed range' },
  justificationRequired: () => ({
    pl: 'Uzasadnienie jest wymagane',
    en: 'A justification is required',
  }),
  minimumAboveMaximum: () => ({
    pl: 'Minimum przekracza maksimum punktów',
    en: 'The minimum exceeds the maximum points',
  }),
  evaluatorAlreadyScored: () => ({
    pl: 'Oceniający już oceniał ten wniosek',
    en: 'The evaluator has already scored this application',
  }),
  invalidDate: () => ({ pl: 'Nieprawidłowa data (RRRR-MM-DD)', en: 'Invalid date (YYYY-MM-DD)' }),
  notWholeGrosze: () => ({
    pl: 'Kwota musi być całkowitą liczbą groszy',
    en: 'The amount must be whole grosze',
  }),
  notPositive: () => ({ pl: 'Kwota musi być dodatnia', en: 'The amount must be positive' }),
  invalidRate: () => ({ pl: 'Nieprawidłowa stopa procentowa', en: 'Invalid interest rate' }),
  duplicateValidFrom: () => ({
    pl: 'Dwie wartości obowiązują od tego samego dnia',
    en: 'Two values are valid from the same day',
  }),
  noInterestRateInForce: () => ({
    pl: 'Brak stopy odsetek ustawowych na ten dzień',
    en: 'No statutory interest rate in force on that day',
  }),
  calculationBeforePayment: () => ({
    pl: 'Obliczenie przed dniem wypłaty',
    en: 'Calculation before the payment day',
  }),
  exceedsAward: () => ({
    pl: 'Suma wypłat przekroczyłaby kwotę wsparcia',
    en: 'The paid total would exceed the award',
  }),
  invalidMonth: () => ({ pl: 'Nieprawidłowy miesiąc (RRRR-MM)', en: 'Invalid month (YYYY-MM)' }),
  beforeBridgingStart: () => ({
    pl: 'Miesiąc przed rozpoczęciem wsparcia pomostowego',
    en: 'Month before bridging support starts',
  }),
  afterBridgingEnd: () => ({
    pl: 'Miesiąc po zakończeniu wsparcia pomostowego',
    en: 'Month after bridging support ends',
  }),
  bridgingExtensionNotGranted: () => ({
    pl: 'Przedłużenie wsparcia pomostowego nie zostało przyznane',
    en: 'The bridging extension was not granted',
  }),
  bridgingMonthlyCapExceeded: () => ({
    pl: 'Przekroczony miesięczny limit wsparcia pomostowego',
    en: 'The monthly bridging cap would be exceeded',
  }),
  noRatesInForce: () => ({
    pl: 'Brak stawek jednostkowych na ten dzień',
    en: 'No unit rates in force on that day',
  }),
  extensionCapAboveMonthlyCap: () => ({
    pl: 'Limit przedłużenia przekracza limit miesięczny',
    en: 'The extension cap exceeds the monthly cap',
  }),
};

export function localize(code: string, params?: Params): Localized {
  return (
    MESSAGES[code]?.(params) ?? {
      pl: `Nieprawidłowa wartość (${code})`,
      en: `Invalid value (${code})`,
    }
  );
}

export function toFieldProblems(
  problems: readonly (DomainProblem | FundingProblem)[],
): FieldProblem[] {
  return problems.map((p) => ({
    path: p.path,
    message: localize(p.code, (p as DomainProblem).params),
  }));
}

export function invalid(
  problems: readonly (DomainProblem | FundingProblem)[] | FieldProblem[],
): ApiError {
  const fields =
    problems.length > 0 && 'code' in problems[0]!
      ? toFieldProblems(problems as DomainProblem[])
      : (problems as FieldProblem[]);
  return ApiError.badRequest(
    PLATFORM_ERRORS.VALIDATION_FAILED,
    { pl: 'Dane zawierają błędy', en: 'The data contains errors' },
    fields,
  );
}

export function field(path: string, pl: string, en: string): FieldProblem {
  return { path, message: { pl, en } };
}

export const UNIQUE_VIOLATION = '23505';
export function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === UNIQUE_VIOLATION ||
    (error as { driverError?: { code?: string } })?.driverError?.code === UNIQUE_VIOLATION
  );
}
