import { PLATFORM_ERRORS, mergeErrorCatalogues } from '@app/common';
import { AppealsErrors } from './appeals/appeals.errors.js';
import { AwardsErrors } from './awards/awards.errors.js';
import { CallsErrors } from './calls/calls.errors.js';
import { EvaluationErrors } from './evaluation/evaluation.errors.js';
import { ExchangeRatesErrors } from './exchange-rates/exchange-rates.errors.js';
import { InterestRatesErrors } from './interest-rates/interest-rates.errors.js';
import { MonitoringErrors } from './monitoring/monitoring.errors.js';
import { ProgrammesErrors } from './programmes/programmes.errors.js';
import { RankingErrors } from './ranking/ranking.errors.js';

/**
 * Every code the grants service can answer: the platform's, then each feature's own
 * (`<feature>/<feature>.errors.ts`). A feature throws its entry (`ApiError.conflict(
 * AwardsErrors.AWARD_GIVEN_UP, …)`), which carries the code's one status.
 */
export const GRANTS_ERRORS = mergeErrorCatalogues(
  PLATFORM_ERRORS,
  ProgrammesErrors,
  CallsErrors,
  EvaluationErrors,
  RankingErrors,
  AppealsErrors,
  AwardsErrors,
  MonitoringErrors,
  InterestRatesErrors,
  ExchangeRatesErrors,
);
