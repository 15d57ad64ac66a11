import { countyInWords, isValidTeryt } from './common.js';
import { eligibilityProblems } from './eligibility.js';
import { field, list, text, type Problem } from './problems.js';
import { LEGAL_FORMS } from '@app/common/reference/form-codes.js';
export { LEGAL_FORMS };

export type LegalForm = (typeof LEGAL_FORMS)[number];

export const GROUP_STATES = ['draft', 'submitted', 'qualified', 'rejected'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

export const MEMBER_KINDS = ['natural', 'legal'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

const NATURAL_ONLY = ['fullName', 'pesel', 'email', 'phone', 'eligibility', 'consent'] as const;
const LEGAL_ONLY = ['name', 'krs', 'nip', 'regon'] as const;

export interface GroupRules {
  /** Most groups: at least this many natural persons (3 by default, a setting)… */
  minNaturalPersons: number;
  /** …or at least this many legal persons (2 by default). */
  minLegalPersons: number;
  /** TERYT codes of the counties the centre serves; empty when not known. */
  centreCounties: readonly string[];
}

/** A social cooperative is founded by ≥ 3 natural or ≥ 2 legal persons (statutory, not a setting). */
export const SOCIAL_COOPERATIVE_FOUNDERS = { natural: 3, legal: 2 } as const;

export interface GroupComposition {
  naturalPersons: number;
  legalPersons: number;
  /** Distinct counties of the members, in first-seen order. */
  counties: string[];
}

export function groupComposition(form: unknown): GroupComposition {
  const members = list(field(form, 'members'));
  const counties: string[] = [];
  for (const m of members) {
    const county = text(field(m, 'county'));
    if (county && !counties.includes(county)) counties.push(county);
  }
  return {
    naturalPersons: members.filter((m) => field(m, 'kind') === 'natural').length,
    legalPersons: members.filter((m) => field(m, 'kind') === 'legal').length,
    counties,
  };
}

/** Founder rules for the planned legal form; problems at `members`. */
export function founderProblems(
  form: unknown,
  rules: Pick<GroupRules, 'minNaturalPersons' | 'minLegalPersons'>,
): Problem[] {
  const { naturalPersons: natural, legalPersons: legal } = groupComposition(form);
  if (field(form, 'plannedLegalForm') === 'social-cooperative') {
    return natural >= SOCIAL_COOPERATIVE_FOUNDERS.natural ||
      legal >= SOCIAL_COOPERATIVE_FOUNDERS.legal
      ? []
      : [{ path: 'members', code: 'foundersSocialCooperative', params: { natural, legal } }];
  }
  return natural >= rules.minNaturalPersons || legal >= rules.minLegalPersons
    ? []
    : [
        {
          path: 'members',
          code: 'foundersGeneral',
          params: {
            natural,
            legal,
            minNatural: rules.minNaturalPersons,
            minLegal: rules.minLegalPersons,
          },
        },
      ];
}

/**
 * A county code that exists and lies in the given area; problems at `path`. A county outside
 * is named in words (`countyName`, `countyNameEn`: 'powiat płocki (woj. mazowieckie)'), the
 * code kept in `county`; `params` adds what else the message names.
 */
export function countyProblems(
  county: unknown,
  path: string,
  area: readonly string[],
  outside: 'countyOutsideCentre' | 'countyOutsideCall',
  params: Readonly<Record<string, string>> = {},
): Problem[] {
  if (typeof county !== 'string') return [];
  if (!isValidTeryt(county)) return [{ path, code: 'unknownCounty' }];
  if (area.length > 0 && !area.includes(county)) {
    const countyName = countyInWords(county, 'pl') ?? county;
    const countyNameEn = countyInWords(county, 'en') ?? county;
    return [{ path, code: outside, params: { county, countyName, countyNameEn, ...params } }];
  }
  return [];
}

/** A member as messages name them: the full name or the entity's name, else the position. */
function memberNamed(member: unknown, i: number): { member: string; memberEn: string } {
  const name = text(
    field(member, 'kind') === 'legal' ? field(member, 'name') : field(member, 'fullName'),
  )?.trim();
  return name
    ? { member: name, memberEn: name }
    : { member: `nr ${i + 1}`, memberEn: `no. ${i + 1}` };
}

/** Reports the second and later occurrences of the same value (e.g. one PESEL twice). */
export function duplicateProblems(
  entries: { path: string; value: unknown }[],
  code: 'duplicatePesel' | 'duplicateIdentifier',
  normalize: (v: string) => string = (v) => v,
): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { path, value } of entries) {
    if (typeof value !== 'string' || value === '') continue;
    const key = normalize(value);
    const first = seen.get(key);
    if (first) problems.push({ path, code, params: { other: first } });
    else seen.set(key, path);
  }
  return problems;
}

const digitsOnly = (v: string) => v.replace(/\D/g, '');

/**
 * Every rule of a submitted initiative group beyond the field types
 * (docs/product.md#initiative-groups): founders for the planned legal form, members' counties
 * inside the centre's area, consent of every natural person, proof that fits each eligibility
 * status, no person or entity twice, and only the fields of each member's kind.
 */
export function groupProblems(form: unknown, rules: GroupRules): Problem[] {
  const problems: Problem[] = [...founderProblems(form, rules)];
  const members = list(field(form, 'members'));
  if (rules.centreCounties.length === 0 && members.length > 0) {
    problems.push({ path: 'members', code: 'centreAreaUnknown' });
  }
  members.forEach((member, i) => {
    const at = `members[${i}]`;
    const kind = field(member, 'kind');
    problems.push(
      ...countyProblems(
        field(member, 'county'),
        `${at}.county`,
        rules.centreCounties,
        'countyOutsideCentre',
        memberNamed(member, i),
      ),
    );
    if (kind === 'natural') {
      if (field(member, 'consent') !== true)
        problems.push({ path: `${at}.consent`, code: 'notTrue' });
      problems.push(...eligibilityProblems(field(member, 'eligibility'), `${at}.eligibility`));
      for (const key of LEGAL_ONLY) {
        if (field(member, key) !== undefined)
          problems.push({ path: `${at}.${key}`, code: 'notLegalPersonField' });
      }
    } else if (kind === 'legal') {
      for (const key of NATURAL_ONLY) {
        if (field(member, key) !== undefined)
          problems.push({ path: `${at}.${key}`, code: 'notNaturalPersonField' });
      }
    }
  });
  const entries = (key: string, kind: string) =>
    members
      .map((m, i) => ({
        path: `members[${i}].${key}`,
        value: field(m, key),
        kind: field(m, 'kind'),
      }))
      .filter((e) => e.kind === kind);
  problems.push(...duplicateProblems(entries('pesel', 'natural'), 'duplicatePesel'));
  for (const key of ['krs', 'nip', 'regon']) {
    problems.push(...duplicateProblems(entries(key, 'legal'), 'duplicateIdentifier', digitsOnly));
  }
  return problems;
}
