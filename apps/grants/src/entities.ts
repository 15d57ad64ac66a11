import { Call } from './calls/call.entity.js';
import { AuditEntry } from '@app/common';
import { Programme } from './programmes/programme.entity.js';
import { GrantApplication } from './applications/application.entity.js';
import { CallEvaluator, Evaluation } from './evaluation/evaluation.entities.js';
import { Decision } from './ranking/decision.entity.js';
import { Appeal } from './appeals/appeal.entity.js';
import { Award, AwardJob, BridgingExtensionRequest, Payment } from './awards/award.entities.js';
import { InitiativeGroup } from './applications/initiative-group.entity.js';
import { JobReport, RefundClaimRecord } from './monitoring/monitoring.entities.js';
import { InterestRate } from './interest-rates/interest-rate.entity.js';
import { ExchangeRateRow } from './exchange-rates/exchange-rate.entity.js';
import { Centre } from './centres/centre.entity.js';

export const GRANTS_ENTITIES = [
  Call,
  AuditEntry,
  Programme,
  GrantApplication,
  CallEvaluator,
  Evaluation,
  Decision,
  Appeal,
  Award,
  AwardJob,
  Payment,
  JobReport,
  RefundClaimRecord,
  InterestRate,
  ExchangeRateRow,
  BridgingExtensionRequest,
  InitiativeGroup,
  Centre,
];
