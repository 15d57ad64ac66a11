import { FundingRuleError, type FundingProblem } from './funding-problem.js';
import { isGrosze } from '../money/grosze.js';
import { isIsoDate } from '../time/warsaw.js';

/**
 * How a call (*nabór*) funds a job. A call uses exactly one model; every figure is a setting of
 * the call, never a constant of the code.
 *
 * - `unit-rates` (2021–2027 programmes, the default): per job a creation rate (*stawka
 *   jednostkowa na utworzenie miejsca pracy*) plus a 12-month maintenance rate (*stawka
 *   jednostkowa na utrzymanie miejsca pracy*) that depends on the working time. Rates are
 *   indexed over time: an indexation is a NEW entry valid from a date, never an edit of an old
 *   one, so an amount computed for an earlier date can always be recomputed.
 * - `grant-bridging` (2014–2020 programmes): a grant per job up to a cap, plus bridging support
 *   (*wsparcie pomostowe*) paid monthly up to a monthly cap for a number of months, extendable by
 *   further months at a lower cap on a separate request.
 *
 * All amounts are integer grosze.
 */
export type FundingModel = UnitRatesFundingModel | GrantBridgingFundingModel;

export interface UnitRatesFundingModel {
  readonly kind: 'unit-rates';
  /** Rate tables, each in force from its `validFrom` until the next one. */
  readonly rates: readonly DatedUnitRates[];
}

export interface DatedUnitRates {
  /** 'YYYY-MM-DD', first day this table applies. */
  readonly validFrom: string;
  /** Creation rate per job, grosze. */
  readonly creation: number;
  /** 12-month maintenance rate per job by working time, grosze. ¼ time is paid at `half`. */
  readonly maintenance: {
    readonly full: number;
    readonly threeQuarters: number;
    readonly half: number;
  };
}

export interface GrantBridgingFundingModel {
  readonly kind: 'grant-bridging';
  /** Highest grant per job, grosze. */
  readonly grantCapPerJob: number;
  readonly bridging: BridgingCaps;
}

export interface BridgingCaps {
  /** Highest bridging support per job and month in the base period, grosze. */
  readonly monthlyCap: number;
  /** Length of the base bridging period in months. */
  readonly months: number;
  /** Highest bridging support per job and month in the extension, grosze. */
  readonly extensionMonthlyCap: number;
  /** Most months the extension may add (granted only on a separate request). */
  readonly extensionMonths: number;
}

/** Unit rates in force from 1 March 2024 (PLN 35,212; 38,178 / 28,634 / 19,089). */
export const DEFAULT_UNIT_RATES: DatedUnitRates = Object.freeze({
  validFrom: '2024-03-01',
  creation: 3_521_200,
  maintenance: Object.freeze({ full: 3_817_800, threeQuarters: 2_863_400, half: 1_908_900 }),
});

/** The default funding model of a new call: unit rates with the 2024 table. */
export const DEFAULT_FUNDING_MODEL: UnitRatesFundingModel = Object.freeze({
  kind: 'unit-rates',
  rates: Object.freeze([DEFAULT_UNIT_RATES]),
});

/** Most jobs one entity may get in a call (default). */
export const DEFAULT_MAX_JOBS_PER_ENTITY = 10;

/**
 * The rate table in force on a date: the one with the latest `validFrom` on or before it.
 * Throws a `FundingRuleError` when the date is not a calendar date, when no table is yet in
 * force, or when two tables share the chosen `validFrom` (a configuration error that
 * `validateFundingModel` reports).
 */
export function ratesAt(model: UnitRatesFundingModel, onDate: string): DatedUnitRates {
  if (!isIsoDate(onDate)) {
    throw new FundingRuleError('invalidDate', `Not a calendar date: ${String(onDate)}`);
  }
  let found: DatedUnitRates | undefined;
  let ambiguous = false;
  for (const entry of model.rates) {
    // ISO calendar dates compare correctly as strings.
    if (entry.validFrom > onDate) continue;
    if (found === undefined || entry.validFrom > found.validFrom) {
      found = entry;
      ambiguous = false;
    } else if (entry.validFrom === found.validFrom) {
      ambiguous = true;
    }
  }
  if (found === undefined) {
    throw new FundingRuleError('noRatesInForce', `No unit rates in force on ${onDate}`);
  }
  if (ambiguous) {
    throw new FundingRuleError(
      'duplicateValidFrom',
      `Two unit rate tables are valid from ${found.validFrom}`,
    );
  }
  return found;
}

/** Every problem of a call's funding model settings (empty when the model is usable). */
export function validateFundingModel(model: FundingModel, path = 'fundingModel'): FundingProblem[] {
  const problems: FundingProblem[] = [];
  const money = (value: unknown, at: string): void => {
    if (value === undefined || value === null) problems.push({ path: at, code: 'required' });
    else if (!isGrosze(value)) problems.push({ path: at, code: 'notWholeGrosze' });
  };
  const months = (value: unknown, at: string): void => {
    if (value === undefined || value === null) problems.push({ path: at, code: 'required' });
    else if (typeof value !== 'number' || !Number.isInteger(value))
      problems.push({ path: at, code: 'notWholeNumber' });
    else if (value < 0 || value > 120) problems.push({ path: at, code: 'outOfRange' });
  };

  if (model.kind === 'unit-rates') {
    if (!Array.isArray(model.rates) || model.rates.length === 0) {
      problems.push({ path: `${path}.rates`, code: 'required' });
      return problems;
    }
    const seen = new Set<string>();
    model.rates.forEach((entry, i) => {
      const at = `${path}.rates[${i}]`;
      if (!isIsoDate(entry.validFrom)) {
        problems.push({ path: `${at}.validFrom`, code: 'invalidDate' });
      } else if (seen.has(entry.validFrom)) {
        problems.push({ path: `${at}.validFrom`, code: 'duplicateValidFrom' });
      } else {
        seen.add(entry.validFrom);
      }
      money(entry.creation, `${at}.creation`);
      money(entry.maintenance?.full, `${at}.maintenance.full`);
      money(entry.maintenance?.threeQuarters, `${at}.maintenance.threeQuarters`);
      money(entry.maintenance?.half, `${at}.maintenance.half`);
    });
  } else {
    money(model.grantCapPerJob, `${path}.grantCapPerJob`);
    const caps = model.bridging;
    if (caps === undefined || caps === null) {
      problems.push({ path: `${path}.bridging`, code: 'required' });
      return problems;
    }
    money(caps.monthlyCap, `${path}.bridging.monthlyCap`);
    months(caps.months, `${path}.bridging.months`);
    money(caps.extensionMonthlyCap, `${path}.bridging.extensionMonthlyCap`);
    months(caps.extensionMonths, `${path}.bridging.extensionMonths`);
    if (
      isGrosze(caps.monthlyCap) &&
      isGrosze(caps.extensionMonthlyCap) &&
      caps.extensionMonthlyCap > caps.monthlyCap
    ) {
      problems.push({
        path: `${path}.bridging.extensionMonthlyCap`,
        code: 'extensionCapAboveMonthlyCap',
      });
    }
  }
  return problems;
}
