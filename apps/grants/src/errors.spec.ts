import { ApiError, PLATFORM_ERRORS, mergeErrorCatalogues } from '@app/common';
import { AppealsErrors } from './appeals/appeals.errors.js';
import { AwardsErrors } from './awards/awards.errors.js';
import { CallsErrors } from './calls/calls.errors.js';
import { EvaluationErrors } from './evaluation/evaluation.errors.js';
import { ExchangeRatesErrors } from './exchange-rates/exchange-rates.errors.js';
import { InterestRatesErrors } from './interest-rates/interest-rates.errors.js';
import { MonitoringErrors } from './monitoring/monitoring.errors.js';
import { ProgrammesErrors } from './programmes/programmes.errors.js';
import { RankingErrors } from './ranking/ranking.errors.js';
import { GRANTS_ERRORS } from './errors.js';

const FEATURES = {
  AppealsErrors,
  AwardsErrors,
  CallsErrors,
  EvaluationErrors,
  ExchangeRatesErrors,
  InterestRatesErrors,
  MonitoringErrors,
  ProgrammesErrors,
  RankingErrors,
};

const entries = Object.values(GRANTS_ERRORS);

describe("the grants service's error codes", () => {
  it.each(entries.map((e) => [e.code, e] as const))(
    '%s: an UPPER_SNAKE code, one error status and one line saying when',
    (code, { status, when }) => {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(when.trim()).toBe(when);
      expect(when).toMatch(/^\S.*\.$/);
      expect(when).not.toMatch(/[\n|]/);
    },
  );

  it('merges the platform and every feature without a code standing for two statuses', () => {
    expect(() => mergeErrorCatalogues(PLATFORM_ERRORS, ...Object.values(FEATURES))).not.toThrow();
    for (const catalogue of [PLATFORM_ERRORS, ...Object.values(FEATURES)]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(entry.code).toBe(key);
        expect(GRANTS_ERRORS[key]).toEqual(entry);
      }
    }
  });

  it('keeps each feature to its own codes, one shared entry aside (RATE_EXISTS, one code for both rate tables)', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, catalogue] of Object.entries(FEATURES))
      for (const code of Object.keys(catalogue))
        owners.set(code, [...(owners.get(code) ?? []), feature]);
    const shared = [...owners].filter(([, features]) => features.length > 1);
    expect(shared).toEqual([['RATE_EXISTS', ['ExchangeRatesErrors', 'InterestRatesErrors']]]);
    expect(ExchangeRatesErrors.RATE_EXISTS).toBe(InterestRatesErrors.RATE_EXISTS);
    for (const code of owners.keys()) expect(Object.keys(PLATFORM_ERRORS)).not.toContain(code);
  });

  it('gives ApiError the status of the entry thrown', () => {
    const message = { pl: 'x', en: 'x' };
    for (const entry of entries) {
      const error = ApiError.of(entry, message);
      expect(error.code).toBe(entry.code);
      expect(error.getStatus()).toBe(entry.status);
    }
  });
});
