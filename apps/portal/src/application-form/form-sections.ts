/**
 * The grant application form as the portal's pages see it (docs/examples/application-form.json):
 * seven sections, each a part of the API's `form`, each edited on its own page.
 *
 * Fields are named and identified by their form path with dots and indices turned into dashes
 * (`jobs[1].person.pesel` → `jobs-1-person-pesel`): the page's `name` and `id` are the same, so
 * a posted body (flat, `application/x-www-form-urlencoded`) maps back to the form without
 * JavaScript, and an API problem's path (`form.jobs[1].person.pesel`) maps to its field.
 */

import {
  APPLICANT_KINDS,
  BUDGET_CATEGORIES,
  BUSINESS_PLAN_SECTIONS,
  DECLARATIONS,
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  LEGAL_FORMS,
  PROOF_KINDS,
} from '@app/common/reference/form-codes.js';
import { WORKING_TIMES } from '@app/common/funding/working-time.js';

// The form's code lists, shared with the applications service (libs/common/src/reference).
export {
  APPLICANT_KINDS,
  BUDGET_CATEGORIES,
  DECLARATIONS,
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  LEGAL_FORMS,
  PROOF_KINDS,
  WORKING_TIMES,
};
export const BUSINESS_PLAN_PARTS = BUSINESS_PLAN_SECTIONS;

/** The API's limits of a business plan part (ApplicationFormDto: 20–20,000 characters). */
export const BUSINESS_PLAN_MIN = 20;
export const BUSINESS_PLAN_MAX = 20_000;

type FieldKind = 'text' | 'int' | 'money' | 'date' | 'check' | 'yesno' | 'choice';

interface FieldDef {
  /** Path inside the section's object or list item (`person.eligibility.status`). */
  key: string;
  kind: FieldKind;
  options?: readonly string[];
  /** Needed for the section to count as complete (the full validation decides in the end). */
  required?: boolean;
}

export type SectionSlug =
  | 'wnioskodawca'
  | 'zatrudnienie'
  | 'miejsca-pracy'
  | 'budzet'
  | 'biznesplan'
  | 'de-minimis'
  | 'oswiadczenia';

export interface SectionDef {
  slug: SectionSlug;
  /** The form's top-level key. */
  key:
    'applicant' | 'employment' | 'jobs' | 'budget' | 'businessPlan' | 'deMinimis' | 'declarations';
  /** A list of rows (jobs, budget items) or one object. */
  list: boolean;
  fields: FieldDef[];
  /** A nested list of rows inside the object (de minimis aid items). */
  rows?: { key: string; fields: FieldDef[] };
}

const req = (key: string, kind: FieldKind = 'text', options?: readonly string[]): FieldDef => ({
  key,
  kind,
  options,
  required: true,
});
const opt = (key: string, kind: FieldKind = 'text', options?: readonly string[]): FieldDef => ({
  key,
  kind,
  options,
});

export const SECTIONS: readonly SectionDef[] = [
  {
    slug: 'wnioskodawca',
    key: 'applicant',
    list: false,
    fields: [
      req('kind', 'choice', APPLICANT_KINDS),
      req('name'),
      req('legalForm', 'choice', LEGAL_FORMS),
      req('county'),
      req('address'),
      opt('nip'),
      opt('regon'),
      opt('krs'),
      opt('groupId'),
      opt('psStatusCommitment', 'check'),
    ],
  },
  {
    slug: 'zatrudnienie',
    key: 'employment',
    list: false,
    fields: [req('headcountBefore', 'int'), req('headcountAfter', 'int')],
  },
  {
    slug: 'miejsca-pracy',
    key: 'jobs',
    list: true,
    fields: [
      req('position'),
      req('workingTime', 'choice', WORKING_TIMES),
      req('plannedStart', 'date'),
      req('person.fullName'),
      req('person.pesel'),
      req('person.county'),
      req('person.eligibility.status', 'choice', ELIGIBILITY_STATUSES),
      req('person.eligibility.proofKind', 'choice', PROOF_KINDS),
      opt('person.eligibility.disabilityDegree', 'choice', DISABILITY_DEGREES),
      opt('person.eligibility.multipleDisability', 'check'),
    ],
  },
  {
    slug: 'budzet',
    key: 'budget',
    list: true,
    fields: [
      req('category', 'choice', BUDGET_CATEGORIES),
      req('description'),
      req('amount', 'money'),
    ],
  },
  {
    slug: 'biznesplan',
    key: 'businessPlan',
    list: false,
    fields: BUSINESS_PLAN_PARTS.map((part) => req(part)),
  },
  {
    slug: 'de-minimis',
    key: 'deMinimis',
    list: false,
    fields: [req('received', 'yesno')],
    rows: {
      key: 'items',
      fields: [req('grantor'), req('grantedOn', 'date'), req('amount', 'money'), opt('legalBasis')],
    },
  },
  {
    slug: 'oswiadczenia',
    key: 'declarations',
    list: false,
    fields: DECLARATIONS.map((d) => req(d, 'check')),
  },
];

export const SECTION_SLUGS = SECTIONS.map((s) => s.slug);

export function sectionBySlug(slug: string): SectionDef | undefined {
  return SECTIONS.find((s) => s.slug === slug);
}

/** A form path (`jobs[1].person.pesel`, with or without `form.`) as a field id. */
export function fieldId(path: string): string {
  return path
    .replace(/^form\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\./g, '-');
}

/** The section a problem's path belongs to (`form.jobs[1].grossSalary` → miejsca-pracy). */
export function sectionOfPath(path: string): SectionDef | undefined {
  const top = path.replace(/^form\.?/, '').split(/[.[]/)[0];
  if (top === 'bridgingExtensionRequested') return sectionBySlug('miejsca-pracy');
  return SECTIONS.find((s) => s.key === top);
}

type Json = Record<string, unknown>;

function get(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[part];
  }
  return current;
}

function set(target: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof current[part] !== 'object' || current[part] === null) current[part] = {};
    current = current[part] as Json;
  }
  current[parts[parts.length - 1]] = value;
}

function asList(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** Grosze as the money field shows them: `60424,00` (no separators, so it parses back). */
export function groszeText(grosze: unknown): string {
  if (typeof grosze !== 'number' || !Number.isFinite(grosze)) return '';
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** `60 424,5` / `60424.50` / `60424` → grosze; undefined when it is not an amount. */
export function parseMoney(text: string): number | undefined {
  const clean = text.replace(/[\s\u00a0]/g, '').replace(/zł$/i, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(clean);
  if (!match) return undefined;
  const grosze = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(grosze) ? grosze : undefined;
}

/** The values a page shows for one field, by field id (a date is three: -day, -month, -year). */
function fieldValues(def: FieldDef, id: string, value: unknown, into: Record<string, string>) {
  switch (def.kind) {
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      into[`${id}-day`] = m ? String(Number(m[3])) : '';
      into[`${id}-month`] = m ? String(Number(m[2])) : '';
      into[`${id}-year`] = m ? m[1] : '';
      return;
    }
    case 'money':
      into[id] = groszeText(value);
      return;
    case 'int':
      into[id] = typeof value === 'number' ? String(value) : '';
      return;
    case 'check':
      into[id] = value === true ? 'true' : '';
      return;
    case 'yesno':
      into[id] = value === true ? 'yes' : value === false ? 'no' : '';
      return;
    default:
      into[id] = typeof value === 'string' ? value : '';
  }
}

export interface SectionValues {
  values: Record<string, string>;
  /** Row indices of a list section (jobs, budget) or of the nested rows (de minimis items). */
  rows: number[];
}

/** The section's fields as the page shows them, from the saved form. */
export function valuesFromForm(section: SectionDef, form: unknown): SectionValues {
  const values: Record<string, string> = {};
  const part = get(form, section.key);
  if (section.list) {
    const items = asList(part);
    items.forEach((item, i) => {
      for (const def of section.fields) {
        fieldValues(def, fieldId(`${section.key}.${i}.${def.key}`), get(item, def.key), values);
      }
    });
    return { values, rows: items.length > 0 ? items.map((_, i) => i) : [0] };
  }
  for (const def of section.fields) {
    fieldValues(def, fieldId(`${section.key}.${def.key}`), get(part, def.key), values);
  }
  let rows: number[] = [];
  if (section.rows) {
    const items = asList(get(part, section.rows.key));
    items.forEach((item, i) => {
      for (const def of section.rows!.fields) {
        fieldValues(
          def,
          fieldId(`${section.key}.${section.rows!.key}.${i}.${def.key}`),
          get(item, def.key),
          values,
        );
      }
    });
    rows = items.map((_, i) => i);
  }
  return { values, rows };
}

/** A field the portal could not turn into the API's type (the value is kept on the page). */
export interface LocalProblem {
  id: string;
  /** Message key of the form catalogue. */
  key: string;
}

function str(body: Json, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) return String(value[value.length - 1] ?? '').trim();
  return typeof value === 'string' ? value.trim() : '';
}

/** One posted field into the part (`into`), or a local problem; empty fields are left out. */
function parseField(def: FieldDef, id: string, body: Json, into: Json, problems: LocalProblem[]) {
  switch (def.kind) {
    case 'date': {
      const [d, m, y] = ['day', 'month', 'year'].map((p) => str(body, `${id}-${p}`));
      if (!d && !m && !y) return;
      const day = Number(d);
      const month = Number(m);
      const year = Number(y);
      const date = new Date(Date.UTC(year, month - 1, day));
      if (
        !/^\d{1,2}$/.test(d) ||
        !/^\d{1,2}$/.test(m) ||
        !/^\d{4}$/.test(y) ||
        date.getUTCDate() !== day ||
        date.getUTCMonth() !== month - 1
      ) {
        problems.push({ id: `${id}-day`, key: 'form.error.date' });
        return;
      }
      set(into, def.key, `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      return;
    }
    case 'int': {
      const text = str(body, id);
      if (!text) return;
      if (!/^\d{1,6}$/.test(text)) {
        problems.push({ id, key: 'form.error.wholeNumber' });
        return;
      }
      set(into, def.key, Number(text));
      return;
    }
    case 'money': {
      const text = str(body, id);
      if (!text) return;
      const grosze = parseMoney(text);
      if (grosze === undefined) {
        problems.push({ id, key: 'form.error.money' });
        return;
      }
      set(into, def.key, grosze);
      return;
    }
    case 'check':
      if (str(body, id) === 'true') set(into, def.key, true);
      return;
    case 'yesno': {
      const text = str(body, id);
      if (text === 'yes') set(into, def.key, true);
      else if (text === 'no') set(into, def.key, false);
      return;
    }
    case 'choice': {
      const text = str(body, id);
      // Only a known option: the draft's type check refuses anything else.
      if (text && def.options?.includes(text)) set(into, def.key, text);
      return;
    }
    default: {
      const value = body[id];
      const text = Array.isArray(value) ? String(value[value.length - 1] ?? '') : value;
      if (typeof text === 'string' && text.trim()) {
        // Line breaks of a textarea kept, spaces around trimmed.
        set(into, def.key, text.replace(/\r\n/g, '\n').trim());
      }
    }
  }
}

/** The row indices present in a posted body (`jobs-3-position` → 3), in order. */
function postedRows(body: Json, prefix: string): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${prefix}-(\\d+)-`);
  for (const name of Object.keys(body)) {
    const m = pattern.exec(name);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

export interface ParsedSection {
  /** The section's new part of the form (undefined: the section is empty). */
  part: unknown;
  problems: LocalProblem[];
  /** Posted row index → its index in the saved list (rows are renumbered 0…n-1). */
  rowMap: Map<number, number>;
}

/**
 * A posted section page as the form's part, rows renumbered in their page order; `remove` drops
 * a row (its posted index), `add` appends an empty one.
 */
export function parseSection(
  section: SectionDef,
  body: Json,
  change: { remove?: number; add?: boolean } = {},
): ParsedSection {
  const problems: LocalProblem[] = [];
  const rowMap = new Map<number, number>();
  const parseRows = (prefix: string, fields: FieldDef[]): Json[] => {
    const items: Json[] = [];
    for (const index of postedRows(body, prefix)) {
      if (index === change.remove) continue;
      const item: Json = {};
      const rowProblems: LocalProblem[] = [];
      for (const def of fields) {
        parseField(
          def,
          `${prefix}-${index}-${def.key.replace(/\./g, '-')}`,
          body,
          item,
          rowProblems,
        );
      }
      rowMap.set(index, items.length);
      // A problem's id follows the row's new index.
      for (const p of rowProblems) {
        problems.push({
          ...p,
          id: p.id.replace(`${prefix}-${index}-`, `${prefix}-${items.length}-`),
        });
      }
      items.push(item);
    }
    if (change.add) items.push({});
    return items;
  };
  if (section.list) {
    const items = parseRows(section.key, section.fields);
    return { part: items, problems, rowMap };
  }
  const part: Json = {};
  for (const def of section.fields) {
    parseField(def, fieldId(`${section.key}.${def.key}`), body, part, problems);
  }
  if (section.rows) {
    const items = parseRows(`${section.key}-${section.rows.key}`, section.rows.fields);
    // The API needs the list whenever the section is answered; "no aid" has no items.
    if (items.length > 0 || Object.keys(part).length > 0) {
      part[section.rows.key] = part.received === false ? [] : items;
    }
  }
  return { part: Object.keys(part).length > 0 ? part : undefined, problems, rowMap };
}

/** The whole form with one section replaced (an empty section is removed). */
export function mergeSection(form: unknown, section: SectionDef, part: unknown): Json {
  const merged: Json = { ...((form as Json) ?? {}) };
  if (part === undefined) delete merged[section.key];
  else merged[section.key] = part;
  return merged;
}

function isFilled(def: FieldDef, value: unknown): boolean {
  if (def.kind === 'check') return value === true;
  if (def.kind === 'yesno') return typeof value === 'boolean';
  if (typeof value === 'string') return value.trim().length > 0;
  return value !== undefined && value !== null;
}

function hasContent(value: unknown): boolean {
  // `false` is an answer ("no de minimis aid"); unchecked boxes are left out, never false.
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value as Json).some(hasContent);
  return true;
}

export type SectionStatus = 'not-started' | 'in-progress' | 'completed';

/**
 * A section's status on the task list. The API checks completeness only when the application is
 * submitted, so the portal derives it in two steps:
 * - "not started": nothing typed in the section (empty strings, unchecked boxes and empty rows
 *   do not count);
 * - "completed": every field the section needs is filled (this module's `required` fields, in
 *   every row; a business plan part of at least 20 characters; de minimis items only when aid
 *   was received; all five declarations) AND the last full validation (the 422 of a submit,
 *   kept in the session until the section is saved again) found no problem on the section's
 *   paths;
 * - "in progress": anything else.
 */
export function sectionStatus(
  section: SectionDef,
  form: unknown,
  problemPaths: readonly string[],
): SectionStatus {
  const part = get(form, section.key);
  if (!hasContent(part)) return 'not-started';
  if (problemPaths.some((p) => sectionOfPath(p)?.slug === section.slug)) return 'in-progress';
  const complete = (item: unknown, fields: FieldDef[]) =>
    fields.every((def) => !def.required || isFilled(def, get(item, def.key)));
  let done: boolean;
  if (section.list) {
    const items = asList(part);
    done = items.length > 0 && items.every((item) => complete(item, section.fields));
  } else {
    done = complete(part, section.fields);
    if (section.key === 'businessPlan') {
      done = BUSINESS_PLAN_PARTS.every(
        (p) => String(get(part, p) ?? '').length >= BUSINESS_PLAN_MIN,
      );
    }
    if (section.rows && get(part, 'received') === true) {
      const items = asList(get(part, section.rows.key));
      done = done && items.length > 0 && items.every((i) => complete(i, section.rows!.fields));
    }
    if (section.key === 'applicant' && get(part, 'kind') !== 'initiative-group') {
      done =
        done &&
        isFilled(req('nip'), get(part, 'nip')) &&
        isFilled(req('regon'), get(part, 'regon'));
    }
  }
  return done ? 'completed' : 'in-progress';
}

/** Every field id a section page renders for these rows (to tell known problem paths). */
export function fieldIds(section: SectionDef, rows: number[]): Set<string> {
  const ids = new Set<string>();
  const add = (def: FieldDef, id: string) => ids.add(def.kind === 'date' ? `${id}-day` : id);
  if (section.list) {
    for (const i of rows)
      for (const def of section.fields) add(def, fieldId(`${section.key}.${i}.${def.key}`));
  } else {
    for (const def of section.fields) add(def, fieldId(`${section.key}.${def.key}`));
    if (section.rows) {
      for (const i of rows) {
        for (const def of section.rows.fields) {
          add(def, fieldId(`${section.key}.${section.rows.key}.${i}.${def.key}`));
        }
      }
    }
  }
  return ids;
}

/** The id a problem's path links to: the field's (a date's day input), else undefined. */
export function problemTarget(path: string, known: Set<string>): string | undefined {
  const id = fieldId(path);
  if (known.has(id)) return id;
  if (known.has(`${id}-day`)) return `${id}-day`;
  return undefined;
}

export { get as formValue };
