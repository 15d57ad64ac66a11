// Domain rules of the grants service as plain TypeScript: no Nest, no TypeORM, no I/O.
// Money is integer grosze; dates are 'YYYY-MM-DD' calendar days (Europe/Warsaw).
export * from './appeal.js';
export * from './common.js';
export * from './domain-problem.js';
export * from './evaluator-choice.js';
export * from './job-terms.js';
export * from './money-guards.js';
export * from './ranking.js';
export * from './ranking-approval.js';
export * from './refund.js';
export * from './scoring.js';
export * from './threshold.js';
