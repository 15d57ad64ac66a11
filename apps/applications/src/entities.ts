import { AuditEntry } from '@app/common';
import { CallReadModel } from './calls/call.entity.js';
import {
  EmailVerification,
  PasswordReset,
  RefreshToken,
  Session,
  SigningKey,
  User,
} from './identity/user.entity.js';
import { Application, ApplicationVersion } from './applications/application.entity.js';
import { InitiativeGroup } from './initiative-groups/initiative-group.entity.js';
import { Centre, CentreStaff, CoordinatorScope } from './centres/centre.entity.js';
import { DueTimer } from './timers/due-timer.entity.js';
import { ExchangeRateReadModel } from './exchange-rates/exchange-rate.entity.js';

export const APPLICATIONS_ENTITIES = [
  User,
  SigningKey,
  EmailVerification,
  Session,
  RefreshToken,
  PasswordReset,
  CallReadModel,
  Application,
  ApplicationVersion,
  InitiativeGroup,
  DueTimer,
  ExchangeRateReadModel,
  AuditEntry,
  Centre,
  CentreStaff,
  CoordinatorScope,
];
