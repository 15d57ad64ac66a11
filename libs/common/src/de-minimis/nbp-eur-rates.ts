import type { ExchangeRate } from './exchange-rates.js';

/**
 * NBP average EUR rates (table A) the migrations seed, each checked against a published NBP
 * table. It is a seed, not the archive: operators add the rate of each day they need
 * (`POST /api/exchange-rates` on grants, from the NBP table of that day); a day without a rate
 * in force makes the de minimis check say so instead of guessing.
 */
export const NBP_EUR_RATES_SEED: readonly ExchangeRate[] = [
  { validFrom: '2022-06-24', plnPerEur: '4.7094' }, // table of 24 June 2022
  { validFrom: '2025-05-20', plnPerEur: '4.2497' }, // 096/A/NBP/2025
  { validFrom: '2025-08-25', plnPerEur: '4.2627' },
  { validFrom: '2025-09-15', plnPerEur: '4.2476' },
  { validFrom: '2025-09-19', plnPerEur: '4.2666' },
  { validFrom: '2025-10-13', plnPerEur: '4.2592' },
];
