export * from './default-centre.js';
export * from './centre-scope.js';
export * from './centre-wall.js';
export * from './scoped-connections.js';
