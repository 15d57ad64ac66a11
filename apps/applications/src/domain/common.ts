// The pure parts of libs/common the domain rules use, imported by path rather than through
// `@app/common`'s index so that the rules (and their unit tests) load no Nest or TypeORM code.
export {
  isValidTeryt,
  countyByTeryt,
  countyInWords,
} from '../../../../libs/common/src/reference/teryt.js';
export { parsePesel } from '../../../../libs/common/src/identifiers/pesel.js';
export { addMonths, addCalendarDays, isIsoDate } from '../../../../libs/common/src/time/warsaw.js';
export { computeRequestedAmount } from '../../../../libs/common/src/funding/requested-amount.js';
export { deMinimisCeiling } from '../../../../libs/common/src/de-minimis/ceiling.js';
export {
  formatEur,
  type ExchangeRate,
} from '../../../../libs/common/src/de-minimis/exchange-rates.js';
export type {
  RequestedAmount,
  JobFundingRequest,
} from '../../../../libs/common/src/funding/requested-amount.js';
export type { FundingModel } from '../../../../libs/common/src/funding/funding-model.js';
export { formatPln } from '../../../../libs/common/src/money/format.js';
