import { groszeText, parseMoney } from '../application-form/form-sections.js';
import type { ApiProblem } from '../platform/api.js';
import type { Translate } from '../i18n/i18n.js';
import { keysOf, nextKey, type CountyRow, type LocalProblem } from './call-form.js';

/**
 * The programme form of `/biuro/nabory/programy/…` (docs/portal.md): name, counties (rows
 * `k-<key>`), money per year (rows `y-<key>-year`, `y-<key>-amount`) and targets, turned into
 * grants' programme DTO. Rows are added and removed by the server without JavaScript.
 */

/** The programme's targets the indicators are measured against, in the form's order. */
export const TARGETS = [
  'groupsSupported',
  'enterprisesStrengthened',
  'enterprisesCreated',
  'jobsCreated',
  'peopleTrained',
] as const;
export type Target = (typeof TARGETS)[number];
/** Targets the service does not require. */
const OPTIONAL_TARGETS: readonly Target[] = ['peopleTrained'];

export interface BudgetRow {
  key: number;
  year: string;
  amount: string;
}

export interface ProgrammeFormPage {
  name: string;
  counties: CountyRow[];
  budgets: BudgetRow[];
  targets: Record<Target, string>;
}

export interface ProgrammeInput {
  name: string;
  counties: string[];
  yearlyBudgets: { year: number; amount: number }[];
  targets: Record<string, number>;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function newProgrammePage(year: number): ProgrammeFormPage {
  return {
    name: '',
    counties: [{ key: 0, code: '' }],
    budgets: [{ key: 0, year: String(year), amount: '' }],
    targets: Object.fromEntries(TARGETS.map((t) => [t, ''])) as Record<Target, string>,
  };
}

export function programmePage(p: ProgrammeInput): ProgrammeFormPage {
  return {
    name: p.name,
    counties: p.counties.map((code, key) => ({ key, code })),
    budgets: p.yearlyBudgets.map((b, key) => ({
      key,
      year: String(b.year),
      amount: groszeText(b.amount),
    })),
    targets: Object.fromEntries(
      TARGETS.map((t) => [t, p.targets[t] === undefined ? '' : String(p.targets[t])]),
    ) as Record<Target, string>,
  };
}

export function programmeFromBody(body: Record<string, unknown>): ProgrammeFormPage {
  return {
    name: str(body.name),
    counties: keysOf(body, 'k').map((key) => ({ key, code: str(body[`k-${key}`]) })),
    budgets: keysOf(body, 'y').map((key) => ({
      key,
      year: str(body[`y-${key}-year`]),
      amount: str(body[`y-${key}-amount`]),
    })),
    targets: Object.fromEntries(TARGETS.map((t) => [t, str(body[t])])) as Record<Target, string>,
  };
}

/** `add-county`, `remove-budget-2`, …; false when the action is a save. */
export function applyProgrammeRowAction(page: ProgrammeFormPage, action: string): boolean {
  const match = /^(add|remove)-(county|budget)(?:-(\d+))?$/.exec(action);
  if (!match) return false;
  const [, verb, kind, key] = match;
  const list: { key: number }[] = kind === 'county' ? page.counties : page.budgets;
  if (verb === 'remove') {
    const at = list.findIndex((r) => r.key === Number(key));
    if (at >= 0) list.splice(at, 1);
  } else if (kind === 'county') {
    page.counties.push({ key: nextKey(page.counties), code: '' });
  } else {
    const last = page.budgets[page.budgets.length - 1];
    const year = last && /^\d{4}$/.test(last.year) ? String(Number(last.year) + 1) : '';
    page.budgets.push({ key: nextKey(page.budgets), year, amount: '' });
  }
  return true;
}

export function toProgrammeDto(
  page: ProgrammeFormPage,
  t: Translate,
): { dto: Record<string, unknown>; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const whole = (text: string, field: string): number | undefined => {
    if (text === '') return undefined;
    if (!/^\d+$/.test(text)) {
      problems.push({ field, text: t('staffCalls.error.whole') });
      return undefined;
    }
    return Number(text);
  };
  const yearlyBudgets = page.budgets
    .filter((b) => b.year !== '' || b.amount !== '')
    .map((b) => {
      const amount = b.amount === '' ? undefined : parseMoney(b.amount);
      if (b.amount !== '' && amount === undefined)
        problems.push({ field: `y-${b.key}-amount`, text: t('staffCalls.error.money') });
      return { year: whole(b.year, `y-${b.key}-year`), amount };
    });
  const targets: Record<string, number | undefined> = {};
  for (const target of TARGETS) {
    const value = whole(page.targets[target], target);
    if (value !== undefined || !OPTIONAL_TARGETS.includes(target)) targets[target] = value;
  }
  return {
    dto: {
      name: page.name,
      counties: page.counties.map((c) => c.code).filter((code) => code !== ''),
      yearlyBudgets,
      targets,
    },
    problems,
  };
}

/** The form field a problem of the service names, or `name` for one without a field. */
export function programmeField(page: ProgrammeFormPage, problem: ApiProblem): string {
  const path = problem.path;
  if (path === 'name' || path === 'counties') return path;
  const county = /^counties\[(\d+)\]$/.exec(path);
  if (county) {
    const row = page.counties.filter((c) => c.code !== '')[Number(county[1])];
    return row ? `k-${row.key}` : 'counties';
  }
  const budget = /^yearlyBudgets\[(\d+)\](?:\.(year|amount))?$/.exec(path);
  if (budget) {
    const rows = page.budgets.filter((b) => b.year !== '' || b.amount !== '');
    const row = rows[Number(budget[1])];
    return row ? `y-${row.key}-${budget[2] ?? 'amount'}` : 'budgets';
  }
  if (path === 'yearlyBudgets') return 'budgets';
  const target = /^targets\.(\w+)$/.exec(path);
  if (target && (TARGETS as readonly string[]).includes(target[1]!)) return target[1]!;
  if (path === 'targets') return TARGETS[0];
  return 'name';
}
