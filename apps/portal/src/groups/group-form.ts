/**
 * The initiative group form as the portal's pages post it (flat fields, one set per member row:
 * `m-<key>-<field>`, so rows can be added and removed without JavaScript) and as the API keeps
 * it (`InitiativeGroupFormDto` of apps/applications: `members[]` with `kind`, nested
 * `eligibility`). Plain functions: the controller translates, these convert.
 */

import {
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  LEGAL_FORMS,
  PROOF_KINDS,
} from '@app/common/reference/form-codes.js';

// The form's code lists, shared with the applications service (libs/common/src/reference).
export { DISABILITY_DEGREES, ELIGIBILITY_STATUSES, LEGAL_FORMS, PROOF_KINDS };

export const NATURAL_FIELDS = ['fullName', 'pesel', 'email', 'phone', 'county'] as const;
export const ELIGIBILITY_FIELDS = ['status', 'proofKind', 'disabilityDegree'] as const;
export const LEGAL_FIELDS = ['name', 'krs', 'nip', 'regon', 'county'] as const;

export type Kind = 'natural' | 'legal';

/** One member row of the page: its key (stable while the page lives) and its text values. */
export interface MemberRow {
  key: number;
  kind: Kind;
  values: Record<string, string>;
  consent: boolean;
}

/** The group's own fields and its member rows, as the page shows them. */
export interface GroupPage {
  name: string;
  plannedLegalForm: string;
  plannedJobs: string;
  businessIdea: string;
  rows: MemberRow[];
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** The page's values from a posted body. */
export function pageFromBody(body: Record<string, unknown>): GroupPage {
  const keys = new Set<number>();
  for (const name of Object.keys(body)) {
    const m = /^m-(\d{1,4})-kind$/.exec(name);
    if (m) keys.add(Number(m[1]));
  }
  const rows: MemberRow[] = [...keys]
    .sort((a, b) => a - b)
    .map((key) => {
      const kind: Kind = body[`m-${key}-kind`] === 'legal' ? 'legal' : 'natural';
      const fields =
        kind === 'natural' ? [...NATURAL_FIELDS, ...ELIGIBILITY_FIELDS] : [...LEGAL_FIELDS];
      const values: Record<string, string> = {};
      for (const f of fields) values[f] = str(body[`m-${key}-${f}`]).trim();
      return { key, kind, values, consent: body[`m-${key}-consent`] === 'yes' };
    });
  return {
    name: str(body.name).trim(),
    plannedLegalForm: str(body.plannedLegalForm),
    plannedJobs: str(body.plannedJobs).trim(),
    businessIdea: str(body.businessIdea).replace(/\r\n/g, '\n').trim(),
    rows,
  };
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The page's values from the form the API keeps (row keys: the members' positions). */
export function pageFromForm(form: unknown): GroupPage {
  const f = obj(form);
  const members = Array.isArray(f.members) ? f.members : [];
  return {
    name: str(f.name),
    plannedLegalForm: str(f.plannedLegalForm),
    plannedJobs: str(f.plannedJobs),
    businessIdea: str(f.businessIdea),
    rows: members.map((raw, key) => {
      const m = obj(raw);
      const kind: Kind = m.kind === 'legal' ? 'legal' : 'natural';
      const values: Record<string, string> = {};
      if (kind === 'natural') {
        for (const field of NATURAL_FIELDS) values[field] = str(m[field]);
        const e = obj(m.eligibility);
        for (const field of ELIGIBILITY_FIELDS) values[field] = str(e[field]);
      } else {
        for (const field of LEGAL_FIELDS) values[field] = str(m[field]);
      }
      return { key, kind, values, consent: m.consent === true };
    }),
  };
}

/** A blank row of `kind` after the existing ones. */
export function addRow(page: GroupPage, kind: Kind): MemberRow {
  const key = page.rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;
  const fields = kind === 'natural' ? [...NATURAL_FIELDS, ...ELIGIBILITY_FIELDS] : LEGAL_FIELDS;
  const row: MemberRow = {
    key,
    kind,
    values: Object.fromEntries(fields.map((f) => [f, ''])),
    consent: false,
  };
  page.rows.push(row);
  return row;
}

/**
 * The form for the API: empty fields left out (a draft may be partial, and an empty string is
 * not a value), the number of jobs as a number when it is one (else as typed, for the API to
 * name the problem).
 */
export function formFromPage(page: GroupPage): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  if (page.name) form.name = page.name;
  if (page.plannedLegalForm) form.plannedLegalForm = page.plannedLegalForm;
  if (page.plannedJobs) {
    form.plannedJobs = /^\d{1,6}$/.test(page.plannedJobs)
      ? Number(page.plannedJobs)
      : page.plannedJobs;
  }
  if (page.businessIdea) form.businessIdea = page.businessIdea;
  form.members = page.rows.map((row) => {
    const member: Record<string, unknown> = { kind: row.kind };
    if (row.kind === 'natural') {
      for (const f of NATURAL_FIELDS) if (row.values[f]) member[f] = row.values[f];
      const eligibility: Record<string, unknown> = {};
      for (const f of ELIGIBILITY_FIELDS) if (row.values[f]) eligibility[f] = row.values[f];
      if (Object.keys(eligibility).length > 0) member.eligibility = eligibility;
      member.consent = row.consent;
    } else {
      for (const f of LEGAL_FIELDS) if (row.values[f]) member[f] = row.values[f];
    }
    return member;
  });
  return form;
}

/** The id of the page's field an API problem path (`form.members[2].eligibility.status`) names. */
export function fieldIdOf(path: string, page: GroupPage): string {
  const member = /^form\.members\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (member) {
    const row = page.rows[Number(member[1])];
    if (!row) return 'members';
    const rest = member[2] ?? '';
    const last = rest.split('.').pop() ?? '';
    const known =
      row.kind === 'natural'
        ? [...NATURAL_FIELDS, ...ELIGIBILITY_FIELDS, 'consent']
        : [...LEGAL_FIELDS];
    const field =
      rest === 'eligibility' ? 'status' : (known as string[]).includes(last) ? last : '';
    return `m-${row.key}-${field || (row.kind === 'natural' ? 'fullName' : 'name')}`;
  }
  if (path === 'form.members') return 'members';
  const top = /^form\.(name|plannedLegalForm|plannedJobs|businessIdea)$/.exec(path);
  if (top) return top[1];
  if (path === 'centreId') return 'centreId';
  return 'name';
}
