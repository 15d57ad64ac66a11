import { applicationForm } from '../../test/form-fixtures.js';
import type { FundingModel } from './common.js';
import { checkApplication, type ApplicationContext } from './grant-application.js';

const unitRates: FundingModel = {
  kind: 'unit-rates',
  rates: [
    {
      validFrom: '2024-03-01',
      creation: 3_521_200,
      maintenance: { full: 3_817_800, threeQuarters: 2_863_400, half: 1_908_900 },
    },
  ],
};
const ctx = (exchangeRates?: ApplicationContext['exchangeRates']): ApplicationContext => ({
  call: {
    counties: ['1462', '1419', '1427', '1404'],
    maxJobsPerEntity: 10,
    fundingModel: unitRates,
  },
  onDate: '2026-12-02',
  firstSubmissionDate: '2026-12-02',
  exchangeRates,
});
const RATES = [
  { validFrom: '2025-05-20', plnPerEur: '4.2497' },
  { validFrom: '2026-12-01', plnPerEur: '4.2000' },
];
const withAid = (amount: number, grantedOn = '2025-05-20') =>
  applicationForm(3, {
    deMinimis: { received: true, items: [{ grantor: 'Gmina Płock', grantedOn, amount }] },
  });
const ceiling = (form: unknown, c: ApplicationContext) =>
  checkApplication(form, c).problems.filter((p) => p.code === 'deMinimisCeilingExceeded');

describe('the de minimis ceiling on the application form', () => {
  it('refuses aid that with the earlier aid passes EUR 300,000, with what is left in EUR and PLN', () => {
    expect(ceiling(withAid(120_000_000), ctx(RATES))).toEqual([
      {
        path: 'deMinimis',
        code: 'deMinimisCeilingExceeded',
        params: expect.objectContaining({
          from: '2023-12-03',
          to: '2026-12-02',
          left: expect.stringMatching(/^17\s627,13\s€$/),
          leftPln: expect.stringMatching(/^74\s033,94\szł$/),
        }),
      },
    ]);
  });

  it('accepts it while the earlier aid leaves room', () => {
    expect(ceiling(withAid(100_000_000), ctx(RATES))).toEqual([]);
  });

  it('does not count aid granted before the three years', () => {
    expect(
      ceiling(
        withAid(120_000_000, '2023-12-02'),
        ctx([{ validFrom: '2023-12-01', plnPerEur: '4.3000' }, ...RATES]),
      ),
    ).toEqual([]);
  });

  it('leaves the check to the agreement when the centre’s table lacks a rate (the applicant cannot mend it)', () => {
    expect(ceiling(withAid(120_000_000), ctx([RATES[0]!]))).toEqual([]);
    expect(ceiling(withAid(120_000_000), ctx(undefined))).toEqual([]);
  });
});
