import {
  rankingApprovalRefusal,
  type ApplicationForApproval,
  type CallForApproval,
} from './ranking-approval.js';

const closesAt = '2027-01-20T15:00:00.000Z';
const afterClosing = '2027-01-21T08:00:00.000Z';
const call: CallForApproval = { published: true, closesAt, approved: false };

const scored = (reference: string): ApplicationForApproval => ({
  reference,
  state: 'formally-accepted',
  evaluationStage: 'final',
});

describe('approving the ranking (docs/product.md#evaluation-ranking-and-appeal)', () => {
  it('may be approved once the call has closed and every accepted application has its final score', () => {
    expect(rankingApprovalRefusal(call, [scored('A'), scored('B')], afterClosing)).toBeNull();
  });

  it('may be approved at the very moment the call closes', () => {
    expect(rankingApprovalRefusal(call, [scored('A')], closesAt)).toBeNull();
  });

  it('is approved once: a second approval is refused', () => {
    expect(
      rankingApprovalRefusal({ ...call, approved: true }, [scored('A')], afterClosing),
    ).toEqual({ reason: 'already-approved' });
  });

  it('waits for the call to close', () => {
    expect(rankingApprovalRefusal(call, [scored('A')], '2027-01-20T14:59:59.999Z')).toEqual({
      reason: 'call-not-closed',
    });
  });

  it('never approves the ranking of a draft call, whatever its closing moment', () => {
    expect(
      rankingApprovalRefusal({ ...call, published: false }, [scored('A')], afterClosing),
    ).toEqual({ reason: 'call-not-closed' });
  });

  it('waits until every submitted application has been formally checked', () => {
    const waiting: ApplicationForApproval = {
      reference: 'B',
      state: 'submitted',
      evaluationStage: 'none',
    };
    expect(rankingApprovalRefusal(call, [scored('A'), waiting], afterClosing)).toEqual({
      reason: 'formal-check-pending',
    });
  });

  it('needs at least one accepted application: rejected and withdrawn ones do not count', () => {
    const others: ApplicationForApproval[] = [
      { reference: 'A', state: 'formally-rejected', evaluationStage: 'none' },
      { reference: 'B', state: 'withdrawn', evaluationStage: 'first' },
    ];
    expect(rankingApprovalRefusal(call, others, afterClosing)).toEqual({
      reason: 'nothing-to-rank',
    });
    expect(rankingApprovalRefusal(call, [], afterClosing)).toEqual({ reason: 'nothing-to-rank' });
  });

  it('waits for every accepted application’s final score and names those still evaluated', () => {
    const applications: ApplicationForApproval[] = [
      scored('A'),
      { reference: 'B', state: 'formally-accepted', evaluationStage: 'first' },
      { reference: 'C', state: 'formally-accepted', evaluationStage: 'third' },
      { reference: 'D', state: 'withdrawn', evaluationStage: 'first' },
    ];
    expect(rankingApprovalRefusal(call, applications, afterClosing)).toEqual({
      reason: 'evaluation-incomplete',
      references: ['B', 'C'],
    });
  });

  it('gives the first reason: approved, then not closed, then the formal check, then the scores', () => {
    const pending: ApplicationForApproval = {
      reference: 'B',
      state: 'submitted',
      evaluationStage: 'none',
    };
    const early = '2027-01-10T08:00:00.000Z';
    expect(rankingApprovalRefusal({ ...call, approved: true }, [pending], early)).toEqual({
      reason: 'already-approved',
    });
    expect(rankingApprovalRefusal(call, [pending], early)).toEqual({ reason: 'call-not-closed' });
  });
});
