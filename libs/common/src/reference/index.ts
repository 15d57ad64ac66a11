export * from './teryt.js';
export * from './form-codes.js';
