import type { Lang, Translate } from '../i18n/i18n.js';
import { formatMoment } from '../platform/views.js';

/** An audit entry as the services' `GET /api/audit` answer it. */
export interface AuditEntryBody {
  id: string;
  at: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  changes: Record<string, unknown> | null;
  correlationId: string | null;
}

/** One changed value of an entry: where, and what it became. */
export interface ChangeRow {
  field: string;
  value: string;
}

export interface TrailEntry {
  id: string;
  at: string;
  when: string;
  service: string;
  who: string;
  what: string;
  fromState: string;
  toState: string;
  changes: ChangeRow[];
}

const MAX_ROWS = 40;
const MAX_TEXT = 300;

function scalar(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('staffReports.audit.empty');
  if (typeof value === 'boolean')
    return t(value ? 'staffReports.audit.yes' : 'staffReports.audit.no');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * An entry's `changes` as a flat list (`corrections.issues[0].description: …`), at most 40 rows,
 * in the order the service wrote them.
 */
export function changeRows(changes: unknown, t: Translate): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const walk = (value: unknown, path: string) => {
    if (rows.length >= MAX_ROWS) return;
    if (Array.isArray(value)) {
      if (value.length === 0) rows.push({ field: path, value: t('staffReports.audit.none') });
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0 && path)
        rows.push({ field: path, value: t('staffReports.audit.none') });
      for (const [key, v] of entries) walk(v, path ? `${path}.${key}` : key);
    } else {
      rows.push({ field: path || '—', value: scalar(value, t) });
    }
  };
  if (changes !== null && changes !== undefined) walk(changes, '');
  return rows;
}

/** A state code in words where the catalogue has it (`submitted` → "złożony"), else the code. */
function stateText(state: string | null, t: Translate): string {
  if (!state) return '';
  const key = `staffReports.audit.state.${state}`;
  const text = t(key);
  return text === key ? state : text;
}

function actionText(action: string, t: Translate): string {
  const key = `staffReports.audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

/**
 * The entries of both services as one trail, newest first: who (the person's name where the
 * portal knows it, "the system" for automatic steps), when (Warsaw time), what, the state change
 * and the changed values.
 */
export function trail(
  entries: readonly (AuditEntryBody & { service: 'applications' | 'grants' })[],
  names: ReadonlyMap<string, string>,
  lang: Lang,
  t: Translate,
): TrailEntry[] {
  return [...entries]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((e) => ({
      id: e.id,
      at: e.at,
      when: formatMoment(e.at, lang),
      service: t(`staffReports.audit.service.${e.service}`),
      who: e.actorId
        ? (names.get(e.actorId) ?? t('staffReports.audit.account', { id: e.actorId.slice(0, 8) }))
        : t('staffReports.audit.system'),
      what: actionText(e.action, t),
      fromState: stateText(e.fromState, t),
      toState: stateText(e.toState, t),
      changes: changeRows(e.changes, t),
    }));
}
