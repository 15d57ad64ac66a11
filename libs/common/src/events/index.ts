export * from './contracts.js';
export * from './envelope.js';
export * from './streams.js';
