export * from './roles.js';
export * from './roles.decorator.js';
export * from './token-verifier.js';
export * from './auth.guard.js';
