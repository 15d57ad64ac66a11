import { refundClaim, refundDueDate, statutoryInterest, type DatedInterestRate } from './refund.js';

const RATES: DatedInterestRate[] = [
  { validFrom: '2023-10-05', ratePercent: '9.25' },
  { validFrom: '2023-01-01', ratePercent: '10.25' },
];

describe('refund with statutory interest', () => {
  it('one rate period: principal × rate × days / 365, from the day after payment through the calculation date', () => {
    // 10,000.00 PLN paid 2023-03-31 at 10.25 %: 31 days counted, 2023-04-01 to 2023-05-01
    const result = statutoryInterest(
      [{ principal: 1_000_000, paidOn: '2023-03-31' }],
      '2023-05-01',
      RATES,
    );
    // 1,000,000 × 0.1025 × 31 / 365 = 8,705.479… → 8,705 grosze
    expect(result).toEqual({
      ok: true,
      value: {
        interest: 8_705,
        periods: [
          { part: 0, from: '2023-04-01', to: '2023-05-01', days: 31, ratePercent: '10.25' },
        ],
      },
    });
  });

  it('across two rate periods, rounded once at the end', () => {
    // 73,390.00 PLN paid 2023-09-30: 4 days at 10.25 % (1–4 Oct) + 27 days at 9.25 % (5–31 Oct)
    // = 7,339,000 × (0.1025 × 4 + 0.0925 × 27) / 365 = 58,460.664… → 58,461 grosze
    const claim = refundClaim({
      parts: [{ principal: 7_339_000, paidOn: '2023-09-30' }],
      calculatedOn: '2023-10-31',
      demandDate: '2023-10-31',
      rates: RATES,
    });
    expect(claim).toEqual({
      ok: true,
      value: {
        principal: 7_339_000,
        interest: 58_461,
        total: 7_397_461,
        periods: [
          { part: 0, from: '2023-10-01', to: '2023-10-04', days: 4, ratePercent: '10.25' },
          { part: 0, from: '2023-10-05', to: '2023-10-31', days: 27, ratePercent: '9.25' },
        ],
        demandDate: '2023-10-31',
        dueDate: '2023-11-30',
        calculatedOn: '2023-10-31',
      },
    });
  });

  it('rounds half up to whole grosze', () => {
    // 1,825 × 10 % × 1 / 365 = 0.5 → 1; 1,824 → 0.4997… → 0
    const tenPercent = [{ validFrom: '2020-01-01', ratePercent: '10' }];
    expect(
      statutoryInterest([{ principal: 1_825, paidOn: '2023-03-01' }], '2023-03-02', tenPercent),
    ).toMatchObject({
      value: { interest: 1 },
    });
    expect(
      statutoryInterest([{ principal: 1_824, paidOn: '2023-03-01' }], '2023-03-02', tenPercent),
    ).toMatchObject({
      value: { interest: 0 },
    });
  });

  it('rounds the sum, not each period: 0.4 + 0.4 grosza → 1 grosz', () => {
    const split = [
      { validFrom: '2020-01-01', ratePercent: '10' },
      { validFrom: '2023-03-03', ratePercent: '10.000000' },
    ];
    // 1,460 × 10 % × 1 / 365 = 0.4 in each period
    const result = statutoryInterest(
      [{ principal: 1_460, paidOn: '2023-03-01' }],
      '2023-03-03',
      split,
    );
    expect(result).toMatchObject({ ok: true, value: { interest: 1 } });
    if (result.ok) expect(result.value.periods).toHaveLength(2);
  });

  it('uses 365 days in a leap year too: a whole leap year gives 366/365 of the annual rate', () => {
    const tenPercent = [{ validFrom: '2020-01-01', ratePercent: '10' }];
    const result = statutoryInterest(
      [{ principal: 7_339_000, paidOn: '2023-12-31' }],
      '2024-12-31',
      tenPercent,
    );
    // 7,339,000 × 0.10 × 366 / 365 = 735,910.68… → 735,911
    expect(result).toMatchObject({
      ok: true,
      value: { interest: 735_911, periods: [{ days: 366 }] },
    });
  });

  it('no interest when calculated on the payment day', () => {
    expect(
      statutoryInterest([{ principal: 1_000_000, paidOn: '2023-10-31' }], '2023-10-31', RATES),
    ).toEqual({
      ok: true,
      value: { interest: 0, periods: [] },
    });
  });

  it('sums several tranches exactly before the single rounding', () => {
    const result = refundClaim({
      parts: [
        { principal: 3_521_200, paidOn: '2023-09-30' },
        { principal: 3_817_800, paidOn: '2023-10-04' },
      ],
      calculatedOn: '2023-10-31',
      demandDate: '2023-11-02',
      rates: RATES,
      dueDays: 14,
    });
    // 3,521,200 × (0.1025×4 + 0.0925×27)/365 + 3,817,800 × 0.0925×27/365 = 28,049.01… + 26,123.17… = 54,172.18… → 54,172
    expect(result).toMatchObject({
      ok: true,
      value: { principal: 7_339_000, interest: 54_172, total: 7_393_172, dueDate: '2023-11-16' },
    });
    if (result.ok)
      expect(result.value.periods.map((p) => [p.part, p.days])).toEqual([
        [0, 4],
        [0, 27],
        [1, 27],
      ]);
  });

  it('reports the problems of its input', () => {
    expect(
      statutoryInterest([{ principal: 1_000, paidOn: '2022-06-01' }], '2023-10-31', RATES),
    ).toEqual({
      ok: false,
      problems: [
        { path: 'parts[0].paidOn', code: 'noInterestRateInForce', params: { date: '2022-06-02' } },
      ],
    });
    expect(
      statutoryInterest([{ principal: 10.5, paidOn: '2023-11-01' }], '2023-10-31', [
        { validFrom: '2023-01-01', ratePercent: '9,25' },
        { validFrom: '2023-01-01', ratePercent: '9.25' },
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { path: 'rates[0].ratePercent', code: 'invalidRate' },
        { path: 'rates[1].validFrom', code: 'duplicateValidFrom' },
        { path: 'parts[0].principal', code: 'notWholeGrosze' },
        { path: 'parts[0].paidOn', code: 'calculationBeforePayment' },
      ],
    });
    expect(
      refundClaim({ parts: [], calculatedOn: '2023-10-31', demandDate: 'soon', rates: RATES }),
    ).toEqual({
      ok: false,
      problems: [
        { path: 'demandDate', code: 'invalidDate' },
        { path: 'parts', code: 'required' },
      ],
    });
  });

  it('is due 30 days after the demand by default', () => {
    expect(refundDueDate('2024-02-01')).toBe('2024-03-02');
    expect(refundDueDate('2023-02-01')).toBe('2023-03-03');
    expect(refundDueDate('2024-12-15', 14)).toBe('2024-12-29');
  });
});
