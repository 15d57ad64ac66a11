import {
  DEFAULT_MAX_JOBS_PER_ENTITY,
  ratesAt,
  validateFundingModel,
  type FundingModel,
  type GrantBridgingFundingModel,
  type UnitRatesFundingModel,
} from './funding-model.js';
import type { FundingProblem, FundingResult } from './funding-problem.js';
import { isGrosze, multiplyGrosze, sumGrosze } from '../money/grosze.js';
import { isIsoDate } from '../time/warsaw.js';
import {
  maintenanceBandOf,
  maintenanceRateFor,
  workingTimeProblem,
  type MaintenanceBand,
  type WorkingTime,
} from './working-time.js';

/** One job of an application, as far as its money is concerned. */
export interface JobFundingRequest {
  readonly workingTime: WorkingTime;
  /** The person has a severe or multiple disability (*stopień znaczny lub sprzężona*). */
  readonly severeOrMultipleDisability?: boolean;
  /** Grant-bridging model only: grant asked for this job, grosze (≤ the call's cap). */
  readonly grant?: number;
  /** Grant-bridging model only: base bridging support asked for this job. */
  readonly bridging?: BridgingRequest;
  /** Grant-bridging model only: extension months, allowed only on a separate request. */
  readonly bridgingExtension?: BridgingRequest;
}

export interface BridgingRequest {
  readonly months: number;
  /** Grosze per month. */
  readonly monthlyAmount: number;
}

export interface RequestedAmountOptions {
  /** The call's most jobs per entity; DEFAULT_MAX_JOBS_PER_ENTITY when omitted. */
  readonly maxJobs?: number;
  /**
   * Grant-bridging model: the entity filed the separate request to extend bridging support.
   * Without it no job may carry a `bridgingExtension`.
   */
  readonly bridgingExtensionRequested?: boolean;
}

export interface UnitRatesJobAmount {
  readonly index: number;
  readonly workingTime: WorkingTime;
  /** The maintenance band actually paid (¼ time is paid as `half`). */
  readonly maintenanceBand: MaintenanceBand;
  readonly creation: number;
  readonly maintenance: number;
  readonly total: number;
}

export interface UnitRatesRequestedAmount {
  readonly kind: 'unit-rates';
  /** `validFrom` of the rate table used. */
  readonly ratesValidFrom: string;
  readonly creation: number;
  readonly maintenance: number;
  readonly total: number;
  readonly perJob: readonly UnitRatesJobAmount[];
}

export interface GrantBridgingJobAmount {
  readonly index: number;
  readonly grant: number;
  readonly bridgingMonths: number;
  readonly bridgingMonthlyAmount: number;
  /** Base bridging, grosze: months × monthly amount. */
  readonly bridging: number;
  readonly extensionMonths: number;
  readonly extensionMonthlyAmount: number;
  /** Extension bridging, grosze. */
  readonly extension: number;
  readonly total: number;
}

export interface GrantBridgingRequestedAmount {
  readonly kind: 'grant-bridging';
  readonly grant: number;
  /** Base and extension bridging of every job, grosze. */
  readonly bridging: number;
  readonly total: number;
  readonly perJob: readonly GrantBridgingJobAmount[];
}

export type RequestedAmount = UnitRatesRequestedAmount | GrantBridgingRequestedAmount;

/**
 * The amount an application asks for (and, with the same inputs, the amount awarded), in
 * grosze, following the call's funding model.
 *
 * `onDate` picks the unit-rate table in force (latest `validFrom` ≤ `onDate`); the caller
 * decides which date the call's rules name (e.g. the submission day). It is ignored by the
 * grant-bridging model, whose caps are not dated.
 *
 * Every problem is returned at once, with the form's paths (`jobs[2].workingTime`).
 */
export function computeRequestedAmount(
  model: FundingModel,
  jobs: readonly JobFundingRequest[],
  onDate: string,
  options: RequestedAmountOptions = {},
): FundingResult<RequestedAmount> {
  const problems: FundingProblem[] = validateFundingModel(model);
  if (problems.length > 0) return { ok: false, problems };

  const maxJobs = options.maxJobs ?? DEFAULT_MAX_JOBS_PER_ENTITY;
  if (!Array.isArray(jobs) || jobs.length === 0) {
    problems.push({ path: 'jobs', code: 'atLeastOneJobRequired' });
  } else if (jobs.length > maxJobs) {
    problems.push({ path: 'jobs', code: 'tooManyJobs' });
  }
  (jobs ?? []).forEach((job, i) => {
    const code = workingTimeProblem(job?.workingTime, job?.severeOrMultipleDisability);
    if (code !== null) problems.push({ path: `jobs[${i}].workingTime`, code });
  });

  return model.kind === 'unit-rates'
    ? unitRatesAmount(model, jobs ?? [], onDate, problems)
    : grantBridgingAmount(model, jobs ?? [], options, problems);
}

function unitRatesAmount(
  model: UnitRatesFundingModel,
  jobs: readonly JobFundingRequest[],
  onDate: string,
  problems: FundingProblem[],
): FundingResult<UnitRatesRequestedAmount> {
  jobs.forEach((job, i) => {
    for (const field of ['grant', 'bridging', 'bridgingExtension'] as const) {
      if (job?.[field] !== undefined) {
        problems.push({ path: `jobs[${i}].${field}`, code: 'notInFundingModel' });
      }
    }
  });
  if (!isIsoDate(onDate)) {
    problems.push({ path: 'onDate', code: 'invalidDate' });
    return { ok: false, problems };
  }
  const inForce = model.rates.filter((entry) => entry.validFrom <= onDate);
  if (inForce.length === 0) problems.push({ path: 'onDate', code: 'noRatesInForce' });
  if (problems.length > 0) return { ok: false, problems };

  const rates = ratesAt(model, onDate);
  const perJob = jobs.map((job, index): UnitRatesJobAmount => {
    const maintenance = maintenanceRateFor(rates, job.workingTime);
    return {
      index,
      workingTime: job.workingTime,
      maintenanceBand: maintenanceBandOf(job.workingTime),
      creation: rates.creation,
      maintenance,
      total: sumGrosze([rates.creation, maintenance]),
    };
  });
  const creation = sumGrosze(perJob.map((job) => job.creation));
  const maintenance = sumGrosze(perJob.map((job) => job.maintenance));
  return {
    ok: true,
    value: {
      kind: 'unit-rates',
      ratesValidFrom: rates.validFrom,
      creation,
      maintenance,
      total: sumGrosze([creation, maintenance]),
      perJob,
    },
  };
}

function grantBridgingAmount(
  model: GrantBridgingFundingModel,
  jobs: readonly JobFundingRequest[],
  options: RequestedAmountOptions,
  problems: FundingProblem[],
): FundingResult<GrantBridgingRequestedAmount> {
  const caps = model.bridging;
  jobs.forEach((job, i) => {
    const at = `jobs[${i}]`;
    if (job?.grant === undefined || job.grant === null) {
      problems.push({ path: `${at}.grant`, code: 'required' });
    } else if (!isGrosze(job.grant)) {
      problems.push({ path: `${at}.grant`, code: 'notWholeGrosze' });
    } else if (job.grant === 0) {
      problems.push({ path: `${at}.grant`, code: 'notPositive' });
    } else if (job.grant > model.grantCapPerJob) {
      problems.push({ path: `${at}.grant`, code: 'grantAboveCap' });
    }

    const base = job?.bridging;
    if (base !== undefined) {
      checkBridging(base, `${at}.bridging`, caps.months, caps.monthlyCap, problems);
    }
    const extension = job?.bridgingExtension;
    if (extension !== undefined) {
      if (options.bridgingExtensionRequested !== true) {
        problems.push({ path: `${at}.bridgingExtension`, code: 'bridgingExtensionNotRequested' });
      } else if (base === undefined || base.months !== caps.months) {
        // An extension adds months after the base period; it cannot stand in for it.
        problems.push({
          path: `${at}.bridgingExtension`,
          code: 'bridgingExtensionBeforeBaseExhausted',
        });
      }
      checkBridging(
        extension,
        `${at}.bridgingExtension`,
        caps.extensionMonths,
        caps.extensionMonthlyCap,
        problems,
      );
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const perJob = jobs.map((job, index): GrantBridgingJobAmount => {
    const grant = job.grant as number;
    const bridgingMonths = job.bridging?.months ?? 0;
    const bridgingMonthlyAmount = job.bridging?.monthlyAmount ?? 0;
    const extensionMonths = job.bridgingExtension?.months ?? 0;
    const extensionMonthlyAmount = job.bridgingExtension?.monthlyAmount ?? 0;
    const bridging = multiplyGrosze(bridgingMonthlyAmount, bridgingMonths);
    const extension = multiplyGrosze(extensionMonthlyAmount, extensionMonths);
    return {
      index,
      grant,
      bridgingMonths,
      bridgingMonthlyAmount,
      bridging,
      extensionMonths,
      extensionMonthlyAmount,
      extension,
      total: sumGrosze([grant, bridging, extension]),
    };
  });
  const grant = sumGrosze(perJob.map((job) => job.grant));
  const bridging = sumGrosze(perJob.flatMap((job) => [job.bridging, job.extension]));
  return {
    ok: true,
    value: { kind: 'grant-bridging', grant, bridging, total: sumGrosze([grant, bridging]), perJob },
  };
}

function checkBridging(
  request: BridgingRequest,
  at: string,
  maxMonths: number,
  monthlyCap: number,
  problems: FundingProblem[],
): void {
  const { months, monthlyAmount } = request ?? ({} as Partial<BridgingRequest>);
  if (typeof months !== 'number' || !Number.isInteger(months)) {
    problems.push({ path: `${at}.months`, code: 'notWholeNumber' });
  } else if (months < 0) {
    problems.push({ path: `${at}.months`, code: 'outOfRange' });
  } else if (months > maxMonths) {
    problems.push({ path: `${at}.months`, code: 'bridgingMonthsAboveCap' });
  }
  if (!isGrosze(monthlyAmount)) {
    problems.push({ path: `${at}.monthlyAmount`, code: 'notWholeGrosze' });
  } else if (monthlyAmount > monthlyCap) {
    problems.push({ path: `${at}.monthlyAmount`, code: 'bridgingMonthlyAmountAboveCap' });
  }
}
