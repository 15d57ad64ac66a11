import {
  isRefillMissed,
  isReportOverdue,
  isTermComplete,
  jobTerm,
  jobTermPhase,
  refillDeadline,
  reportPeriods,
  termEndDate,
} from './job-terms.js';

describe('job terms', () => {
  describe('term dates (12 funded + 6 durability months by default)', () => {
    it('a job starting on the 1st', () => {
      expect(jobTerm('2024-03-01')).toEqual({
        startDate: '2024-03-01',
        fundedMonths: 12,
        durabilityMonths: 6,
        fundedEndDate: '2025-02-28',
        durabilityStartDate: '2025-03-01',
        endDate: '2025-08-31',
      });
    });

    it('a job starting mid-month ends the day before the same day', () => {
      expect(jobTerm('2024-06-15')).toMatchObject({
        fundedEndDate: '2025-06-14',
        endDate: '2025-12-14',
      });
    });

    it('a job starting on 29 February (leap year)', () => {
      expect(jobTerm('2024-02-29')).toMatchObject({
        fundedEndDate: '2025-02-28',
        durabilityStartDate: '2025-03-01',
        endDate: '2025-08-28',
      });
    });

    it('a funded period running over a leap day', () => {
      expect(jobTerm('2023-03-01')).toMatchObject({
        fundedEndDate: '2024-02-29',
        endDate: '2024-08-31',
      });
    });

    it('a start on the 31st ends on the last day of a shorter month', () => {
      expect(termEndDate('2024-01-31', 1)).toBe('2024-02-29');
      expect(termEndDate('2023-01-31', 1)).toBe('2023-02-28');
      expect(termEndDate('2024-03-31', 1)).toBe('2024-04-30');
      expect(termEndDate('2024-01-30', 1)).toBe('2024-02-29');
      expect(termEndDate('2024-01-29', 1)).toBe('2024-02-28');
      expect(jobTerm('2023-08-31')).toMatchObject({
        fundedEndDate: '2024-08-30',
        endDate: '2025-02-28',
      });
    });

    it('counts the whole term from the start, so short months do not shorten it', () => {
      // Chaining 1 + 1 months from 29 Jan 2023 would end on 31 March; from the start it is 28 March.
      expect(jobTerm('2023-01-29', { fundedMonths: 1, durabilityMonths: 1 })).toMatchObject({
        fundedEndDate: '2023-02-28',
        durabilityStartDate: '2023-03-01',
        endDate: '2023-03-28',
      });
    });

    it('follows the call’s own months, durability possibly none', () => {
      expect(jobTerm('2024-03-01', { fundedMonths: 12, durabilityMonths: 0 })).toMatchObject({
        durabilityStartDate: null,
        endDate: '2025-02-28',
      });
      expect(() => jobTerm('2024-03-01', { fundedMonths: 0 })).toThrow(RangeError);
      expect(() => jobTerm('2024-02-30')).toThrow(RangeError);
    });
  });

  describe('monthly reports (due 7 days after the month ends by default)', () => {
    it('one per calendar month of the term, partial first and last months included', () => {
      const periods = reportPeriods(jobTerm('2024-06-15'));
      expect(periods).toHaveLength(19); // June 2024 … December 2025
      expect(periods[0]).toEqual({
        period: '2024-06',
        from: '2024-06-15',
        to: '2024-06-30',
        dueDate: '2024-07-07',
      });
      expect(periods[1]).toEqual({
        period: '2024-07',
        from: '2024-07-01',
        to: '2024-07-31',
        dueDate: '2024-08-07',
      });
      expect(periods[18]).toEqual({
        period: '2025-12',
        from: '2025-12-01',
        to: '2025-12-14',
        dueDate: '2026-01-07',
      });
    });

    it('a term from the 1st has exactly 18 reports; February’s is due on 7 March', () => {
      const periods = reportPeriods(jobTerm('2024-03-01'));
      expect(periods).toHaveLength(18);
      expect(periods.find((p) => p.period === '2025-02')?.dueDate).toBe('2025-03-07');
      expect(periods.at(-1)).toMatchObject({ period: '2025-08', dueDate: '2025-09-07' });
    });

    it('crosses the year end and follows the call’s own due days', () => {
      const periods = reportPeriods({ startDate: '2024-12-20', endDate: '2025-01-10' }, 10);
      expect(periods).toEqual([
        { period: '2024-12', from: '2024-12-20', to: '2024-12-31', dueDate: '2025-01-10' },
        { period: '2025-01', from: '2025-01-01', to: '2025-01-10', dueDate: '2025-02-10' },
      ]);
    });

    it('is overdue from the day after the due date', () => {
      expect(isReportOverdue('2024-07-07', '2024-07-07')).toBe(false);
      expect(isReportOverdue('2024-07-07', '2024-07-08')).toBe(true);
      expect(isReportOverdue('2024-07-07', '2024-07-01')).toBe(false);
    });
  });

  describe('vacancy (refill within 3 months by default)', () => {
    it('deadline is the same day three months later, or the month’s last day', () => {
      expect(refillDeadline('2024-05-10')).toBe('2024-08-10');
      expect(refillDeadline('2024-11-30')).toBe('2025-02-28');
      expect(refillDeadline('2023-11-30')).toBe('2024-02-29');
      expect(refillDeadline('2024-05-10', 2)).toBe('2024-07-10');
    });

    it('a refill on the deadline is in time; none by then is missed from the next day', () => {
      expect(isRefillMissed('2024-08-10', '2024-09-01', '2024-08-10')).toBe(false);
      expect(isRefillMissed('2024-08-10', '2024-09-01', '2024-08-11')).toBe(true);
      expect(isRefillMissed('2024-08-10', '2024-08-10')).toBe(false);
      expect(isRefillMissed('2024-08-10', '2024-08-11', null)).toBe(true);
    });
  });

  describe('completion', () => {
    const term = jobTerm('2024-03-01');

    it('is complete from the day after the last day of the term', () => {
      expect(isTermComplete(term, '2025-08-31')).toBe(false);
      expect(isTermComplete(term, '2025-09-01')).toBe(true);
    });

    it('knows the phase on a date', () => {
      expect(jobTermPhase(term, '2024-02-29')).toBe('not-started');
      expect(jobTermPhase(term, '2024-03-01')).toBe('funded');
      expect(jobTermPhase(term, '2025-02-28')).toBe('funded');
      expect(jobTermPhase(term, '2025-03-01')).toBe('durability');
      expect(jobTermPhase(term, '2025-08-31')).toBe('durability');
      expect(jobTermPhase(term, '2025-09-01')).toBe('complete');
    });
  });
});
