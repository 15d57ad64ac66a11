export * from './teryt.js';
