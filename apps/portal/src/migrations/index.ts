import { PortalSessions1700000000001 } from './1700000000001-portal-sessions.js';
import { EvaluationDrafts1700000000014 } from './1700000000014-evaluation-drafts.js';

/** The portal's migrations, in order (run by `npm run migrate` as the portal's own role). */
export const PORTAL_MIGRATIONS = [PortalSessions1700000000001, EvaluationDrafts1700000000014];
