export * from './exchange-rates.js';
export * from './ceiling.js';
export * from './nbp-eur-rates.js';
