export * from './metrics.js';
export * from './scrape.js';
