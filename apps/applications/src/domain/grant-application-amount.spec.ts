import { applicationForm, job } from '../../test/form-fixtures.js';
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
const grantBridging: FundingModel = {
  kind: 'grant-bridging',
  grantCapPerJob: 2_102_000,
  bridging: { monthlyCap: 200_000, months: 6, extensionMonths: 6, extensionMonthlyCap: 150_000 },
};
const ctx = (
  fundingModel: FundingModel = unitRates,
  maxJobsPerEntity = 10,
): ApplicationContext => ({
  call: { counties: ['1462', '1419', '1427', '1404'], maxJobsPerEntity, fundingModel },
  onDate: '2026-12-02',
  firstSubmissionDate: '2026-12-02',
});
const codes = (form: unknown, c = ctx()) =>
  checkApplication(form, c).problems.map((p) => `${p.path}:${p.code}`);

describe('the amount requested follows the call’s funding model (unit rates)', () => {
  it('computes creation plus maintenance per working time; the budget matches the creation part', () => {
    const form = applicationForm(3);
    (form.jobs as any[])[1].workingTime = '3/4';
    (form.jobs as any[])[2].workingTime = '1/2';
    const result = checkApplication(form, ctx());
    expect(result.problems).toEqual([]);
    expect(result.amount).toMatchObject({
      kind: 'unit-rates',
      creation: 3 * 3_521_200,
      maintenance: 3_817_800 + 2_863_400 + 1_908_900,
      total: 3 * 3_521_200 + 3_817_800 + 2_863_400 + 1_908_900,
    });
  });

  it('refuses a budget that misses the creation part by one grosz, showing both sums in PLN', () => {
    const form = applicationForm(2);
    (form.budget as any[])[1].amount += 1;
    const problems = checkApplication(form, ctx()).problems;
    expect(problems).toEqual([
      {
        path: 'budget',
        code: 'budgetSumMismatch',
        params: { expected: '70\u00a0424,00\u00a0zł', actual: '70\u00a0424,01\u00a0zł' },
      },
    ]);
  });

  it('allows ¼ time only for a severe or multiple disability (paid at the ½ rate)', () => {
    const quarter = (eligibility: Record<string, unknown>) =>
      job(0, {
        workingTime: '1/4',
        person: { fullName: 'Jan Nowak', pesel: '85031201233', county: '1462', eligibility },
      });
    const disabled = { status: 'disability', proofKind: 'disability-certificate' } as const;
    const form = applicationForm(4, {}, 3_521_200);
    form.jobs = [
      quarter({ ...disabled, disabilityDegree: 'severe' }),
      {
        ...quarter({ ...disabled, disabilityDegree: 'moderate', multipleDisability: true }),
        person: {
          ...quarter({}).person,
          pesel: '90071504563',
          eligibility: { ...disabled, disabilityDegree: 'moderate', multipleDisability: true },
        },
      },
      {
        ...quarter({}),
        person: {
          fullName: 'Anna Nowak',
          pesel: '78112307894',
          county: '1462',
          eligibility: { ...disabled, disabilityDegree: 'moderate' },
        },
      },
      {
        ...quarter({}),
        person: {
          fullName: 'Ewa Nowak',
          pesel: '95122405675',
          county: '1462',
          eligibility: { status: 'unemployed', proofKind: 'labour-office-certificate' },
        },
      },
    ];
    expect(codes(form)).toEqual([
      'jobs[2].workingTime:quarterTimeRequiresSevereDisability',
      'jobs[3].workingTime:quarterTimeRequiresSevereDisability',
    ]);
    form.jobs = (form.jobs as any[]).slice(0, 2);
    (form.employment as any).headcountAfter = 7;
    (form.budget as any[])[0].amount = 2 * 3_521_200 - 1_000_000;
    const result = checkApplication(form, ctx());
    expect(result.problems).toEqual([]);
    expect(result.amount).toMatchObject({ maintenance: 2 * 1_908_900 });
  });

  it('refuses more jobs than the call’s maximum per entity', () => {
    const form = applicationForm(3);
    expect(codes(form, ctx(unitRates, 2))).toContain('jobs:tooManyJobs');
    expect(
      checkApplication(form, ctx(unitRates, 2)).problems.find((p) => p.code === 'tooManyJobs')
        ?.params,
    ).toEqual({ max: 2 });
  });

  it('requires at least one job and a budget', () => {
    expect(
      codes(
        applicationForm(0, { employment: { headcountBefore: 1, headcountAfter: 1 }, budget: [] }),
      ),
    ).toEqual(['jobs:atLeastOneJobRequired', 'budget:budgetRequired']);
  });

  it('refuses grant-bridging fields in a unit-rate call', () => {
    const form = applicationForm(1);
    (form.jobs as any[])[0].grant = 100;
    expect(codes(form)).toEqual(['jobs[0].grant:notInFundingModel']);
  });
});

describe('the amount requested follows the call’s funding model (grant plus bridging support)', () => {
  it('sums grants and bridging; the budget matches the grants', () => {
    const form = applicationForm(2, {}, 2_000_000);
    form.jobs = (form.jobs as any[]).map((j) => ({
      ...j,
      grant: 2_000_000,
      bridging: { months: 6, monthlyAmount: 200_000 },
    }));
    const result = checkApplication(form, ctx(grantBridging));
    expect(result.problems).toEqual([]);
    expect(result.amount).toMatchObject({
      kind: 'grant-bridging',
      grant: 4_000_000,
      bridging: 2_400_000,
      total: 6_400_000,
    });
  });

  it('refuses a grant above the cap and an extension without the separate request', () => {
    const form = applicationForm(1, {}, 2_200_000);
    form.jobs = [
      {
        ...job(0),
        grant: 2_200_000,
        bridging: { months: 6, monthlyAmount: 200_000 },
        bridgingExtension: { months: 3, monthlyAmount: 100_000 },
      },
    ];
    expect(codes(form, ctx(grantBridging))).toEqual([
      'jobs[0].grant:grantAboveCap',
      'jobs[0].bridgingExtension:bridgingExtensionNotRequested',
    ]);
  });

  it('reports a broken funding model of the call once, not per job', () => {
    const broken = { kind: 'unit-rates', rates: [] } as unknown as FundingModel;
    expect(codes(applicationForm(2), ctx(broken))).toEqual(['jobs:callFundingModelInvalid']);
  });
});
