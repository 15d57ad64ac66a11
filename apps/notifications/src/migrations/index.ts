import { Initial1700000000001 } from './1700000000001-initial.js';

/** Every migration of the notifications schema, in order. */
export const NOTIFICATIONS_MIGRATIONS = [Initial1700000000001];
