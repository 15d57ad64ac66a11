import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A durable timer: something to do at a moment (e.g. reject a form whose correction term
 * lapsed). Rows survive restarts; replicas share the scan with `FOR UPDATE SKIP LOCKED`.
 */
@Entity({ name: 'due_timers', schema: 'applications' })
@Index('due_timers_entity_idx', ['kind', 'entityId'])
export class DueTimer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('uuid', { name: 'entity_id' })
  entityId: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('jsonb', { default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt: Date | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
