// Funding rules shared by `applications` (the amount requested) and `grants` (the award).
// Pure TypeScript: no Nest, no TypeORM, no I/O. Money is integer grosze.
export {
  DEFAULT_FUNDING_MODEL,
  DEFAULT_MAX_JOBS_PER_ENTITY,
  DEFAULT_UNIT_RATES,
  ratesAt,
  validateFundingModel,
  type BridgingCaps,
  type DatedUnitRates,
  type FundingModel,
  type GrantBridgingFundingModel,
  type UnitRatesFundingModel,
} from './funding-model.js';
export {
  FundingRuleError,
  type FundingProblem,
  type FundingProblemCode,
  type FundingResult,
} from './funding-problem.js';
export {
  computeRequestedAmount,
  type BridgingRequest,
  type GrantBridgingJobAmount,
  type GrantBridgingRequestedAmount,
  type JobFundingRequest,
  type RequestedAmount,
  type RequestedAmountOptions,
  type UnitRatesJobAmount,
  type UnitRatesRequestedAmount,
} from './requested-amount.js';
export {
  WORKING_TIMES,
  isWorkingTime,
  maintenanceBandOf,
  maintenanceRateFor,
  workingTimeProblem,
  type MaintenanceBand,
  type WorkingTime,
} from './working-time.js';
