import { deMinimisCeiling, deMinimisWindow, type CeilingResult } from './ceiling.js';
import {
  eurocentsToGrosze,
  formatEur,
  groszeToEurocents,
  rateOn,
  type ExchangeRate,
} from './exchange-rates.js';

const RATES: ExchangeRate[] = [
  { validFrom: '2020-12-30', plnPerEur: '4.6148' },
  { validFrom: '2021-01-04', plnPerEur: '4.5485' },
  { validFrom: '2023-06-15', plnPerEur: '4.4500' },
  { validFrom: '2023-06-16', plnPerEur: '4.4600' },
  { validFrom: '2025-03-03', plnPerEur: '4.2000' },
  { validFrom: '2026-06-12', plnPerEur: '4.3000' },
  { validFrom: '2026-06-15', plnPerEur: '4.2500' },
  { validFrom: '2026-12-01', plnPerEur: '4.0000' },
];

function check(prior: { grantedOn: string; amount: number }[], requested: number, onDate: string) {
  const outcome = deMinimisCeiling({ prior, requested, onDate, rates: RATES });
  if (!outcome.ok) throw new Error(`missing rates ${outcome.missingRateFor.join(', ')}`);
  return outcome.value as CeilingResult;
}

describe('de minimis: the exchange rate of the day', () => {
  it('takes the last rate published on or before the day (a weekend takes Friday’s)', () => {
    expect(rateOn(RATES, '2026-06-13')?.plnPerEur).toBe('4.3000'); // Saturday
    expect(rateOn(RATES, '2026-06-14')?.plnPerEur).toBe('4.3000'); // Sunday
    expect(rateOn(RATES, '2026-06-15')?.plnPerEur).toBe('4.2500'); // Monday's own table
  });

  it('does not use a rate older than a week: that is a gap in the table, not a rate in force', () => {
    expect(rateOn(RATES, '2025-03-10')?.plnPerEur).toBe('4.2000');
    expect(rateOn(RATES, '2025-03-11')).toBeUndefined();
    expect(rateOn(RATES, '2019-01-01')).toBeUndefined();
  });

  it('converts exactly, half up to the euro cent; back to grosze rounded down', () => {
    expect(groszeToEurocents(1_300_000_00, '4.0000')).toBe(325_000_00);
    expect(groszeToEurocents(1, '4.0000')).toBe(0); // 0.25 cent
    expect(groszeToEurocents(2, '4.0000')).toBe(1); // 0.5 cent, half up
    expect(groszeToEurocents(100_00, '4.2497')).toBe(23_53); // 23.531…
    expect(eurocentsToGrosze(23_53, '4.2497')).toBe(99_99); // 99.9954… down
    expect(formatEur(300_000_00, 'en')).toBe('€300,000.00');
  });
});

describe('de minimis: the ceiling of Regulation 2023/2831 (aid granted from 2024)', () => {
  it('refuses PLN 1,300,000 received in 2025 plus PLN 146,780 asked for: about EUR 335,000', () => {
    const result = check(
      [{ grantedOn: '2025-03-03', amount: 1_300_000_00 }],
      146_780_00,
      '2026-12-01',
    );
    expect(result.regime).toBe('EU 2023/2831');
    expect(result.priorEur).toBe(309_523_81); // at 4.2000 on the day it was granted
    expect(result.requestedEur).toBe(36_695_00); // at 4.0000 on the day of the new grant
    expect(result.exceeded).toBe(true);
    expect(result.leftEur).toBe(0); // already over the ceiling
    expect(result.leftPln).toBe(0);
  });

  it('accepts the same request when the earlier aid leaves room, and says how much is left', () => {
    const result = check(
      [{ grantedOn: '2025-03-03', amount: 1_000_000_00 }],
      146_780_00,
      '2026-12-01',
    );
    expect(result.priorEur).toBe(238_095_24);
    expect(result.exceeded).toBe(false);
    expect(result.leftEur).toBe(61_904_76);
    expect(result.leftPln).toBe(247_619_04); // at 4.0000
  });

  it('exactly at the ceiling is allowed; one euro cent over is not', () => {
    const prior = [{ grantedOn: '2025-03-03', amount: 840_000_00 }]; // EUR 200,000.00
    expect(check(prior, 400_000_00, '2026-12-01').exceeded).toBe(false); // EUR 100,000.00
    expect(check(prior, 400_000_04, '2026-12-01').exceeded).toBe(true); // EUR 100,000.01
  });

  it('counts a rolling three years across a year boundary, not calendar years', () => {
    // aid granted 15 June 2023 still counts for a grant on 14 June 2026 …
    const prior = [{ grantedOn: '2023-06-15', amount: 1_335_000_00 }]; // EUR 300,000.00 at 4.4500
    const before = check(prior, 100_00, '2026-06-14');
    expect(before.windowFrom).toBe('2023-06-15');
    expect(before.priorEur).toBe(300_000_00);
    expect(before.exceeded).toBe(true);
    // … and no longer on 15 June 2026, three years later (the window starts the day after)
    const after = check(prior, 100_00, '2026-06-15');
    expect(after.windowFrom).toBe('2023-06-16');
    expect(after.priorEur).toBe(0);
    expect(after.outsideWindow).toBe(1);
    expect(after.exceeded).toBe(false);
  });

  it('converts each aid at the rate of the day it was granted, not today’s', () => {
    const sameAmountTwoDays = check(
      [
        { grantedOn: '2023-06-16', amount: 446_000_00 }, // 4.4600 → EUR 100,000.00
        { grantedOn: '2025-03-03', amount: 446_000_00 }, // 4.2000 → EUR 106,190.48
      ],
      0,
      '2026-06-15',
    );
    expect(sameAmountTwoDays.priorEur).toBe(100_000_00 + 106_190_48);
  });

  it('says which days have no rate in force instead of guessing', () => {
    const outcome = deMinimisCeiling({
      prior: [{ grantedOn: '2024-02-10', amount: 1_000_00 }],
      requested: 1_000_00,
      onDate: '2026-12-20',
      rates: RATES,
    });
    expect(outcome).toEqual({ ok: false, missingRateFor: ['2024-02-10', '2026-12-20'] });
  });
});

describe('de minimis: before 2024 (Regulation 1407/2013)', () => {
  it('EUR 200,000 over the fiscal year and the two before it', () => {
    expect(deMinimisWindow('2023-06-15')).toEqual({
      regime: 'EU 1407/2013',
      ceilingEur: 200_000_00,
      from: '2021-01-01',
      to: '2023-06-15',
    });
    // aid of 30 December 2020 falls in the fiscal year 2020: it no longer counts in 2023
    const result = check(
      [
        { grantedOn: '2020-12-30', amount: 461_480_00 }, // EUR 100,000 (outside)
        { grantedOn: '2021-01-04', amount: 454_850_00 }, // EUR 100,000 (inside)
      ],
      445_000_00, // EUR 100,000 at 4.4500
      '2023-06-15',
    );
    expect(result.outsideWindow).toBe(1);
    expect(result.priorEur).toBe(100_000_00);
    expect(result.totalEur).toBe(200_000_00);
    expect(result.exceeded).toBe(false);
  });

  it('the rolling window starts on 1 January 2024, with aid granted under the old rules counting', () => {
    expect(deMinimisWindow('2024-01-01')).toMatchObject({
      regime: 'EU 2023/2831',
      ceilingEur: 300_000_00,
      from: '2021-01-02',
    });
    expect(deMinimisWindow('2023-12-31')).toMatchObject({
      regime: 'EU 1407/2013',
      from: '2021-01-01',
    });
  });
});
