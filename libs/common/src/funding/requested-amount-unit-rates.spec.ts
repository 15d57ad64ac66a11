import {
  DEFAULT_FUNDING_MODEL,
  DEFAULT_UNIT_RATES,
  type UnitRatesFundingModel,
} from './funding-model.js';
import type { FundingResult } from './funding-problem.js';
import {
  computeRequestedAmount,
  type JobFundingRequest,
  type RequestedAmount,
  type UnitRatesRequestedAmount,
} from './requested-amount.js';

function valueOf(result: FundingResult<RequestedAmount>): UnitRatesRequestedAmount {
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  if (result.value.kind !== 'unit-rates') throw new Error('expected a unit-rates amount');
  return result.value;
}

const FULL: JobFundingRequest = { workingTime: '1' };

describe('requested amount: unit rates', () => {
  it('two full-time jobs: 2 × (35,212 + 38,178) PLN = 146,780.00 PLN', () => {
    const amount = valueOf(
      computeRequestedAmount(DEFAULT_FUNDING_MODEL, [FULL, FULL], '2024-06-01'),
    );
    expect(amount).toMatchObject({
      kind: 'unit-rates',
      ratesValidFrom: '2024-03-01',
      creation: 7_042_400,
      maintenance: 7_635_600,
      total: 14_678_000,
    });
    expect(amount.perJob).toEqual([
      {
        index: 0,
        workingTime: '1',
        maintenanceBand: 'full',
        creation: 3_521_200,
        maintenance: 3_817_800,
        total: 7_339_000,
      },
      {
        index: 1,
        workingTime: '1',
        maintenanceBand: 'full',
        creation: 3_521_200,
        maintenance: 3_817_800,
        total: 7_339_000,
      },
    ]);
  });

  it('mixes working times: one creation rate per job, maintenance by working time', () => {
    const amount = valueOf(
      computeRequestedAmount(
        DEFAULT_FUNDING_MODEL,
        [{ workingTime: '1' }, { workingTime: '3/4' }, { workingTime: '1/2' }],
        '2024-03-01',
      ),
    );
    expect(amount.creation).toBe(3 * 3_521_200);
    expect(amount.maintenance).toBe(3_817_800 + 2_863_400 + 1_908_900);
    expect(amount.total).toBe(10_563_600 + 8_590_100);
  });

  it('¼ time with a severe disability is paid at the ½ rate', () => {
    const amount = valueOf(
      computeRequestedAmount(
        DEFAULT_FUNDING_MODEL,
        [{ workingTime: '1/4', severeOrMultipleDisability: true }],
        '2024-03-01',
      ),
    );
    expect(amount.perJob[0]).toMatchObject({ maintenanceBand: 'half', maintenance: 1_908_900 });
    expect(amount.total).toBe(3_521_200 + 1_908_900);
  });

  it('¼ time without a severe disability is a problem on that job, with the others', () => {
    const result = computeRequestedAmount(
      DEFAULT_FUNDING_MODEL,
      [
        FULL,
        { workingTime: '1/2' },
        { workingTime: '1/4', severeOrMultipleDisability: false },
        { workingTime: '1/4' },
      ],
      '2024-03-01',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'jobs[2].workingTime', code: 'quarterTimeRequiresSevereDisability' },
        { path: 'jobs[3].workingTime', code: 'quarterTimeRequiresSevereDisability' },
      ],
    });
  });

  describe('indexation: a new table from a date, the old one kept', () => {
    const indexed: UnitRatesFundingModel = {
      kind: 'unit-rates',
      rates: [
        DEFAULT_UNIT_RATES,
        {
          validFrom: '2025-03-01',
          creation: 3_650_000,
          maintenance: { full: 3_960_000, threeQuarters: 2_970_000, half: 1_980_000 },
        },
      ],
    };

    it('uses the new rates on and after their first day', () => {
      const amount = valueOf(computeRequestedAmount(indexed, [FULL], '2025-03-01'));
      expect(amount).toMatchObject({
        ratesValidFrom: '2025-03-01',
        creation: 3_650_000,
        maintenance: 3_960_000,
        total: 7_610_000,
      });
    });

    it('still computes the old rates for a date before the indexation', () => {
      const amount = valueOf(computeRequestedAmount(indexed, [FULL], '2025-02-28'));
      expect(amount).toMatchObject({ ratesValidFrom: '2024-03-01', total: 7_339_000 });
    });

    it('reports a date before any table', () => {
      expect(computeRequestedAmount(indexed, [FULL], '2024-02-29')).toEqual({
        ok: false,
        problems: [{ path: 'onDate', code: 'noRatesInForce' }],
      });
      expect(computeRequestedAmount(indexed, [FULL], '29.02.2024')).toEqual({
        ok: false,
        problems: [{ path: 'onDate', code: 'invalidDate' }],
      });
    });
  });

  describe('number of jobs', () => {
    it('needs at least one job', () => {
      expect(computeRequestedAmount(DEFAULT_FUNDING_MODEL, [], '2024-03-01')).toEqual({
        ok: false,
        problems: [{ path: 'jobs', code: 'atLeastOneJobRequired' }],
      });
    });

    it('allows exactly the maximum per entity (10 by default) and no more', () => {
      const ten = Array.from({ length: 10 }, () => FULL);
      expect(valueOf(computeRequestedAmount(DEFAULT_FUNDING_MODEL, ten, '2024-03-01')).total).toBe(
        73_390_000,
      );
      expect(computeRequestedAmount(DEFAULT_FUNDING_MODEL, [...ten, FULL], '2024-03-01')).toEqual({
        ok: false,
        problems: [{ path: 'jobs', code: 'tooManyJobs' }],
      });
    });

    it('follows the call’s own maximum', () => {
      expect(
        computeRequestedAmount(DEFAULT_FUNDING_MODEL, [FULL, FULL, FULL], '2024-03-01', {
          maxJobs: 2,
        }),
      ).toMatchObject({
        ok: false,
      });
      expect(
        computeRequestedAmount(DEFAULT_FUNDING_MODEL, [FULL, FULL], '2024-03-01', { maxJobs: 2 }),
      ).toMatchObject({
        ok: true,
      });
    });
  });

  it('refuses grant-bridging fields under unit rates', () => {
    expect(
      computeRequestedAmount(
        DEFAULT_FUNDING_MODEL,
        [{ workingTime: '1', grant: 100 }],
        '2024-03-01',
      ),
    ).toEqual({
      ok: false,
      problems: [{ path: 'jobs[0].grant', code: 'notInFundingModel' }],
    });
  });

  it('reports a broken model before looking at the jobs', () => {
    const broken = {
      kind: 'unit-rates',
      rates: [{ ...DEFAULT_UNIT_RATES, creation: 3_521_200.5 }],
    } as const;
    expect(computeRequestedAmount(broken, [FULL], '2024-03-01')).toEqual({
      ok: false,
      problems: [{ path: 'fundingModel.rates[0].creation', code: 'notWholeGrosze' }],
    });
  });
});
