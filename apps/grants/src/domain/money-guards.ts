import { isIsoMonth, monthsBetween, type IsoMonth } from './common.js';
import type { DomainProblemCode } from './domain-problem.js';

/**
 * Guards on paying out an award: the paid total (tranches and, in the grant-bridging model,
 * monthly bridging support, *wsparcie pomostowe*) never exceeds the award; a bridging payment
 * stays within the cap of the month it is for. All amounts are grosze.
 */

/** Why a tranche cannot be paid, or null when it can. */
export function paymentProblem(
  award: number,
  paidSoFar: number,
  tranche: number,
): DomainProblemCode | null {
  assertGrosze(award, 'award');
  assertGrosze(paidSoFar, 'paidSoFar');
  if (!Number.isSafeInteger(tranche)) return 'notWholeGrosze';
  if (tranche <= 0) return 'notPositive';
  return BigInt(paidSoFar) + BigInt(tranche) > BigInt(award) ? 'exceedsAward' : null;
}

/** True when paying `tranche` keeps the paid total within the award (up to exactly the award). */
export function canPay(award: number, paidSoFar: number, tranche: number): boolean {
  return paymentProblem(award, paidSoFar, tranche) === null;
}

/** What may still be paid (0 when fully paid; never negative). */
export function remainingToPay(award: number, paidSoFar: number): number {
  assertGrosze(award, 'award');
  assertGrosze(paidSoFar, 'paidSoFar');
  return Math.max(0, award - paidSoFar);
}

/**
 * Bridging limits for one job: structurally the call's `BridgingCaps` (libs/common funding), or
 * the lower figures actually awarded for the job.
 */
export interface BridgingLimits {
  readonly monthlyCap: number;
  readonly months: number;
  readonly extensionMonthlyCap: number;
  readonly extensionMonths: number;
}

export interface BridgingSchedule {
  /** First month of bridging support, 'YYYY-MM'. */
  readonly startMonth: IsoMonth;
  readonly limits: BridgingLimits;
  /** The separate request for an extension was granted. */
  readonly extensionGranted: boolean;
}

/**
 * The cap for one month of bridging support: the monthly cap during the base months, the
 * extension cap during the extension months when granted; null outside (with the reason).
 */
export function bridgingCapFor(
  schedule: BridgingSchedule,
  month: IsoMonth,
): { cap: number } | { cap: null; code: DomainProblemCode } {
  if (!isIsoMonth(month)) return { cap: null, code: 'invalidMonth' };
  const index = monthsBetween(schedule.startMonth, month); // 0 = first month
  const { monthlyCap, months, extensionMonthlyCap, extensionMonths } = schedule.limits;
  if (index < 0) return { cap: null, code: 'beforeBridgingStart' };
  if (index < months) return { cap: monthlyCap };
  if (index < months + extensionMonths) {
    return schedule.extensionGranted
      ? { cap: extensionMonthlyCap }
      : { cap: null, code: 'bridgingExtensionNotGranted' };
  }
  return { cap: null, code: 'afterBridgingEnd' };
}

/**
 * Why a bridging payment for `month` cannot be made, or null when it can: within the month's
 * cap together with what was already paid for that month. The award total is a separate guard
 * (`canPay`), to be checked as well.
 */
export function bridgingPaymentProblem(
  schedule: BridgingSchedule,
  month: IsoMonth,
  paidForMonth: number,
  amount: number,
): DomainProblemCode | null {
  if (!isIsoMonth(schedule.startMonth)) throw new RangeError('startMonth is not YYYY-MM');
  assertGrosze(paidForMonth, 'paidForMonth');
  if (!Number.isSafeInteger(amount)) return 'notWholeGrosze';
  if (amount <= 0) return 'notPositive';
  const cap = bridgingCapFor(schedule, month);
  if (cap.cap === null) return cap.code;
  return paidForMonth + amount > cap.cap ? 'bridgingMonthlyCapExceeded' : null;
}

export function canPayBridging(
  schedule: BridgingSchedule,
  month: IsoMonth,
  paidForMonth: number,
  amount: number,
): boolean {
  return bridgingPaymentProblem(schedule, month, paidForMonth, amount) === null;
}

function assertGrosze(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be whole grosze, got ${value}`);
  }
}
