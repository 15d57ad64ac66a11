import { isIsoDate, warsawOffsetMs } from '@app/common/time/index.js';
import { groszeText, parseMoney } from '../application-form/form-sections.js';
import type { ApiProblem } from '../platform/api.js';
import type { Translate } from '../i18n/i18n.js';

/**
 * The call form of `/biuro/nabory/nowy` and `/biuro/nabory/{id}/edycja` (docs/portal.md): the
 * page's flat fields (rows of criteria, counties and unit-rate tables keyed `c-<key>-…`,
 * `k-<key>`, `r-<key>-…`, so rows are added and removed without JavaScript), read from a posted
 * body or from the grants service's call, and turned into the service's call DTO.
 */

/** A call as grants' `GET /api/calls/:id` answers it (the parts these pages read). */
export interface StaffCallView {
  id: string;
  centreId: string;
  number: string;
  title: string;
  status: 'draft' | 'published';
  opensAt: string;
  closesAt: string;
  budget: number;
  counties: string[];
  fundingModel: Record<string, any>;
  criteria: { id: string; name: string; maxPoints: number; minPoints?: number }[];
  passThresholdPercent: number;
  divergencePercent: number;
  correctionTermWorkingDays: number;
  appealTermWorkingDays: number;
  maxJobsPerEntity: number;
  programmeId: string | null;
  evaluationTermWorkingDays: number;
  fundedMonths: number;
  durabilityMonths: number;
  reportDueDays: number;
  refillMonths: number;
  refundDueDays: number;
  rulesLocked: boolean;
  rankingApprovedAt: string | null;
  publishedAt: string | null;
}

/** The whole-number settings of a call, in the form's order. */
export const NUMBER_FIELDS = [
  'passThresholdPercent',
  'divergencePercent',
  'correctionTermWorkingDays',
  'appealTermWorkingDays',
  'evaluationTermWorkingDays',
  'maxJobsPerEntity',
  'fundedMonths',
  'durabilityMonths',
  'reportDueDays',
  'refillMonths',
  'refundDueDays',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** The defaults of docs/product.md#calls, shown in a new call's form. */
export const CALL_FORM_DEFAULTS: Record<NumberField, number> = {
  passThresholdPercent: 60,
  divergencePercent: 30,
  correctionTermWorkingDays: 5,
  appealTermWorkingDays: 5,
  evaluationTermWorkingDays: 10,
  maxJobsPerEntity: 10,
  fundedMonths: 12,
  durabilityMonths: 6,
  reportDueDays: 7,
  refillMonths: 3,
  refundDueDays: 30,
};

const BRIDGING_FIELDS = [
  'grantCapPerJob',
  'bridgingMonthlyCap',
  'bridgingMonths',
  'extensionMonthlyCap',
  'extensionMonths',
] as const;

export interface CriterionRow {
  key: number;
  id: string;
  name: string;
  maxPoints: string;
  minPoints: string;
}

export interface RateRow {
  key: number;
  validFrom: string;
  creation: string;
  full: string;
  threeQuarters: string;
  half: string;
}

export interface CountyRow {
  key: number;
  code: string;
}

/** Everything the form shows, as text (what was typed is shown back as typed). */
export interface CallFormPage {
  number: string;
  title: string;
  programmeId: string;
  opens: { day: string; month: string; year: string; time: string };
  closes: { day: string; month: string; year: string; time: string };
  budget: string;
  counties: CountyRow[];
  fundingKind: string;
  rates: RateRow[];
  bridging: Record<(typeof BRIDGING_FIELDS)[number], string>;
  criteria: CriterionRow[];
  numbers: Record<NumberField, string>;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The keys of the rows of a prefix in a posted body (`c-3-name` → 3), in ascending order. */
export function keysOf(body: Record<string, unknown>, prefix: string): number[] {
  const keys = new Set<number>();
  const pattern = new RegExp(`^${prefix}-(\\d+)(?:-|$)`);
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match) keys.add(Number(match[1]));
  }
  return [...keys].sort((a, b) => a - b);
}

/** The Warsaw wall time of an ISO moment with offset as the form's four fields. */
function wallOf(iso: string): CallFormPage['opens'] {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso ?? '');
  if (!match) return { day: '', month: '', year: '', time: '' };
  return {
    day: String(Number(match[3])),
    month: String(Number(match[2])),
    year: match[1],
    time: `${match[4]}:${match[5]}`,
  };
}

/** `1.03.2024`, `01.03.2024` or `2024-03-01` → `2024-03-01`; undefined otherwise. */
export function parseDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : pl ? [pl[3], pl[2], pl[1]] : [];
  if (!y || !m || !d) return undefined;
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(value) ? value : undefined;
}

/** `2024-03-01` → `1.03.2024` (how the rate table's field shows a day). */
function dayText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${Number(match[3])}.${match[2]}.${match[1]}` : (iso ?? '');
}

/**
 * A Warsaw wall time as an ISO 8601 moment with Warsaw's offset then (`2026-12-01T08:00:00+01:00`);
 * undefined when the fields do not make a real day and time.
 */
export function warsawMoment(wall: CallFormPage['opens']): string | undefined {
  const { day, month, year } = wall;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(date)) return undefined;
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(wall.time || '00:00');
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return undefined;
  const hh = time[1].padStart(2, '0');
  const asUtc = Date.parse(`${date}T${hh}:${time[2]}:00Z`);
  // The offset in force at that wall time (checked once more across a DST change).
  let offset = warsawOffsetMs(new Date(asUtc - 3_600_000));
  offset = warsawOffsetMs(new Date(asUtc - offset));
  const hours = String(offset / 3_600_000).padStart(2, '0');
  return `${date}T${hh}:${time[2]}:00+${hours}:00`;
}

/** A new call's form: the defaults, one criterion, the current unit rates, the given counties. */
export function newCallPage(counties: string[]): CallFormPage {
  return {
    number: '',
    title: '',
    programmeId: '',
    opens: { day: '', month: '', year: '', time: '08:00' },
    closes: { day: '', month: '', year: '', time: '16:00' },
    budget: '',
    counties: (counties.length ? counties : ['']).map((code, key) => ({ key, code })),
    fundingKind: 'unit-rates',
    rates: [
      {
        key: 0,
        validFrom: '1.03.2024',
        creation: groszeText(3_521_200),
        full: groszeText(3_817_800),
        threeQuarters: groszeText(2_863_400),
        half: groszeText(1_908_900),
      },
    ],
    bridging: {
      grantCapPerJob: '',
      bridgingMonthlyCap: '',
      bridgingMonths: '6',
      extensionMonthlyCap: '',
      extensionMonths: '6',
    },
    criteria: [{ key: 0, id: 'K1', name: '', maxPoints: '', minPoints: '' }],
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f, String(CALL_FORM_DEFAULTS[f])]),
    ) as CallFormPage['numbers'],
  };
}

/** The form of an existing call. */
export function callPage(call: StaffCallView): CallFormPage {
  const model = call.fundingModel ?? {};
  const rates: any[] = model.kind === 'unit-rates' && Array.isArray(model.rates) ? model.rates : [];
  return {
    number: call.number,
    title: call.title,
    programmeId: call.programmeId ?? '',
    opens: wallOf(call.opensAt),
    closes: wallOf(call.closesAt),
    budget: groszeText(call.budget),
    counties: call.counties.map((code, key) => ({ key, code })),
    fundingKind: model.kind ?? 'unit-rates',
    rates: rates.map((r, key) => ({
      key,
      validFrom: dayText(r.validFrom),
      creation: groszeText(r.creation),
      full: groszeText(r.maintenance?.full),
      threeQuarters: groszeText(r.maintenance?.threeQuarters),
      half: groszeText(r.maintenance?.half),
    })),
    bridging: {
      grantCapPerJob: model.kind === 'grant-bridging' ? groszeText(model.grantCapPerJob) : '',
      bridgingMonthlyCap:
        model.kind === 'grant-bridging' ? groszeText(model.bridging?.monthlyCap) : '',
      bridgingMonths: model.kind === 'grant-bridging' ? String(model.bridging?.months ?? '') : '6',
      extensionMonthlyCap:
        model.kind === 'grant-bridging' ? groszeText(model.bridging?.extensionMonthlyCap) : '',
      extensionMonths:
        model.kind === 'grant-bridging' ? String(model.bridging?.extensionMonths ?? '') : '6',
    },
    criteria: call.criteria.map((c, key) => ({
      key,
      id: c.id,
      name: c.name,
      maxPoints: String(c.maxPoints),
      minPoints: c.minPoints === undefined ? '' : String(c.minPoints),
    })),
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f, String(call[f] ?? '')]),
    ) as CallFormPage['numbers'],
  };
}

/** The form as posted. */
export function pageFromBody(body: Record<string, unknown>): CallFormPage {
  const wall = (prefix: string) => ({
    day: str(body[`${prefix}-day`]),
    month: str(body[`${prefix}-month`]),
    year: str(body[`${prefix}-year`]),
    time: str(body[`${prefix}-time`]),
  });
  return {
    number: str(body.number),
    title: str(body.title),
    programmeId: str(body.programmeId),
    opens: wall('opens'),
    closes: wall('closes'),
    budget: str(body.budget),
    counties: keysOf(body, 'k').map((key) => ({ key, code: str(body[`k-${key}`]) })),
    fundingKind: str(body.fundingKind) || 'unit-rates',
    rates: keysOf(body, 'r').map((key) => ({
      key,
      validFrom: str(body[`r-${key}-validFrom`]),
      creation: str(body[`r-${key}-creation`]),
      full: str(body[`r-${key}-full`]),
      threeQuarters: str(body[`r-${key}-threeQuarters`]),
      half: str(body[`r-${key}-half`]),
    })),
    bridging: Object.fromEntries(
      BRIDGING_FIELDS.map((f) => [f, str(body[f])]),
    ) as CallFormPage['bridging'],
    criteria: keysOf(body, 'c').map((key) => ({
      key,
      id: str(body[`c-${key}-id`]),
      name: str(body[`c-${key}-name`]),
      maxPoints: str(body[`c-${key}-maxPoints`]),
      minPoints: str(body[`c-${key}-minPoints`]),
    })),
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f, str(body[f])]),
    ) as CallFormPage['numbers'],
  };
}

/** The next free key of a list of rows. */
export function nextKey(rows: { key: number }[]): number {
  return rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;
}

/**
 * A row action of the form without JavaScript (`add-criterion`, `remove-county-2`, …) applied to
 * the page; false when the action is not one (a save).
 */
export function applyRowAction(page: CallFormPage, action: string): boolean {
  const match = /^(add|remove)-(criterion|county|rate)(?:-(\d+))?$/.exec(action);
  if (!match) return false;
  const [, verb, kind, key] = match;
  const list =
    kind === 'criterion' ? page.criteria : kind === 'county' ? page.counties : page.rates;
  if (verb === 'remove') {
    const at = list.findIndex((r) => r.key === Number(key));
    if (at >= 0) list.splice(at, 1);
    return true;
  }
  const k = nextKey(list);
  if (kind === 'criterion') {
    page.criteria.push({
      key: k,
      id: `K${page.criteria.length + 1}`,
      name: '',
      maxPoints: '',
      minPoints: '',
    });
  } else if (kind === 'county') {
    page.counties.push({ key: k, code: '' });
  } else {
    page.rates.push({ key: k, validFrom: '', creation: '', full: '', threeQuarters: '', half: '' });
  }
  return true;
}

/** A problem of the form found before asking the service: the field's id and its message. */
export interface LocalProblem {
  field: string;
  text: string;
}

/**
 * The service's call DTO from the form, and the problems that stop it being sent (a day that is
 * not a date, an amount or a number that is not one). Empty fields the service requires are
 * left for the service to name, with its own messages.
 */
export function toCallDto(
  page: CallFormPage,
  t: Translate,
): { dto: Record<string, unknown>; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const money = (text: string, field: string): number | undefined => {
    if (text === '') return undefined;
    const value = parseMoney(text);
    if (value === undefined) problems.push({ field, text: t('staffCalls.error.money') });
    return value;
  };
  const whole = (text: string, field: string): number | undefined => {
    if (text === '') return undefined;
    if (!/^-?\d+$/.test(text)) {
      problems.push({ field, text: t('staffCalls.error.whole') });
      return undefined;
    }
    return Number(text);
  };
  const moment = (wall: CallFormPage['opens'], field: string): string | undefined => {
    if (!wall.day && !wall.month && !wall.year) return undefined;
    const value = warsawMoment(wall);
    if (!value) problems.push({ field, text: t('staffCalls.error.moment') });
    return value;
  };
  const dto: Record<string, unknown> = {
    number: page.number,
    title: page.title,
    opensAt: moment(page.opens, 'opens-day'),
    closesAt: moment(page.closes, 'closes-day'),
    budget: money(page.budget, 'budget'),
    counties: page.counties.map((c) => c.code).filter((code) => code !== ''),
    criteria: page.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      maxPoints: whole(c.maxPoints, `c-${c.key}-maxPoints`),
      ...(c.minPoints === '' ? {} : { minPoints: whole(c.minPoints, `c-${c.key}-minPoints`) }),
    })),
  };
  if (page.programmeId) dto.programmeId = page.programmeId;
  for (const f of NUMBER_FIELDS) {
    const value = whole(page.numbers[f], f);
    if (value !== undefined) dto[f] = value;
  }
  if (page.fundingKind === 'grant-bridging') {
    const b = page.bridging;
    dto.fundingModel = {
      kind: 'grant-bridging',
      grantCapPerJob: money(b.grantCapPerJob, 'grantCapPerJob'),
      bridging: {
        monthlyCap: money(b.bridgingMonthlyCap, 'bridgingMonthlyCap'),
        months: whole(b.bridgingMonths, 'bridgingMonths'),
        extensionMonthlyCap: money(b.extensionMonthlyCap, 'extensionMonthlyCap'),
        extensionMonths: whole(b.extensionMonths, 'extensionMonths'),
      },
    };
  } else {
    dto.fundingModel = {
      kind: 'unit-rates',
      rates: page.rates.map((r) => {
        const validFrom = r.validFrom === '' ? '' : parseDay(r.validFrom);
        if (validFrom === undefined)
          problems.push({ field: `r-${r.key}-validFrom`, text: t('staffCalls.error.day') });
        return {
          validFrom: validFrom ?? r.validFrom,
          creation: money(r.creation, `r-${r.key}-creation`),
          maintenance: {
            full: money(r.full, `r-${r.key}-full`),
            threeQuarters: money(r.threeQuarters, `r-${r.key}-threeQuarters`),
            half: money(r.half, `r-${r.key}-half`),
          },
        };
      }),
    };
  }
  return { dto, problems };
}

/**
 * The form field a problem of the service names (`criteria[1].maxPoints` → the second row's
 * `c-<key>-maxPoints`), or undefined for one the form has no field for.
 */
export function fieldOfPath(page: CallFormPage, path: string): string | undefined {
  const direct: Record<string, string> = {
    number: 'number',
    title: 'title',
    opensAt: 'opens-day',
    closesAt: 'closes-day',
    budget: 'budget',
    counties: 'counties',
    criteria: 'criteria',
    programmeId: 'programmeId',
    fundingModel: 'fundingKind',
    'fundingModel.kind': 'fundingKind',
    'fundingModel.rates': 'rates',
    'fundingModel.grantCapPerJob': 'grantCapPerJob',
    'fundingModel.bridging': 'bridgingMonthlyCap',
    'fundingModel.bridging.monthlyCap': 'bridgingMonthlyCap',
    'fundingModel.bridging.months': 'bridgingMonths',
    'fundingModel.bridging.extensionMonthlyCap': 'extensionMonthlyCap',
    'fundingModel.bridging.extensionMonths': 'extensionMonths',
  };
  if (direct[path]) return direct[path];
  if ((NUMBER_FIELDS as readonly string[]).includes(path)) return path;
  const county = /^counties\[(\d+)\]$/.exec(path);
  if (county) {
    const row = page.counties.filter((c) => c.code !== '')[Number(county[1])];
    return row ? `k-${row.key}` : 'counties';
  }
  const criterion = /^criteria\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (criterion) {
    const row = page.criteria[Number(criterion[1])];
    if (!row) return 'criteria';
    const name = ['id', 'name', 'maxPoints', 'minPoints'].includes(criterion[2] ?? '')
      ? criterion[2]
      : 'name';
    return `c-${row.key}-${name}`;
  }
  const rate = /^fundingModel\.rates\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?$/.exec(path);
  if (rate) {
    const row = page.rates[Number(rate[1])];
    if (!row) return 'rates';
    const name = rate[2] === 'maintenance' ? (rate[3] ?? 'full') : (rate[2] ?? 'validFrom');
    return `r-${row.key}-${name}`;
  }
  return undefined;
}

/** Problems of the service placed on the form's fields (anything unplaced on `number`). */
export function placeProblems(
  page: CallFormPage,
  problems: ApiProblem[],
): { field: string; text: string }[] {
  return problems.map((p) => ({ field: fieldOfPath(page, p.path) ?? 'number', text: p.message }));
}
