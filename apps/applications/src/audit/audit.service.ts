import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, RequestContext } from '@app/common';
import { AuditEntry } from './audit.entity.js';

export interface AuditRecord {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Writes audit entries in the caller's transaction, so a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      at: this.clock.now(),
      actorId: entry.actorId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      changes: (entry.changes ?? null) as any,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
  }
}
