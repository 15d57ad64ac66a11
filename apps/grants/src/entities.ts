import { Call } from './calls/call.entity.js';

export const GRANTS_ENTITIES = [Call];
