import {
  canWithdraw,
  correctionInTime,
  correctionTermLapses,
  correctionTimerDueAt,
  formalCheckRefusal,
  isEditable,
  misplacedFormalCheckFields,
  stateAfterFormalCheck,
  submitAction,
  withdrawAction,
  type ApplicationState,
} from './application-lifecycle.js';

const ALL: ApplicationState[] = [
  'draft',
  'submitted',
  'corrections-requested',
  'formally-accepted',
  'formally-rejected',
  'withdrawn',
];

describe('application lifecycle (docs/product.md#the-grant-application)', () => {
  it('lets the applicant edit a draft or a form returned for corrections, nothing else', () => {
    expect(ALL.filter(isEditable)).toEqual(['draft', 'corrections-requested']);
  });

  it('allows withdrawal only before the formal decision', () => {
    expect(ALL.filter(canWithdraw)).toEqual(['draft', 'submitted', 'corrections-requested']);
  });

  it('checks only submitted forms, with one correction round by default', () => {
    expect(formalCheckRefusal('submitted', 'corrections', 0, 1)).toBeNull();
    expect(formalCheckRefusal('submitted', 'corrections', 1, 1)).toBe('noCorrectionRoundsLeft');
    expect(formalCheckRefusal('submitted', 'corrections', 1, 2)).toBeNull();
    expect(formalCheckRefusal('submitted', 'accepted', 1, 1)).toBeNull();
    expect(formalCheckRefusal('submitted', 'rejected', 5, 1)).toBeNull();
    for (const state of ALL.filter((s) => s !== 'submitted')) {
      expect(formalCheckRefusal(state, 'accepted', 0, 1)).toBe('notAwaitingCheck');
    }
  });

  it('maps results to states', () => {
    expect(stateAfterFormalCheck('accepted')).toBe('formally-accepted');
    expect(stateAfterFormalCheck('corrections')).toBe('corrections-requested');
    expect(stateAfterFormalCheck('rejected')).toBe('formally-rejected');
  });

  it('accepts an answer up to the last millisecond of the term; the timer fires just after', () => {
    const deadline = new Date('2026-12-09T22:59:59.999Z');
    expect(correctionInTime(deadline, deadline)).toBe(true);
    expect(correctionInTime(new Date(deadline.getTime() + 1), deadline)).toBe(false);
    expect(correctionTimerDueAt(deadline).toISOString()).toBe('2026-12-09T23:00:00.000Z');
  });

  it('submits a draft, answers a correction request, repeats a submission, refuses the rest', () => {
    expect(ALL.map((s) => [s, submitAction(s)])).toEqual([
      ['draft', 'submit'],
      ['submitted', 'repeat'],
      ['corrections-requested', 'answer-corrections'],
      ['formally-accepted', 'refuse'],
      ['formally-rejected', 'refuse'],
      ['withdrawn', 'refuse'],
    ]);
  });

  it('withdraws before the formal decision, repeats a withdrawal, refuses after the decision', () => {
    expect(ALL.map((s) => [s, withdrawAction(s)])).toEqual([
      ['draft', 'withdraw'],
      ['submitted', 'withdraw'],
      ['corrections-requested', 'withdraw'],
      ['formally-accepted', 'refuse'],
      ['formally-rejected', 'refuse'],
      ['withdrawn', 'repeat'],
    ]);
  });

  it('takes issues only with a request for corrections and reasons only with a rejection', () => {
    const both = { issues: true, reasons: true };
    expect(misplacedFormalCheckFields('corrections', { issues: true, reasons: false })).toEqual([]);
    expect(misplacedFormalCheckFields('rejected', { issues: false, reasons: true })).toEqual([]);
    expect(misplacedFormalCheckFields('accepted', { issues: false, reasons: false })).toEqual([]);
    expect(misplacedFormalCheckFields('accepted', both)).toEqual(['issues', 'reasons']);
    expect(misplacedFormalCheckFields('corrections', both)).toEqual(['reasons']);
    expect(misplacedFormalCheckFields('rejected', both)).toEqual(['issues']);
  });

  it('rejects on the lapsed term only a request still unanswered, in the round the timer was set for', () => {
    expect(correctionTermLapses('corrections-requested', 1, 1)).toBe(true);
    expect(correctionTermLapses('corrections-requested', 2, 1)).toBe(false);
    expect(correctionTermLapses('corrections-requested', undefined, 1)).toBe(false);
    expect(correctionTermLapses('corrections-requested', 1, '1')).toBe(false);
    for (const state of ALL.filter((s) => s !== 'corrections-requested')) {
      expect(correctionTermLapses(state, 1, 1)).toBe(false);
    }
  });
});
