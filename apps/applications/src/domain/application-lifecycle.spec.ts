import {
  canWithdraw,
  correctionInTime,
  correctionTimerDueAt,
  formalCheckRefusal,
  isEditable,
  stateAfterFormalCheck,
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
});
