import { Initial1700000000001 } from './1700000000001-initial.js';
import { RemindersPreferences1700000000002 } from './1700000000002-reminders-preferences.js';
import { CallClosingReminders1700000000003 } from './1700000000003-call-closing-reminders.js';
import { OutboxSequence1700000000004 } from './1700000000004-outbox-sequence.js';
import { DeliveryReliability1700000000005 } from './1700000000005-delivery-reliability.js';
import { AccountsReadModel1700000000006 } from './1700000000006-accounts-read-model.js';
import { Centres1700000000007 } from './1700000000007-centres.js';

/** Every migration of the notifications schema, in order. */
export const NOTIFICATIONS_MIGRATIONS = [
  Initial1700000000001,
  RemindersPreferences1700000000002,
  CallClosingReminders1700000000003,
  OutboxSequence1700000000004,
  DeliveryReliability1700000000005,
  AccountsReadModel1700000000006,
  Centres1700000000007,
];
