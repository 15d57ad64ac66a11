import { AuditEntry } from './audit/audit.entity.js';
import { CallReadModel } from './calls/call.entity.js';
import { SigningKey, User } from './identity/user.entity.js';
import { Application, ApplicationVersion } from './applications/application.entity.js';

export const APPLICATIONS_ENTITIES = [User, SigningKey, CallReadModel, Application, ApplicationVersion, AuditEntry];
