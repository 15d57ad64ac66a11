import { MINOR_PESEL, applicationForm, job } from '../../test/form-fixtures.js';
import type { FundingModel } from './common.js';
import { checkApplication, type ApplicationContext } from './grant-application.js';
import type { LegalForm } from './initiative-group.js';

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
const base: ApplicationContext = {
  call: {
    counties: ['1462', '1419', '1427', '1404'],
    maxJobsPerEntity: 10,
    fundingModel: unitRates,
  },
  onDate: '2026-12-02',
  firstSubmissionDate: '2026-12-02',
};
const codes = (form: unknown, ctx: ApplicationContext = base) =>
  checkApplication(form, ctx).problems.map((p) => `${p.path}:${p.code}`);

describe('net new jobs: an existing enterprise’s headcount must grow', () => {
  it('accepts growth by exactly the number of jobs', () => {
    expect(
      codes(applicationForm(2, { employment: { headcountBefore: 5, headcountAfter: 7 } })),
    ).toEqual([]);
  });

  it('refuses jobs that only replace people who left', () => {
    const problems = checkApplication(
      applicationForm(2, { employment: { headcountBefore: 5, headcountAfter: 6 } }),
      base,
    ).problems;
    expect(problems).toEqual([
      {
        path: 'employment.headcountAfter',
        code: 'headcountMustGrow',
        params: { jobs: 2, before: 5, expected: 7 },
      },
    ]);
  });

  it('requires the headcount from a PS or PES but not from a group founding a new enterprise', () => {
    expect(codes(applicationForm(1, { employment: undefined }))).toEqual([
      'employment:headcountRequired',
    ]);
    const group = applicationForm(1, {
      employment: undefined,
      applicant: {
        kind: 'initiative-group',
        groupId: '7f1c0d52-3d0b-4d8e-9a57-3e1f0a6d2b11',
        name: 'Nowa Spółdzielnia',
        legalForm: 'social-cooperative',
        county: '1462',
        address: 'ul. Długa 5, Płock',
      },
    });
    expect(
      codes(group, {
        ...base,
        group: { state: 'qualified', plannedLegalForm: 'social-cooperative' },
      }),
    ).toEqual([]);
  });
});

describe('who applies', () => {
  const groupApplicant = (groupId?: string, legalForm: LegalForm = 'social-cooperative') =>
    applicationForm(1, {
      employment: undefined,
      applicant: {
        kind: 'initiative-group',
        ...(groupId ? { groupId } : {}),
        name: 'Nowa Spółdzielnia',
        legalForm,
        county: '1462',
        address: 'ul. Długa 5, Płock',
      },
    });
  const id = '7f1c0d52-3d0b-4d8e-9a57-3e1f0a6d2b11';

  it('a group must name its group, which must be qualified and its own, with the legal form it declared', () => {
    expect(codes(groupApplicant())).toEqual(['applicant.groupId:groupRequired']);
    expect(codes(groupApplicant(id), { ...base, group: null })).toEqual([
      'applicant.groupId:groupNotQualified',
    ]);
    expect(
      codes(groupApplicant(id), {
        ...base,
        group: { state: 'submitted', plannedLegalForm: 'social-cooperative' },
      }),
    ).toEqual(['applicant.groupId:groupNotQualified']);
    expect(
      codes(groupApplicant(id, 'foundation'), {
        ...base,
        group: { state: 'qualified', plannedLegalForm: 'social-cooperative' },
      }),
    ).toEqual(['applicant.legalForm:legalFormMismatch']);
  });

  it('a PES must commit to obtain PS status; an existing entity gives NIP and REGON and no group', () => {
    const form = applicationForm(1);
    form.applicant = {
      ...(form.applicant as object),
      kind: 'social-economy-entity',
      nip: undefined,
      groupId: id,
    } as typeof form.applicant;
    expect(codes(form)).toEqual([
      'applicant.groupId:groupNotAllowed',
      'applicant.nip:required',
      'applicant.psStatusCommitment:psCommitmentRequired',
    ]);
    form.applicant = {
      ...(form.applicant as object),
      nip: '8567346215',
      groupId: undefined,
      psStatusCommitment: true,
    } as typeof form.applicant;
    expect(codes(form)).toEqual([]);
  });

  it('the seat and every employee must be in the call’s counties', () => {
    const form = applicationForm(2);
    (form.applicant as any).county = '1465';
    (form.jobs as any[])[1].person.county = '1401';
    expect(codes(form)).toEqual([
      'applicant.county:countyOutsideCall',
      'jobs[1].person.county:countyOutsideCall',
    ]);
  });
});

describe('jobs and the people employed', () => {
  it('refuses a start before the first submission day, a minor, and the same person twice', () => {
    const form = applicationForm(3);
    (form.jobs as any[])[0].plannedStart = '2026-12-01';
    (form.jobs as any[])[1].person.pesel = MINOR_PESEL;
    (form.jobs as any[])[2].person.pesel = (form.jobs as any[])[0].person.pesel;
    expect(codes(form)).toEqual([
      'jobs[0].plannedStart:startBeforeSubmission',
      'jobs[1].person.pesel:personUnderage',
      'jobs[2].person.pesel:duplicatePesel',
    ]);
  });

  it('counts the start from the first submission, so a correction later does not move it', () => {
    const form = applicationForm(1);
    (form.jobs as any[])[0].plannedStart = '2026-12-03';
    expect(
      codes(form, { ...base, onDate: '2026-12-02', firstSubmissionDate: '2026-12-02' }),
    ).toEqual([]);
    expect(codes(form, { ...base, firstSubmissionDate: '2026-12-04' })).toEqual([
      'jobs[0].plannedStart:startBeforeSubmission',
    ]);
  });

  it('refuses an impossible date and a proof that does not fit', () => {
    const form = applicationForm(1);
    form.jobs = [job(0, { plannedStart: '2027-02-30' })];
    (form.jobs as any[])[0].person.eligibility = {
      status: 'unemployed',
      proofKind: 'disability-certificate',
    };
    expect(codes(form)).toEqual([
      'jobs[0].person.eligibility.proofKind:proofNotAccepted',
      'jobs[0].plannedStart:invalidDate',
    ]);
  });
});

describe('de minimis aid and declarations', () => {
  it('lists the aid received in the last 3 years, and only then', () => {
    expect(codes(applicationForm(1, { deMinimis: { received: true, items: [] } }))).toEqual([
      'deMinimis.items:deMinimisItemsRequired',
    ]);
    const item = { grantor: 'Urząd Miasta Płocka', grantedOn: '2025-05-01', amount: 500_000 };
    expect(codes(applicationForm(1, { deMinimis: { received: false, items: [item] } }))).toEqual([
      'deMinimis.items:deMinimisItemsUnexpected',
    ]);
    expect(codes(applicationForm(1, { deMinimis: { received: true, items: [item] } }))).toEqual([]);
  });

  it('refuses aid dated outside the 3-year window (and in the future)', () => {
    const items = [
      { grantor: 'A', grantedOn: '2023-12-02', amount: 1 },
      { grantor: 'B', grantedOn: '2023-12-01', amount: 1 },
      { grantor: 'C', grantedOn: '2026-12-03', amount: 1 },
    ];
    const problems = checkApplication(
      applicationForm(1, { deMinimis: { received: true, items } }),
      base,
    ).problems;
    expect(problems).toEqual([
      {
        path: 'deMinimis.items[1].grantedOn',
        code: 'deMinimisOutsideWindow',
        params: { from: '2023-12-02', to: '2026-12-02' },
      },
      {
        path: 'deMinimis.items[2].grantedOn',
        code: 'deMinimisOutsideWindow',
        params: { from: '2023-12-02', to: '2026-12-02' },
      },
    ]);
  });

  it('requires every declaration to be made', () => {
    const form = applicationForm(1);
    form.declarations = {
      truthful: true,
      noDoubleFunding: false,
      noPublicLevies: true,
      deMinimisComplete: true,
    } as typeof form.declarations;
    expect(codes(form)).toEqual([
      'declarations.noDoubleFunding:notTrue',
      'declarations.personalDataConsent:notTrue',
    ]);
  });
});
