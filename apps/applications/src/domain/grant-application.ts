import {
  addMonths,
  computeRequestedAmount,
  deMinimisCeiling,
  formatEur,
  formatPln,
  isIsoDate,
  parsePesel,
  type ExchangeRate,
  type FundingModel,
  type JobFundingRequest,
  type RequestedAmount,
} from './common.js';
import { eligibilityProblems, hasSevereOrMultipleDisability } from './eligibility.js';
import { countyProblems, duplicateProblems, type LegalForm } from './initiative-group.js';
import { field, list, text, type Problem, type ProblemCode } from './problems.js';
import {
  APPLICANT_KINDS,
  BUDGET_CATEGORIES,
  BUSINESS_PLAN_SECTIONS,
  DECLARATIONS,
} from '@app/common/reference/form-codes.js';
export { APPLICANT_KINDS, BUDGET_CATEGORIES, BUSINESS_PLAN_SECTIONS, DECLARATIONS };

export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** Years of de minimis aid to declare. */
export const DE_MINIMIS_YEARS = 3;

/** Age a person must have reached on the first day of employment. */
export const MINIMUM_EMPLOYMENT_AGE = 18;

export interface CallRules {
  counties: readonly string[];
  maxJobsPerEntity: number;
  fundingModel: FundingModel;
}

export interface ApplicationContext {
  call: CallRules;
  /** Warsaw calendar day of this submission: the rate table and the de minimis window use it. */
  onDate: string;
  /** Warsaw calendar day of the first submission (jobs may not start earlier). */
  firstSubmissionDate: string;
  /**
   * The initiative group the form names, as the caller may use it: null when it does not exist
   * or is not the applicant's; undefined when the form names none.
   */
  group?: { state: string; plannedLegalForm: LegalForm } | null;
  /**
   * The NBP euro rates the de minimis ceiling is converted at. Without them (or with no rate in
   * force on a day that counts) the ceiling is not checked here: the applicant cannot mend the
   * centre's table, and grants checks it again, strictly, when the agreement is signed.
   */
  exchangeRates?: readonly ExchangeRate[];
}

export interface ApplicationCheck {
  problems: Problem[];
  /** The amount requested, computed by the server from the call's funding model (never sent). */
  amount?: RequestedAmount;
}

const FUNDING_CODES: Partial<Record<string, ProblemCode>> = {
  required: 'required',
  invalidDate: 'invalidDate',
  notWholeGrosze: 'notWholeGrosze',
  notPositive: 'notPositive',
  notWholeNumber: 'notWholeNumber',
  outOfRange: 'outOfRange',
  atLeastOneJobRequired: 'atLeastOneJobRequired',
  tooManyJobs: 'tooManyJobs',
  unknownWorkingTime: 'unknownWorkingTime',
  quarterTimeRequiresSevereDisability: 'quarterTimeRequiresSevereDisability',
  grantAboveCap: 'grantAboveCap',
  bridgingMonthsAboveCap: 'bridgingMonthsAboveCap',
  bridgingMonthlyAmountAboveCap: 'bridgingMonthlyAmountAboveCap',
  bridgingExtensionNotRequested: 'bridgingExtensionNotRequested',
  bridgingExtensionBeforeBaseExhausted: 'bridgingExtensionBeforeBaseExhausted',
  notInFundingModel: 'notInFundingModel',
};

/** The part of the amount that budget items must add up to: creating the jobs. */
export function creationPart(amount: RequestedAmount): number {
  return amount.kind === 'unit-rates' ? amount.creation : amount.grant;
}

/** Creation / maintenance / total as grants reads them (bridging counts as maintenance). */
export function amountSummary(amount: RequestedAmount): {
  creation: number;
  maintenance: number;
  total: number;
} {
  return amount.kind === 'unit-rates'
    ? { creation: amount.creation, maintenance: amount.maintenance, total: amount.total }
    : { creation: amount.grant, maintenance: amount.bridging, total: amount.total };
}

/** The jobs as the funding rules see them. */
export function fundingRequests(form: unknown): JobFundingRequest[] {
  return list(field(form, 'jobs')).map((job) => {
    const request: Record<string, unknown> = {
      workingTime: field(job, 'workingTime'),
      severeOrMultipleDisability: hasSevereOrMultipleDisability(
        field(field(job, 'person'), 'eligibility'),
      ),
    };
    for (const key of ['grant', 'bridging', 'bridgingExtension']) {
      if (field(job, key) !== undefined) request[key] = field(job, key);
    }
    return request as unknown as JobFundingRequest;
  });
}

/** The amount the form asks for, or the funding problems (paths as the form names them). */
export function requestedAmount(
  form: unknown,
  call: CallRules,
  onDate: string,
): { amount?: RequestedAmount; problems: Problem[] } {
  const result = computeRequestedAmount(call.fundingModel, fundingRequests(form), onDate, {
    maxJobs: call.maxJobsPerEntity,
    bridgingExtensionRequested: field(form, 'bridgingExtensionRequested') === true,
  });
  if (result.ok) return { amount: result.value, problems: [] };
  const problems: Problem[] = [];
  for (const p of result.problems) {
    const code = FUNDING_CODES[p.code];
    if (p.path.startsWith('fundingModel') || p.path === 'onDate' || !code) {
      if (!problems.some((q) => q.code === 'callFundingModelInvalid')) {
        problems.push({ path: 'jobs', code: 'callFundingModelInvalid' });
      }
    } else if (code === 'tooManyJobs') {
      problems.push({ path: p.path, code, params: { max: call.maxJobsPerEntity } });
    } else {
      problems.push({ path: p.path, code });
    }
  }
  return { problems };
}

function applicantProblems(form: unknown, ctx: ApplicationContext): Problem[] {
  const problems: Problem[] = [];
  const applicant = field(form, 'applicant');
  const kind = field(applicant, 'kind');
  const groupId = field(applicant, 'groupId');
  problems.push(
    ...countyProblems(
      field(applicant, 'county'),
      'applicant.county',
      ctx.call.counties,
      'countyOutsideCall',
    ),
  );
  if (kind === 'initiative-group') {
    if (groupId === undefined || groupId === null) {
      problems.push({ path: 'applicant.groupId', code: 'groupRequired' });
    } else if (!ctx.group || ctx.group.state !== 'qualified') {
      problems.push({ path: 'applicant.groupId', code: 'groupNotQualified' });
    } else if (
      field(applicant, 'legalForm') !== undefined &&
      field(applicant, 'legalForm') !== ctx.group.plannedLegalForm
    ) {
      problems.push({
        path: 'applicant.legalForm',
        code: 'legalFormMismatch',
        params: { expected: ctx.group.plannedLegalForm },
      });
    }
  } else if (kind === 'social-enterprise' || kind === 'social-economy-entity') {
    if (groupId !== undefined && groupId !== null)
      problems.push({ path: 'applicant.groupId', code: 'groupNotAllowed' });
    for (const key of ['nip', 'regon']) {
      if (field(applicant, key) === undefined || field(applicant, key) === null) {
        problems.push({ path: `applicant.${key}`, code: 'required' });
      }
    }
    if (kind === 'social-economy-entity' && field(applicant, 'psStatusCommitment') !== true) {
      problems.push({ path: 'applicant.psStatusCommitment', code: 'psCommitmentRequired' });
    }
  }
  return problems;
}

/** Only net new jobs count: an existing enterprise's headcount must grow by the jobs it creates. */
export function netNewJobsProblems(form: unknown): Problem[] {
  const kind = field(field(form, 'applicant'), 'kind');
  if (kind !== 'social-enterprise' && kind !== 'social-economy-entity') return [];
  const employment = field(form, 'employment');
  const before = field(employment, 'headcountBefore');
  const after = field(employment, 'headcountAfter');
  if (typeof before !== 'number' || typeof after !== 'number') {
    return [{ path: 'employment', code: 'headcountRequired' }];
  }
  const jobs = list(field(form, 'jobs')).length;
  const expected = before + jobs;
  return after >= expected
    ? []
    : [
        {
          path: 'employment.headcountAfter',
          code: 'headcountMustGrow',
          params: { jobs, before, expected },
        },
      ];
}

function jobProblems(form: unknown, ctx: ApplicationContext): Problem[] {
  const problems: Problem[] = [];
  const jobs = list(field(form, 'jobs'));
  jobs.forEach((job, i) => {
    const at = `jobs[${i}]`;
    const person = field(job, 'person');
    problems.push(...eligibilityProblems(field(person, 'eligibility'), `${at}.person.eligibility`));
    problems.push(
      ...countyProblems(
        field(person, 'county'),
        `${at}.person.county`,
        ctx.call.counties,
        'countyOutsideCall',
      ),
    );
    const start = field(job, 'plannedStart');
    if (typeof start === 'string') {
      if (!isIsoDate(start)) {
        problems.push({ path: `${at}.plannedStart`, code: 'invalidDate' });
      } else {
        if (start < ctx.firstSubmissionDate) {
          problems.push({
            path: `${at}.plannedStart`,
            code: 'startBeforeSubmission',
            params: { date: ctx.firstSubmissionDate },
          });
        }
        const born = parsePesel(field(person, 'pesel'));
        if (born && addMonths(born.birthDate, 12 * MINIMUM_EMPLOYMENT_AGE) > start) {
          problems.push({ path: `${at}.person.pesel`, code: 'personUnderage' });
        }
      }
    }
  });
  problems.push(
    ...duplicateProblems(
      jobs.map((job, i) => ({
        path: `jobs[${i}].person.pesel`,
        value: field(field(job, 'person'), 'pesel'),
      })),
      'duplicatePesel',
    ),
  );
  return problems;
}

function budgetProblems(form: unknown, amount: RequestedAmount | undefined): Problem[] {
  const items = list(field(form, 'budget'));
  if (items.length === 0) return [{ path: 'budget', code: 'budgetRequired' }];
  const problems: Problem[] = [];
  let sum = 0;
  let summable = true;
  items.forEach((item, i) => {
    const value = field(item, 'amount');
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) summable = false;
    else if (value <= 0) problems.push({ path: `budget[${i}].amount`, code: 'notPositive' });
    else sum += value;
  });
  if (amount && summable && problems.length === 0 && sum !== creationPart(amount)) {
    problems.push({
      path: 'budget',
      code: 'budgetSumMismatch',
      params: { expected: formatPln(creationPart(amount)), actual: formatPln(sum) },
    });
  }
  return problems;
}

/** De minimis aid of the last 3 years: declared, listed when received, dated within the window. */
export function deMinimisProblems(form: unknown, onDate: string): Problem[] {
  const deMinimis = field(form, 'deMinimis');
  const received = field(deMinimis, 'received');
  const items = list(field(deMinimis, 'items'));
  const problems: Problem[] = [];
  if (received === true && items.length === 0)
    problems.push({ path: 'deMinimis.items', code: 'deMinimisItemsRequired' });
  if (received === false && items.length > 0)
    problems.push({ path: 'deMinimis.items', code: 'deMinimisItemsUnexpected' });
  const from = addMonths(onDate, -12 * DE_MINIMIS_YEARS);
  items.forEach((item, i) => {
    const at = `deMinimis.items[${i}]`;
    const grantedOn = field(item, 'grantedOn');
    if (typeof grantedOn === 'string') {
      if (!isIsoDate(grantedOn)) problems.push({ path: `${at}.grantedOn`, code: 'invalidDate' });
      else if (grantedOn < from || grantedOn > onDate) {
        problems.push({
          path: `${at}.grantedOn`,
          code: 'deMinimisOutsideWindow',
          params: { from, to: onDate },
        });
      }
    }
    const amount = field(item, 'amount');
    if (typeof amount === 'number' && amount <= 0)
      problems.push({ path: `${at}.amount`, code: 'notPositive' });
  });
  return problems;
}

/**
 * The de minimis ceiling (libs/common/src/de-minimis): the aid asked for, converted on the
 * submission day, with the aid declared in the counted period, may not pass EUR 300,000. The
 * problem states the ceiling and what is left of it, in EUR and PLN.
 */
export function deMinimisCeilingProblems(
  form: unknown,
  ctx: ApplicationContext,
  requested: number | undefined,
): Problem[] {
  if (requested === undefined || !ctx.exchangeRates) return [];
  const prior = list(field(field(form, 'deMinimis'), 'items')).flatMap((item) => {
    const grantedOn = field(item, 'grantedOn');
    const amount = field(item, 'amount');
    return typeof grantedOn === 'string' && isIsoDate(grantedOn) && Number.isSafeInteger(amount)
      ? [{ grantedOn, amount: amount as number }]
      : [];
  });
  const outcome = deMinimisCeiling({
    prior,
    requested,
    onDate: ctx.onDate,
    rates: ctx.exchangeRates,
  });
  if (!outcome.ok || !outcome.value.exceeded) return [];
  const v = outcome.value;
  return [
    {
      path: 'deMinimis',
      code: 'deMinimisCeilingExceeded',
      params: {
        ceiling: formatEur(v.ceilingEur),
        from: v.windowFrom,
        to: v.windowTo,
        prior: formatEur(v.priorEur),
        requested: formatEur(v.requestedEur),
        requestedPln: formatPln(requested),
        left: formatEur(v.leftEur),
        leftPln: formatPln(v.leftPln),
        rate: `${v.rate.plnPerEur} (${v.rate.validFrom})`,
      },
    },
  ];
}

export function declarationProblems(form: unknown): Problem[] {
  const declarations = field(form, 'declarations');
  return DECLARATIONS.filter((key) => field(declarations, key) !== true).map((key) => ({
    path: `declarations.${key}`,
    code: 'notTrue' as const,
  }));
}

/**
 * Every rule of a job-creation grant application beyond its field types
 * (docs/product.md#the-grant-application), checked against the call it is for; also computes the
 * amount requested when the jobs allow it.
 */
export function checkApplication(form: unknown, ctx: ApplicationContext): ApplicationCheck {
  const funding = requestedAmount(form, ctx.call, ctx.onDate);
  const problems = [
    ...applicantProblems(form, ctx),
    ...netNewJobsProblems(form),
    ...jobProblems(form, ctx),
    ...funding.problems,
    ...budgetProblems(form, funding.amount),
    ...deMinimisProblems(form, ctx.onDate),
    ...deMinimisCeilingProblems(form, ctx, funding.amount?.total),
    ...declarationProblems(form),
  ];
  return { problems, amount: funding.amount };
}

/** The name the operator lists and searches by. */
export function entityName(form: unknown): string | null {
  return text(field(field(form, 'applicant'), 'name')) ?? null;
}
