import { DEFAULT_JOB_REFUND_POLICY, jobRefundPrincipal } from './refund.js';

const TERM = { termStartDate: '2024-03-01', termEndDate: '2025-08-31' }; // 549 days

describe('refund: how much of a job’s money', () => {
  it('refunds the full amount paid for the job by default (the rules name no proportion)', () => {
    expect(DEFAULT_JOB_REFUND_POLICY).toBe('full');
    expect(jobRefundPrincipal({ paid: 7_339_000, ...TERM, keptUntil: '2025-06-30' })).toBe(
      7_339_000,
    );
  });

  it('proportional policy: the days of the term not kept, rounded half up', () => {
    // kept 1 Mar 2024 – 30 Jun 2025 (487 days), not kept 62 of 549 days
    // 7,339,000 × 62 / 549 = 828,812.39… → 828,812
    expect(
      jobRefundPrincipal({ paid: 7_339_000, ...TERM, keptUntil: '2025-06-30' }, 'proportional'),
    ).toBe(828_812);
  });

  it('proportional policy: nothing when kept to the end, everything when never kept', () => {
    expect(
      jobRefundPrincipal({ paid: 7_339_000, ...TERM, keptUntil: '2025-08-31' }, 'proportional'),
    ).toBe(0);
    expect(
      jobRefundPrincipal({ paid: 7_339_000, ...TERM, keptUntil: '2024-02-29' }, 'proportional'),
    ).toBe(7_339_000);
    expect(
      jobRefundPrincipal({ paid: 7_339_000, ...TERM, keptUntil: '2023-01-01' }, 'proportional'),
    ).toBe(7_339_000);
  });
});
