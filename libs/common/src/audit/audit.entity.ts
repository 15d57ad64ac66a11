import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every state change of a service: who, when, what, from which state to which, and what changed.
 * One `audit_log` table in each service's own schema (the DataSource's schema, as for the outbox).
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_entity_idx', ['entityType', 'entityId', 'at'])
@Index('audit_log_at_idx', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order (several entries share a moment inside one transaction). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Column('uuid', { name: 'entity_id' })
  entityId: string;

  @Column('text')
  action: string;

  @Column('text', { name: 'from_state', nullable: true })
  fromState: string | null;

  @Column('text', { name: 'to_state', nullable: true })
  toState: string | null;

  @Column('jsonb', { nullable: true })
  changes: Record<string, unknown> | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;
}
