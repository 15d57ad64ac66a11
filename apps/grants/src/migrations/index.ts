import { Initial1700000000001 } from './1700000000001-initial.js';
import { GrantsLifecycle1700000000002 } from './1700000000002-grants-lifecycle.js';
import { AgreementPreparation1700000000003 } from './1700000000003-agreement-preparation.js';
import { OutboxSequence1700000000004 } from './1700000000004-outbox-sequence.js';
import { GiveUpExtensionsGroups1700000000005 } from './1700000000005-give-up-extensions-groups.js';
import { DeMinimis1700000000006 } from './1700000000006-de-minimis.js';
import { AccountsReadModel1700000000007 } from './1700000000007-accounts-read-model.js';
import { Centres1700000000008 } from './1700000000008-centres.js';

/** Every migration of the grants schema, in order. */
export const GRANTS_MIGRATIONS = [
  Initial1700000000001,
  GrantsLifecycle1700000000002,
  AgreementPreparation1700000000003,
  OutboxSequence1700000000004,
  GiveUpExtensionsGroups1700000000005,
  DeMinimis1700000000006,
  AccountsReadModel1700000000007,
  Centres1700000000008,
];
