import {
  DEFAULT_FUNDING_MODEL,
  DEFAULT_UNIT_RATES,
  ratesAt,
  validateFundingModel,
  type DatedUnitRates,
  type UnitRatesFundingModel,
} from './funding-model.js';
import { FundingRuleError } from './funding-problem.js';

const INDEXED: DatedUnitRates = {
  validFrom: '2025-03-01',
  creation: 3_650_000,
  maintenance: { full: 3_960_000, threeQuarters: 2_970_000, half: 1_980_000 },
};

const model = (...rates: DatedUnitRates[]): UnitRatesFundingModel => ({
  kind: 'unit-rates',
  rates,
});

describe('funding model', () => {
  it('carries the March 2024 unit rates as the default, in grosze', () => {
    expect(DEFAULT_UNIT_RATES).toEqual({
      validFrom: '2024-03-01',
      creation: 3_521_200,
      maintenance: { full: 3_817_800, threeQuarters: 2_863_400, half: 1_908_900 },
    });
    expect(DEFAULT_FUNDING_MODEL.kind).toBe('unit-rates');
    expect(Object.isFrozen(DEFAULT_UNIT_RATES.maintenance)).toBe(true);
  });

  describe('ratesAt', () => {
    const indexed = model(INDEXED, DEFAULT_UNIT_RATES); // order of entries does not matter

    it('picks the table in force from its first day', () => {
      expect(ratesAt(indexed, '2024-03-01')).toBe(DEFAULT_UNIT_RATES);
      expect(ratesAt(indexed, '2025-02-28')).toBe(DEFAULT_UNIT_RATES);
      expect(ratesAt(indexed, '2025-03-01')).toBe(INDEXED);
      expect(ratesAt(indexed, '2030-01-01')).toBe(INDEXED);
    });

    it('fails before the first table is in force', () => {
      expect(() => ratesAt(indexed, '2024-02-29')).toThrow(FundingRuleError);
      try {
        ratesAt(indexed, '2024-02-29');
      } catch (error) {
        expect((error as FundingRuleError).code).toBe('noRatesInForce');
      }
    });

    it('fails on a date that is not a calendar day', () => {
      expect(() => ratesAt(indexed, '2025-02-29')).toThrow(/calendar date/);
      expect(() => ratesAt(indexed, '2025-3-1')).toThrow(FundingRuleError);
    });

    it('refuses to choose between two tables valid from the same day', () => {
      expect(() =>
        ratesAt(model(DEFAULT_UNIT_RATES, { ...INDEXED, validFrom: '2024-03-01' }), '2024-05-01'),
      ).toThrow(FundingRuleError);
    });
  });

  describe('validateFundingModel', () => {
    it('accepts the default and a grant-bridging model', () => {
      expect(validateFundingModel(DEFAULT_FUNDING_MODEL)).toEqual([]);
      expect(
        validateFundingModel({
          kind: 'grant-bridging',
          grantCapPerJob: 2_102_000,
          bridging: {
            monthlyCap: 200_000,
            months: 6,
            extensionMonthlyCap: 150_000,
            extensionMonths: 6,
          },
        }),
      ).toEqual([]);
    });

    it('reports every bad rate table at once', () => {
      expect(
        validateFundingModel(
          model(DEFAULT_UNIT_RATES, {
            validFrom: '2024-03-01',
            creation: 3_521_200.5,
            maintenance: { full: -1, threeQuarters: 2_863_400, half: 1_908_900 },
          }),
        ),
      ).toEqual([
        { path: 'fundingModel.rates[1].validFrom', code: 'duplicateValidFrom' },
        { path: 'fundingModel.rates[1].creation', code: 'notWholeGrosze' },
        { path: 'fundingModel.rates[1].maintenance.full', code: 'notWholeGrosze' },
      ]);
      expect(validateFundingModel(model())).toEqual([
        { path: 'fundingModel.rates', code: 'required' },
      ]);
    });

    it('wants the extension cap no higher than the base monthly cap', () => {
      expect(
        validateFundingModel({
          kind: 'grant-bridging',
          grantCapPerJob: 2_102_000,
          bridging: {
            monthlyCap: 200_000,
            months: 6.5,
            extensionMonthlyCap: 250_000,
            extensionMonths: 6,
          },
        }),
      ).toEqual([
        { path: 'fundingModel.bridging.months', code: 'notWholeNumber' },
        { path: 'fundingModel.bridging.extensionMonthlyCap', code: 'extensionCapAboveMonthlyCap' },
      ]);
    });
  });
});
