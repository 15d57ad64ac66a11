import {
  bridgingCapFor,
  bridgingPaymentProblem,
  canPay,
  canPayBridging,
  paymentProblem,
  remainingToPay,
  type BridgingSchedule,
} from './money-guards.js';

describe('money guards', () => {
  describe('tranches never exceed the award', () => {
    const award = 14_678_000;

    it('allows tranches up to exactly the award', () => {
      expect(canPay(award, 0, 7_339_000)).toBe(true);
      expect(canPay(award, 7_339_000, 7_339_000)).toBe(true);
      expect(remainingToPay(award, 7_339_000)).toBe(7_339_000);
    });

    it('refuses one grosz over the award', () => {
      expect(canPay(award, 7_339_000, 7_339_001)).toBe(false);
      expect(paymentProblem(award, award, 1)).toBe('exceedsAward');
      expect(remainingToPay(award, award)).toBe(0);
    });

    it('refuses zero, negative and fractional tranches', () => {
      expect(paymentProblem(award, 0, 0)).toBe('notPositive');
      expect(paymentProblem(award, 0, -5)).toBe('notPositive');
      expect(paymentProblem(award, 0, 100.5)).toBe('notWholeGrosze');
    });
  });

  describe('bridging support within the monthly caps', () => {
    const schedule: BridgingSchedule = {
      startMonth: '2019-11',
      limits: { monthlyCap: 200_000, months: 6, extensionMonthlyCap: 150_000, extensionMonths: 6 },
      extensionGranted: false,
    };

    it('base months Nov 2019 – Apr 2020 at the monthly cap', () => {
      expect(bridgingCapFor(schedule, '2019-11')).toEqual({ cap: 200_000 });
      expect(bridgingCapFor(schedule, '2020-04')).toEqual({ cap: 200_000 });
      expect(canPayBridging(schedule, '2020-01', 0, 200_000)).toBe(true);
      expect(canPayBridging(schedule, '2020-01', 150_000, 50_000)).toBe(true);
      expect(bridgingPaymentProblem(schedule, '2020-01', 150_000, 50_001)).toBe(
        'bridgingMonthlyCapExceeded',
      );
    });

    it('nothing before the start; extension months only when granted, at the lower cap', () => {
      expect(bridgingPaymentProblem(schedule, '2019-10', 0, 1)).toBe('beforeBridgingStart');
      expect(bridgingPaymentProblem(schedule, '2020-05', 0, 100_000)).toBe(
        'bridgingExtensionNotGranted',
      );
      const extended = { ...schedule, extensionGranted: true };
      expect(canPayBridging(extended, '2020-05', 0, 150_000)).toBe(true);
      expect(bridgingPaymentProblem(extended, '2020-05', 0, 150_001)).toBe(
        'bridgingMonthlyCapExceeded',
      );
      expect(canPayBridging(extended, '2020-10', 0, 150_000)).toBe(true);
      expect(bridgingPaymentProblem(extended, '2020-11', 0, 1)).toBe('afterBridgingEnd');
    });

    it('refuses bad months and amounts', () => {
      expect(bridgingPaymentProblem(schedule, '2020-13', 0, 1)).toBe('invalidMonth');
      expect(bridgingPaymentProblem(schedule, '2020-01', 0, 0)).toBe('notPositive');
      expect(bridgingPaymentProblem(schedule, '2020-01', 0, 0.5)).toBe('notWholeGrosze');
    });
  });
});
