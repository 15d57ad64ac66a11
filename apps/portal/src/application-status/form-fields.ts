import { formatDay, formatMoney } from '../platform/views.js';
import type { Lang, Translate } from '../i18n/i18n.js';

/** One leaf of a form: its path as the API names it (`jobs[1].person.fullName`) and its value. */
export interface FormLeaf {
  path: string;
  value: unknown;
}

/** A row of a GOV.UK summary list, already in words. */
export interface SummaryRow {
  key: { text: string };
  value: { text: string };
}

/** The form's sections in the order of the form (docs/examples/application-form.json). */
export const SECTIONS = [
  'applicant',
  'employment',
  'jobs',
  'budget',
  'businessPlan',
  'deMinimis',
  'declarations',
] as const;

/** The form's fields in the form's order (Postgres keeps JSON keys in its own order). */
const FIELD_ORDER = [
  'applicant.kind',
  'applicant.groupId',
  'applicant.name',
  'applicant.legalForm',
  'applicant.county',
  'applicant.address',
  'applicant.nip',
  'applicant.regon',
  'applicant.krs',
  'applicant.psStatusCommitment',
  'employment.headcountBefore',
  'employment.headcountAfter',
  'jobs.position',
  'jobs.workingTime',
  'jobs.plannedStart',
  'jobs.person.fullName',
  'jobs.person.pesel',
  'jobs.person.county',
  'jobs.person.eligibility.status',
  'jobs.person.eligibility.proofKind',
  'jobs.grant',
  'jobs.bridging.months',
  'jobs.bridging.monthlyAmount',
  'jobs.bridgingExtension.months',
  'jobs.bridgingExtension.monthlyAmount',
  'budget.category',
  'budget.description',
  'budget.amount',
  'businessPlan.summary',
  'businessPlan.market',
  'businessPlan.marketing',
  'businessPlan.organisation',
  'businessPlan.finances',
  'businessPlan.socialImpact',
  'deMinimis.received',
  'deMinimis.items.grantor',
  'deMinimis.items.grantedOn',
  'deMinimis.items.amount',
  'deMinimis.items.legalBasis',
  'declarations.truthful',
  'declarations.noDoubleFunding',
  'declarations.noPublicLevies',
  'declarations.deMinimisComplete',
  'declarations.personalDataConsent',
];

/** Leaves in the form's order: list items one after another, each item's fields in order. */
export function inFormOrder(leaves: FormLeaf[]): FormLeaf[] {
  const rank = (leaf: FormLeaf) => {
    const i = FIELD_ORDER.indexOf(genericPath(leaf.path));
    return i === -1 ? FIELD_ORDER.length : i;
  };
  const item = (leaf: FormLeaf) => Number(/\[(\d+)\]/.exec(leaf.path)?.[1] ?? -1);
  return leaves
    .map((leaf, i) => ({ leaf, i }))
    .sort((a, b) => item(a.leaf) - item(b.leaf) || rank(a.leaf) - rank(b.leaf) || a.i - b.i)
    .map((x) => x.leaf);
}

/** Fields holding grosze (shown as złoty). */
const MONEY = /(^|\.)(amount|grant|monthlyAmount)$/;
/** Fields holding a calendar day. */
const DAYS = /(^|\.)(plannedStart|grantedOn)$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every leaf of a (part of a) form, depth first, in the form's own order. */
export function flattenForm(value: unknown, path = ''): FormLeaf[] {
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, v]) =>
      flattenForm(v, path ? `${path}.${key}` : key),
    );
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return value.flatMap((v, i) => flattenForm(v, `${path}[${i}]`));
  }
  return [{ path, value }];
}

/** `jobs[1].person.fullName` → `jobs.person.fullName` (the label's key). */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

/**
 * The keys of the form pages' own catalogue (application-form.messages.ts) for a field's label,
 * where they differ from the field's path (`form.<path>` is tried first anyway).
 */
const FORM_LABEL_KEYS: Record<string, string> = {
  'jobs.person.fullName': 'form.jobs.fullName',
  'jobs.person.pesel': 'form.jobs.pesel',
  'jobs.person.county': 'form.jobs.county',
  'jobs.person.eligibility.status': 'form.jobs.status',
  'jobs.person.eligibility.proofKind': 'form.jobs.proofKind',
  'businessPlan.summary': 'form.plan.summary',
  'businessPlan.market': 'form.plan.market',
  'businessPlan.marketing': 'form.plan.marketing',
  'businessPlan.organisation': 'form.plan.organisation',
  'businessPlan.finances': 'form.plan.finances',
  'businessPlan.socialImpact': 'form.plan.socialImpact',
  'deMinimis.items.grantor': 'form.deMinimis.grantor',
  'deMinimis.items.grantedOn': 'form.deMinimis.grantedOn',
  'deMinimis.items.amount': 'form.deMinimis.amount',
  'deMinimis.items.legalBasis': 'form.deMinimis.legalBasis',
};

/** The form pages' keys for a coded value's name, by field. */
const FORM_VALUE_PREFIXES: Record<string, string> = {
  'applicant.kind': 'form.applicant.kind',
  'applicant.legalForm': 'form.applicant.legalForm',
  'budget.category': 'form.category',
  'jobs.person.eligibility.status': 'form.eligibility',
  'jobs.person.eligibility.proofKind': 'form.proof',
};

/** The form pages' keys naming a list's item ("Miejsce pracy {n}"), then this feature's. */
const ITEM_KEYS: Record<string, [string, string]> = {
  jobs: ['form.jobs.row', 'status.field.job'],
  budget: ['form.budget.row', 'status.field.budgetItem'],
  'deMinimis.items': ['form.deMinimis.row', 'status.field.deMinimisItem'],
};

/** The first of the keys the catalogues know, translated. */
function known(t: Translate, keys: string[], params?: Record<string, string | number>) {
  for (const key of keys) {
    const text = t(key, params);
    if (text !== key) return text;
  }
  return undefined;
}

/**
 * The label of a field of the form, in the person's language: the form pages' own label when
 * their catalogue has one, else this feature's; a list's item is named by its position
 * ("Miejsce pracy 2 — Stanowisko"). An unknown field shows its path, never nothing.
 */
export function fieldLabel(path: string, t: Translate): string {
  const generic = genericPath(path);
  const keys = [`form.${generic}`, `status.field.${generic}`];
  if (FORM_LABEL_KEYS[generic]) keys.unshift(FORM_LABEL_KEYS[generic]);
  const label = known(t, keys) ?? generic;
  const item = /^(jobs|budget|deMinimis\.items)\[(\d+)\]/.exec(path);
  if (!item) return label;
  const n = Number(item[2]) + 1;
  const name = known(t, ITEM_KEYS[item[1]!]!, { n }) ?? String(n);
  return `${name} — ${label}`;
}

/** A value of the form in words: yes/no, złoty, days, the names of coded values. */
export function fieldValue(path: string, value: unknown, t: Translate, lang: Lang): string {
  if (value === null || value === undefined || value === '') return t('status.value.empty');
  const generic = genericPath(path);
  if (typeof value === 'boolean') return t(value ? 'status.value.yes' : 'status.value.no');
  if (typeof value === 'number' && MONEY.test(generic)) return formatMoney(value, lang);
  if (typeof value === 'string' && DAYS.test(generic) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatDay(value, lang);
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const keys = [`status.value.${generic}.${value}`];
    if (FORM_VALUE_PREFIXES[generic]) keys.unshift(`${FORM_VALUE_PREFIXES[generic]}.${value}`);
    return known(t, keys) ?? String(value);
  }
  // A list or an object (an added or removed item): its leaves, each with its label.
  return inFormOrder(flattenForm(value, path))
    .map((leaf) => `${fieldLabel(leaf.path, t)}: ${fieldValue(leaf.path, leaf.value, t, lang)}`)
    .join('; ');
}

/** A form's section as summary-list rows. */
export function sectionRows(
  form: Record<string, unknown>,
  section: string,
  t: Translate,
  lang: Lang,
): SummaryRow[] {
  return inFormOrder(flattenForm(form[section], section)).map((leaf) => ({
    key: { text: fieldLabel(leaf.path, t) },
    value: { text: fieldValue(leaf.path, leaf.value, t, lang) },
  }));
}

/** The whole form in sections (those of SECTIONS first, anything else under "Inne"). */
export function formSections(
  form: Record<string, unknown>,
  t: Translate,
  lang: Lang,
): { title: string; rows: SummaryRow[] }[] {
  const known: readonly string[] = SECTIONS;
  const sections = SECTIONS.filter((s) => form[s] !== undefined).map((s) => ({
    title: t(`status.section.${s}`),
    rows: sectionRows(form, s, t, lang),
  }));
  const other = Object.keys(form)
    .filter((k) => !known.includes(k))
    .flatMap((k) => flattenForm(form[k], k))
    .map((leaf) => ({
      key: { text: fieldLabel(leaf.path, t) },
      value: { text: fieldValue(leaf.path, leaf.value, t, lang) },
    }));
  if (other.length > 0) sections.push({ title: t('status.section.other'), rows: other });
  return sections.filter((s) => s.rows.length > 0);
}

/** One change of a version (GET /api/applications/:id/versions → items[].changes). */
export interface FormChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** A change as "było / jest" in words, labelled with the form's field name. */
export function changeRow(change: FormChange, t: Translate, lang: Lang) {
  const shown = (v: unknown) =>
    v === undefined ? t('status.changes.empty') : fieldValue(change.path, v, t, lang);
  return {
    label: fieldLabel(change.path, t),
    before: shown(change.kind === 'added' ? undefined : change.before),
    after: shown(change.kind === 'removed' ? undefined : change.after),
  };
}
