import { Initial1700000000001 } from './1700000000001-initial.js';
import { GroupsFormsTimers1700000000002 } from './1700000000002-groups-forms-timers.js';
import { OutboxSequence1700000000003 } from './1700000000003-outbox-sequence.js';
import { AuditSequence1700000000004 } from './1700000000004-audit-sequence.js';
import { CrossApplicationRules1700000000005 } from './1700000000005-cross-application-rules.js';
import { ExchangeRates1700000000006 } from './1700000000006-exchange-rates.js';
import { SessionsAndThrottling1700000000007 } from './1700000000007-sessions-and-throttling.js';
import { Centres1700000000008 } from './1700000000008-centres.js';

/** Every migration of the applications schema, in order (listed, not globbed: ESM builds). */
export const APPLICATIONS_MIGRATIONS = [
  Initial1700000000001,
  GroupsFormsTimers1700000000002,
  OutboxSequence1700000000003,
  AuditSequence1700000000004,
  CrossApplicationRules1700000000005,
  ExchangeRates1700000000006,
  SessionsAndThrottling1700000000007,
  Centres1700000000008,
];
