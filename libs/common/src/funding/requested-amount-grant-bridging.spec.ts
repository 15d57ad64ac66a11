import type { GrantBridgingFundingModel } from './funding-model.js';
import { computeRequestedAmount, type JobFundingRequest } from './requested-amount.js';

// 2014–2020 style call: grant up to PLN 21,020 per job, bridging up to PLN 2,000 a month for
// 6 months, extendable by 6 months at up to PLN 1,500 a month on a separate request.
const MODEL: GrantBridgingFundingModel = {
  kind: 'grant-bridging',
  grantCapPerJob: 2_102_000,
  bridging: { monthlyCap: 200_000, months: 6, extensionMonthlyCap: 150_000, extensionMonths: 6 },
};
const ON = '2019-05-01';

describe('requested amount: grant plus bridging support', () => {
  it('sums the grant and the base bridging of each job', () => {
    const jobs: JobFundingRequest[] = [
      { workingTime: '1', grant: 2_102_000, bridging: { months: 6, monthlyAmount: 200_000 } },
      { workingTime: '1/2', grant: 1_500_000 },
    ];
    const result = computeRequestedAmount(MODEL, jobs, ON);
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'grant-bridging',
        grant: 3_602_000,
        bridging: 1_200_000,
        total: 4_802_000,
        perJob: [
          {
            index: 0,
            grant: 2_102_000,
            bridgingMonths: 6,
            bridgingMonthlyAmount: 200_000,
            bridging: 1_200_000,
            extensionMonths: 0,
            extensionMonthlyAmount: 0,
            extension: 0,
            total: 3_302_000,
          },
          {
            index: 1,
            grant: 1_500_000,
            bridgingMonths: 0,
            bridgingMonthlyAmount: 0,
            bridging: 0,
            extensionMonths: 0,
            extensionMonthlyAmount: 0,
            extension: 0,
            total: 1_500_000,
          },
        ],
      },
    });
  });

  it('keeps each figure within its cap', () => {
    const result = computeRequestedAmount(
      MODEL,
      [
        { workingTime: '1', grant: 2_102_001, bridging: { months: 7, monthlyAmount: 200_001 } },
        { workingTime: '1' },
        { workingTime: '1', grant: 0 },
        { workingTime: '1', grant: 1_000_000.5 },
      ],
      ON,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'jobs[0].grant', code: 'grantAboveCap' },
        { path: 'jobs[0].bridging.months', code: 'bridgingMonthsAboveCap' },
        { path: 'jobs[0].bridging.monthlyAmount', code: 'bridgingMonthlyAmountAboveCap' },
        { path: 'jobs[1].grant', code: 'required' },
        { path: 'jobs[2].grant', code: 'notPositive' },
        { path: 'jobs[3].grant', code: 'notWholeGrosze' },
      ],
    });
  });

  it('accepts a grant exactly at the cap', () => {
    const result = computeRequestedAmount(MODEL, [{ workingTime: '1', grant: 2_102_000 }], ON);
    expect(result).toMatchObject({ ok: true, value: { total: 2_102_000 } });
  });

  describe('extension of bridging support', () => {
    const withExtension: JobFundingRequest = {
      workingTime: '1',
      grant: 2_000_000,
      bridging: { months: 6, monthlyAmount: 200_000 },
      bridgingExtension: { months: 6, monthlyAmount: 150_000 },
    };

    it('is refused without the separate request', () => {
      expect(computeRequestedAmount(MODEL, [withExtension], ON)).toEqual({
        ok: false,
        problems: [{ path: 'jobs[0].bridgingExtension', code: 'bridgingExtensionNotRequested' }],
      });
    });

    it('is added at its lower cap on the separate request', () => {
      const result = computeRequestedAmount(MODEL, [withExtension], ON, {
        bridgingExtensionRequested: true,
      });
      expect(result).toMatchObject({
        ok: true,
        value: { grant: 2_000_000, bridging: 1_200_000 + 900_000, total: 4_100_000 },
      });
    });

    it('stays within the extension caps and follows a full base period', () => {
      const result = computeRequestedAmount(
        MODEL,
        [
          {
            workingTime: '1',
            grant: 2_000_000,
            bridging: { months: 3, monthlyAmount: 200_000 },
            bridgingExtension: { months: 7, monthlyAmount: 150_001 },
          },
        ],
        ON,
        { bridgingExtensionRequested: true },
      );
      expect(result).toEqual({
        ok: false,
        problems: [
          { path: 'jobs[0].bridgingExtension', code: 'bridgingExtensionBeforeBaseExhausted' },
          { path: 'jobs[0].bridgingExtension.months', code: 'bridgingMonthsAboveCap' },
          {
            path: 'jobs[0].bridgingExtension.monthlyAmount',
            code: 'bridgingMonthlyAmountAboveCap',
          },
        ],
      });
    });
  });

  it('applies the ¼ working time rule in this model too', () => {
    expect(computeRequestedAmount(MODEL, [{ workingTime: '1/4', grant: 1_000_000 }], ON)).toEqual({
      ok: false,
      problems: [{ path: 'jobs[0].workingTime', code: 'quarterTimeRequiresSevereDisability' }],
    });
  });
});
