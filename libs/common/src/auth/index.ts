export * from './roles.js';
export * from './roles.decorator.js';
export * from './token-verifier.js';
export * from './token-state.js';
export * from './token-checker.js';
export * from './auth.guard.js';
export * from './accounts-read-model.module.js';
