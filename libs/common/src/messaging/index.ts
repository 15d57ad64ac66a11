export * from './messaging.entities.js';
export * from './messaging.migration.js';
export * from './messaging.options.js';
export * from './jetstream.service.js';
export * from './jetstream.context.js';
export * from './jetstream.server.js';
export * from './outbox.service.js';
export * from './messaging.module.js';
