/**
 * Typed test-data builders for the applications forms: a complete, valid initiative group and
 * a complete, valid grant application for a call serving OWES Płock's counties, each to be
 * changed by the test at hand. Used by the unit and end-to-end tests.
 *
 * The types are the forms' DTO classes as plain data (what a client sends), so a builder and the
 * API cannot drift apart: a renamed or retyped field breaks the build here. Overrides are deep
 * partials of them; a test that needs a value the form forbids says so with a cast.
 */
import type {
  ApplicantDto,
  ApplicationFormDto,
  JobDto,
} from '../src/applications/application-form.dto.js';
import type {
  GroupMemberDto,
  InitiativeGroupFormDto,
} from '../src/initiative-groups/initiative-group.dto.js';

/** A DTO class as plain data: the same fields, as an object literal type. */
export type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;

/** What a test may change in what a builder makes: any field, at any depth. */
export type Overrides<T> = T extends readonly (infer U)[]
  ? Overrides<U>[]
  : T extends object
    ? { [K in keyof T]?: Overrides<T[K]> }
    : T;

/**
 * `base` with `overrides` laid over it, one level deep (a nested override replaces the whole
 * nested value, as a spread would): typed as the base, the builders' convention.
 */
function build<T extends object>(base: T, overrides: Overrides<T>): T {
  return { ...base, ...overrides } as T;
}

export type ApplicationFormInput = Plain<ApplicationFormDto>;
export type ApplicantInput = Plain<ApplicantDto>;
export type JobInput = Plain<JobDto>;
export type GroupFormInput = Plain<InitiativeGroupFormDto>;
export type GroupMemberInput = Plain<GroupMemberDto>;

/** Valid PESELs of adults (born 1944–2002). */
export const PESELS = [
  '44051401359',
  '85031201233',
  '90071504563',
  '78112307894',
  '02221003455',
  '95122405675',
  '88010112346',
];
/** A valid PESEL of someone born on 2010-03-15. */
export const MINOR_PESEL = '10231500002';

export const PLOCK_COUNTIES = ['1462', '1419', '1427', '1404'];

export const VALID_NIP = '8567346215';
export const VALID_REGON = '123456785';
export const VALID_KRS = '0000123456';

export function naturalMember(
  i: number,
  overrides: Overrides<GroupMemberInput> = {},
): GroupMemberInput {
  return build<GroupMemberInput>(
    {
      kind: 'natural',
      fullName: `Osoba Testowa ${i + 1}`,
      pesel: PESELS[i % PESELS.length],
      email: `osoba${i + 1}@example.pl`,
      phone: '+48 600 100 200',
      county: PLOCK_COUNTIES[i % PLOCK_COUNTIES.length],
      eligibility: { status: 'long-term-unemployed', proofKind: 'labour-office-certificate' },
      consent: true,
    },
    overrides,
  );
}

export function legalMember(overrides: Overrides<GroupMemberInput> = {}): GroupMemberInput {
  return build<GroupMemberInput>(
    {
      kind: 'legal',
      name: 'Stowarzyszenie Razem',
      krs: VALID_KRS,
      nip: VALID_NIP,
      regon: VALID_REGON,
      county: '1462',
    },
    overrides,
  );
}

export function groupForm(overrides: Overrides<GroupFormInput> = {}): GroupFormInput {
  return build<GroupFormInput>(
    {
      name: 'Grupa inicjatywna „Zielony Płock”',
      plannedLegalForm: 'social-cooperative',
      businessIdea: 'Catering dla szkół i przedszkoli oparty na lokalnych produktach.',
      plannedJobs: 3,
      members: [naturalMember(0), naturalMember(1), naturalMember(2)],
    },
    overrides,
  );
}

export function job(i: number, overrides: Overrides<JobInput> = {}): JobInput {
  return build<JobInput>(
    {
      position: `Stanowisko ${i + 1}`,
      workingTime: '1',
      plannedStart: '2027-02-01',
      person: {
        fullName: `Pracownik ${i + 1}`,
        pesel: PESELS[(i + 3) % PESELS.length],
        county: '1462',
        eligibility: { status: 'unemployed', proofKind: 'labour-office-certificate' },
      },
    },
    overrides,
  );
}

const LONG = 'Szczegółowy opis tej części biznesplanu, wystarczająco długi do oceny.';

/**
 * A complete application of an existing social enterprise with `jobs` full-time jobs; the budget
 * adds up to `creationPerJob` × jobs (the unit creation rate PLN 35,212 by default).
 */
export function applicationForm(
  jobs = 2,
  overrides: Overrides<ApplicationFormInput> = {},
  creationPerJob = 3_521_200,
): ApplicationFormInput {
  const creation = creationPerJob * jobs;
  return build<ApplicationFormInput>(
    {
      applicant: {
        kind: 'social-enterprise',
        name: 'Spółdzielnia Socjalna „Smaki Mazowsza”',
        legalForm: 'social-cooperative',
        county: '1462',
        address: 'ul. Tumska 1, 09-400 Płock',
        nip: VALID_NIP,
        regon: VALID_REGON,
        krs: VALID_KRS,
      },
      employment: { headcountBefore: 5, headcountAfter: 5 + jobs },
      jobs: Array.from({ length: jobs }, (_, i) => job(i)),
      budget: [
        { category: 'equipment', description: 'Wyposażenie kuchni', amount: creation - 1_000_000 },
        { category: 'premises-adaptation', description: 'Adaptacja lokalu', amount: 1_000_000 },
      ],
      businessPlan: {
        summary: LONG,
        market: LONG,
        marketing: LONG,
        organisation: LONG,
        finances: LONG,
        socialImpact: LONG,
      },
      deMinimis: { received: false, items: [] },
      declarations: {
        truthful: true,
        noDoubleFunding: true,
        noPublicLevies: true,
        deMinimisComplete: true,
        personalDataConsent: true,
      },
    },
    overrides,
  );
}
