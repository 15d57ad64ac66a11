import { GROUP_STATES } from './initiative-group.js';
import {
  groupDecisionAction,
  groupSubmitAction,
  isGroupEditable,
} from './initiative-group-lifecycle.js';

describe('initiative group lifecycle (docs/product.md#initiative-groups)', () => {
  it('lets the leader edit only a draft', () => {
    expect(GROUP_STATES.filter(isGroupEditable)).toEqual(['draft']);
  });

  it('submits a draft, repeats a submission, refuses a decided group', () => {
    expect(GROUP_STATES.map((s) => [s, groupSubmitAction(s)])).toEqual([
      ['draft', 'submit'],
      ['submitted', 'repeat'],
      ['qualified', 'refuse'],
      ['rejected', 'refuse'],
    ]);
  });

  it('decides only a submitted group; the same decision with the same reason again is a repeat', () => {
    const qualify = { decision: 'qualified' as const, reason: 'Spełnia kryteria' };
    const group = (state: (typeof GROUP_STATES)[number], decisionReason: string | null = null) => ({
      state,
      decisionReason,
    });
    expect(groupDecisionAction(group('submitted'), qualify)).toBe('decide');
    expect(groupDecisionAction(group('qualified', 'Spełnia kryteria'), qualify)).toBe('repeat');
    expect(groupDecisionAction(group('qualified', 'Inny powód'), qualify)).toBe('refuse');
    expect(groupDecisionAction(group('rejected', 'Spełnia kryteria'), qualify)).toBe('refuse');
    expect(groupDecisionAction(group('draft'), qualify)).toBe('refuse');
  });
});
