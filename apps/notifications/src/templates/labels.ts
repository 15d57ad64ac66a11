import type { CountForms, EventPayload, Lang } from '@app/common';

/** The enumerations messages name in words, as the event contracts define them. */
export type LegalForm = EventPayload<'applications.group.submitted'>['plannedLegalForm'];
export type EvaluationRound = EventPayload<'grants.evaluation.assigned'>['round'];
export type Security = EventPayload<'grants.agreement.signed'>['security'];
export type PaymentKind = EventPayload<'grants.payment.made'>['kind'];
export type GivenUpBy = EventPayload<'grants.award.given-up'>['by'];

/** The words for every value of an enumeration, in both languages. */
type Words<Value extends string> = Record<Lang, Record<Value, string>>;

/**
 * Words for the enumerations events carry (`{{label "security" security}}` in a template), in the
 * terms of the glossary (docs/product.md#glossary). A value the contract adds without words here
 * does not compile; an unknown value is an error at render time, never a raw code in a message.
 */
export const LABELS: {
  legalForm: Words<LegalForm>;
  round: Words<EvaluationRound>;
  security: Words<Security>;
  paymentKind: Words<PaymentKind>;
  givenUpBy: Words<GivenUpBy>;
} = {
  legalForm: {
    pl: {
      'social-cooperative': 'spółdzielnia socjalna',
      foundation: 'fundacja',
      association: 'stowarzyszenie',
      'non-profit-company': 'spółka non-profit',
      'work-cooperative': 'spółdzielnia pracy',
    },
    en: {
      'social-cooperative': 'social cooperative',
      foundation: 'foundation',
      association: 'association',
      'non-profit-company': 'non-profit company',
      'work-cooperative': 'work cooperative',
    },
  },
  round: {
    pl: {
      first: 'ocena pierwszych dwóch oceniających',
      third: 'ocena trzeciego oceniającego',
      appeal: 'ponowna ocena po odwołaniu',
    },
    en: {
      first: 'first evaluation (two evaluators)',
      third: 'third evaluator',
      appeal: 're-evaluation after an appeal',
    },
  },
  security: {
    pl: {
      'blank-promissory-note': 'weksel in blanco wraz z deklaracją wekslową',
      aval: 'poręczenie wekslowe (awal)',
      guarantors: 'poręczenie (poręczyciele)',
    },
    en: {
      'blank-promissory-note': 'blank promissory note with its declaration',
      aval: 'aval (bill guarantee)',
      guarantors: 'guarantors',
    },
  },
  paymentKind: {
    pl: { tranche: 'transza wsparcia finansowego', bridging: 'wsparcie pomostowe' },
    en: { tranche: 'grant tranche', bridging: 'bridging support' },
  },
  givenUpBy: {
    pl: { applicant: 'wnioskodawca', operator: 'operator OWES w imieniu wnioskodawcy' },
    en: { applicant: 'the applicant', operator: "an OWES operator on the applicant's behalf" },
  },
};

/** Count words used in messages beside DAYS and WORKING_DAYS (libs/common/i18n). */
export const JOBS: CountForms = {
  pl: { one: 'miejsce pracy', few: 'miejsca pracy', many: 'miejsc pracy' },
  en: { one: 'job', other: 'jobs' },
};

export const PERSONS: CountForms = {
  pl: { one: 'osoba', few: 'osoby', many: 'osób' },
  en: { one: 'person', other: 'persons' },
};

export const ENTITIES: CountForms = {
  pl: { one: 'podmiot', few: 'podmioty', many: 'podmiotów' },
  en: { one: 'legal person', other: 'legal persons' },
};

export const MONTHS: CountForms = {
  pl: { one: 'miesiąc', few: 'miesiące', many: 'miesięcy' },
  en: { one: 'month', other: 'months' },
};

export const COUNTS = {
  jobs: JOBS,
  persons: PERSONS,
  entities: ENTITIES,
  months: MONTHS,
} as const;
