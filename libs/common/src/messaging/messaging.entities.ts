import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Tables every service has in its own schema (the DataSource's schema applies, so these
 * entities name no schema). Created by `createMessagingTables` in each service's first
 * migration.
 */

/** Transactional outbox: events written with the business change, published by the relay. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
export class OutboxRecord {
  @PrimaryColumn('uuid')
  id: string;

  /** Commit order (identity): what the relay publishes by. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('text')
  subject: string;

  @Column('jsonb')
  envelope: Record<string, unknown>;

  @Column('text', { name: 'correlation_id' })
  correlationId: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}

/** Idempotent inbox: one row per (consumer, event) handled, written with the handler's effect. */
@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn('text')
  consumer: string;

  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  subject: string;

  @Column('timestamptz', { name: 'handled_at', default: () => 'now()' })
  handledAt: Date;
}

/** Messages a consumer gave up on (poison or out of retries), for an operator to look at. */
@Entity({ name: 'dead_letters' })
@Index('dead_letters_created_idx', ['createdAt'])
export class DeadLetterRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  consumer: string;

  @Column('text')
  subject: string;

  @Column('text', { name: 'event_id', nullable: true })
  eventId: string | null;

  @Column('jsonb', { nullable: true })
  payload: unknown;

  @Column('text')
  error: string;

  @Column('int')
  deliveries: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}

export const MESSAGING_ENTITIES = [OutboxRecord, InboxRecord, DeadLetterRecord];
