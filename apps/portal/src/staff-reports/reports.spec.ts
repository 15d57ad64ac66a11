import { translator } from '../i18n/i18n.js';
import { indicatorChart, indicatorViews, share } from './chart.js';
import { changeRows, trail } from './audit-trail.js';
import { auditLink, isAuditedKind } from './audit-link.js';

const t = translator('pl');
const rows = [
  { key: 'groupsSupported', label: { pl: 'Wsparte grupy', en: 'Groups' }, actual: 5, target: 20 },
  { key: 'jobsCreated', label: { pl: 'Miejsca pracy', en: 'Jobs' }, actual: 75, target: 60 },
  { key: 'jobsKept', label: { pl: 'Utrzymane', en: 'Kept' }, actual: 0, target: null },
  { key: 'moneyPaid', label: { pl: 'Wypłacone', en: 'Paid' }, actual: 12_345_67, target: null },
  { key: 'peopleSupported', label: { pl: 'Osoby', en: 'People' }, actual: null, target: 400 },
];

describe('the indicators chart and table', () => {
  it('charts only what has both a figure and a target, a bar capped at the full width', () => {
    const chart = indicatorChart('c', 'Tytuł', rows, 'pl', t)!;
    expect(chart.bars.map((b) => b.label)).toEqual(['Wsparte grupy', 'Miejsca pracy']);
    expect(chart.bars[0]!.width).toBe(Math.round(0.25 * chart.barMax));
    expect(chart.bars[1]!.width).toBe(chart.barMax);
    expect(chart.bars[1]!.value).toBe('75 / 60 (125%)');
    expect(chart.description).toContain(
      'Wsparte grupy: 5 z 20 (25%); Miejsca pracy: 75 z 60 (125%)',
    );
    expect(indicatorChart('c', 'T', rows.slice(2), 'pl', t)).toBeNull();
  });

  it('formats money in złoty, says what is not counted, and leaves the share out without a target', () => {
    const views = indicatorViews(rows, 'pl', t);
    expect(views[3]!.actual.replace(/\s/g, ' ')).toBe('12 345,67 zł');
    expect(views[3]!.percent).toBe('—');
    expect(views[4]!.actual).toBe('nie jest liczony');
    expect(views[0]!.percent).toBe('25%');
    expect(share(3, 0)).toBeNull();
  });
});

describe('the audit trail', () => {
  it('flattens what changed into paths and values', () => {
    expect(
      changeRows({ corrections: { issues: [{ description: 'Brak' }] }, reasons: [], ok: true }, t),
    ).toEqual([
      { field: 'corrections.issues[0].description', value: 'Brak' },
      { field: 'reasons', value: '(brak)' },
      { field: 'ok', value: 'tak' },
    ]);
  });

  it('orders both services’ entries newest first, naming known people and the system', () => {
    const entry = (id: string, at: string, actorId: string | null, action: string) => ({
      id,
      at,
      actorId,
      entityType: 'application',
      entityId: 'x',
      action,
      fromState: 'submitted',
      toState: 'formally-accepted',
      changes: null,
      correlationId: null,
      service: 'applications' as const,
    });
    const out = trail(
      [
        entry('1', '2027-01-05T10:00:00+01:00', 'u1', 'submitted'),
        {
          ...entry('2', '2027-01-06T10:00:00+01:00', null, 'formally-accepted'),
          service: 'grants',
        },
        entry('3', '2027-01-06T09:00:00+01:00', 'u2', 'formal-check.accepted'),
      ],
      new Map([['u2', 'Grażyna Operatorka']]),
      'pl',
      t,
    );
    expect(out.map((e) => [e.id, e.who, e.what])).toEqual([
      ['2', 'System (automatycznie)', 'Przyjęto w ocenie formalnej'],
      ['3', 'Grażyna Operatorka', 'Ocena formalna: przyjęto'],
      ['1', 'Konto u1…', 'Złożono'],
    ]);
    expect(out[0]!.toState).toBe('przyjęty w ocenie formalnej');
  });

  it('links to a record’s history by its kind and id', () => {
    expect(auditLink('award', 'a b')).toBe('/biuro/historia?typ=award&id=a%20b');
    expect(isAuditedKind('user')).toBe(false);
  });
});
