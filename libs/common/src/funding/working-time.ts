import type { DatedUnitRates } from './funding-model.js';
import type { FundingProblemCode } from './funding-problem.js';

/**
 * Working time of a job as a fraction of full time (*etat*). ¼ is allowed only for a person with
 * a severe or multiple disability (*niepełnosprawność w stopniu znacznym lub sprzężona*) and is
 * paid at the ½ maintenance rate; everyone else works at least ½ time.
 */
export type WorkingTime = '1' | '3/4' | '1/2' | '1/4';

export const WORKING_TIMES: readonly WorkingTime[] = Object.freeze(['1', '3/4', '1/2', '1/4']);

/** The maintenance rate band a working time is paid at. */
export type MaintenanceBand = 'full' | 'threeQuarters' | 'half';

export function isWorkingTime(value: unknown): value is WorkingTime {
  return typeof value === 'string' && (WORKING_TIMES as readonly string[]).includes(value);
}

export function maintenanceBandOf(workingTime: WorkingTime): MaintenanceBand {
  switch (workingTime) {
    case '1':
      return 'full';
    case '3/4':
      return 'threeQuarters';
    case '1/2':
    case '1/4':
      return 'half';
  }
}

/** Maintenance rate for one job of this working time, grosze. */
export function maintenanceRateFor(rates: DatedUnitRates, workingTime: WorkingTime): number {
  return rates.maintenance[maintenanceBandOf(workingTime)];
}

/**
 * Why a working time is not allowed for this person, or null when it is.
 * `severeOrMultipleDisability` is true for *niepełnosprawność w stopniu znacznym lub sprzężona*.
 */
export function workingTimeProblem(
  workingTime: unknown,
  severeOrMultipleDisability: boolean | undefined,
): FundingProblemCode | null {
  if (workingTime === undefined || workingTime === null || workingTime === '') return 'required';
  if (!isWorkingTime(workingTime)) return 'unknownWorkingTime';
  if (workingTime === '1/4' && severeOrMultipleDisability !== true) {
    return 'quarterTimeRequiresSevereDisability';
  }
  return null;
}
