import { addCalendarDays, addMonths } from '../time/warsaw.js';
import {
  eurocentsToGrosze,
  groszeToEurocents,
  rateOn,
  type ExchangeRate,
} from './exchange-rates.js';

/**
 * The de minimis ceiling: how much de minimis aid one undertaking may receive, checked for a new
 * grant against the aid it already received.
 *
 * - Granted on or after 1 January 2024 — Commission Regulation (EU) 2023/2831, art. 3(2):
 *   EUR 300,000 over any period of three years, i.e. the new aid plus all de minimis aid granted
 *   in the three years before it (a rolling window: the day of the new grant and the three years
 *   back to, not including, the same day three years earlier).
 * - Granted before 2024 — Regulation (EU) 1407/2013, art. 3(2): EUR 200,000 over the current and
 *   the two previous fiscal years (calendar years here).
 *
 * Each aid is converted to euro at the rate in force on the day it was granted; the new aid at
 * the rate of the day it is (to be) granted. Amounts are integer grosze and euro cents.
 */

export interface DeMinimisAid {
  /** Day the aid was granted, 'YYYY-MM-DD'. */
  grantedOn: string;
  /** Gross grant equivalent, grosze. */
  amount: number;
}

export type DeMinimisRegime = 'EU 2023/2831' | 'EU 1407/2013';

export interface CeilingInput {
  /** Aid already received (declared by the applicant). */
  prior: readonly DeMinimisAid[];
  /** The new aid, grosze. */
  requested: number;
  /** Day the new aid is (to be) granted: the submission day, later the agreement day. */
  onDate: string;
  rates: readonly ExchangeRate[];
}

export interface CeilingResult {
  regime: DeMinimisRegime;
  ceilingEur: number;
  /** The period whose aid counts, inclusive. */
  windowFrom: string;
  windowTo: string;
  /** Prior aid inside the window, in euro cents (each at its own day's rate). */
  priorEur: number;
  /** Prior aid items outside the window (not counted). */
  outsideWindow: number;
  requestedEur: number;
  totalEur: number;
  /** What may still be granted: ceiling − prior aid, never below zero. */
  leftEur: number;
  /** The same in grosze at the new aid's rate (rounded down). */
  leftPln: number;
  /** The rate the new aid is converted at. */
  rate: ExchangeRate;
  exceeded: boolean;
}

export type CeilingOutcome =
  | { ok: true; value: CeilingResult }
  /** A day (of prior aid or of the new grant) with no rate in force: the check cannot be made. */
  | { ok: false; missingRateFor: string[] };

export const REGULATION_2023_2831_FROM = '2024-01-01';

/** The regime, ceiling and counted window for aid granted on `onDate`. */
export function deMinimisWindow(onDate: string): {
  regime: DeMinimisRegime;
  ceilingEur: number;
  from: string;
  to: string;
} {
  if (onDate >= REGULATION_2023_2831_FROM) {
    return {
      regime: 'EU 2023/2831',
      ceilingEur: 300_000_00,
      from: addCalendarDays(addMonths(onDate, -36), 1),
      to: onDate,
    };
  }
  const year = Number(onDate.slice(0, 4));
  return { regime: 'EU 1407/2013', ceilingEur: 200_000_00, from: `${year - 2}-01-01`, to: onDate };
}

export function deMinimisCeiling(input: CeilingInput): CeilingOutcome {
  const window = deMinimisWindow(input.onDate);
  const counted = input.prior.filter((a) => a.grantedOn >= window.from && a.grantedOn <= window.to);
  const missing = new Set<string>();
  const rate = rateOn(input.rates, input.onDate);
  if (!rate) missing.add(input.onDate);
  let priorEur = 0;
  for (const aid of counted) {
    const aidRate = rateOn(input.rates, aid.grantedOn);
    if (!aidRate) missing.add(aid.grantedOn);
    else priorEur += groszeToEurocents(aid.amount, aidRate.plnPerEur);
  }
  if (!rate || missing.size > 0) return { ok: false, missingRateFor: [...missing].sort() };
  const requestedEur = groszeToEurocents(input.requested, rate.plnPerEur);
  const totalEur = priorEur + requestedEur;
  const leftEur = Math.max(0, window.ceilingEur - priorEur);
  return {
    ok: true,
    value: {
      regime: window.regime,
      ceilingEur: window.ceilingEur,
      windowFrom: window.from,
      windowTo: window.to,
      priorEur,
      outsideWindow: input.prior.length - counted.length,
      requestedEur,
      totalEur,
      leftEur,
      leftPln: eurocentsToGrosze(leftEur, rate.plnPerEur),
      rate,
      exceeded: totalEur > window.ceilingEur,
    },
  };
}
