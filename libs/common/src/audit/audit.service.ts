import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { Clock } from '../time/clock.js';
import { toWarsawIso } from '../time/warsaw.js';
import { AuditEntry } from './audit.entity.js';

export interface AuditRecord {
  /** The acting user; null for the system (scheduler, events). Defaults to the request's user. */
  actorId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Writes audit entries in the caller's transaction: a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const context = RequestContext.current();
    await manager.insert(AuditEntry, {
      at: this.clock.now(),
      actorId: entry.actorId === undefined ? (context?.userId ?? null) : entry.actorId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      changes: (entry.changes ?? null) as any,
      correlationId: context?.correlationId ?? null,
    });
  }

  list(filter: {
    entityType?: string;
    entityId?: string;
    limit: number;
    before?: Date;
  }): Promise<AuditEntry[]> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entityType = :type', { type: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :id', { id: filter.entityId });
    if (filter.before) qb.andWhere('a.at < :before', { before: filter.before });
    return qb.orderBy('a.at', 'DESC').addOrderBy('a.seq', 'DESC').limit(filter.limit).getMany();
  }
}

/** An audit entry as the services' `GET /api/audit` shows it. */
export function auditEntryView(entry: AuditEntry) {
  return {
    id: entry.id,
    at: toWarsawIso(entry.at),
    actorId: entry.actorId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    changes: entry.changes,
    correlationId: entry.correlationId,
  };
}
