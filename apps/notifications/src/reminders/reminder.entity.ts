import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind } from './reminder-rules.js';

export type ReminderStatus = 'pending' | 'sent' | 'cancelled' | 'expired';

/**
 * A durable reminder: due at `dueAt`, sent once (`sent`), or made moot by an event (`cancelled`)
 * or by its deadline passing before it could go out (`expired`). Unique per (source event, kind,
 * recipient). Written with SQL in RemindersService; the entity documents the table.
 */
@Entity({ name: 'reminders', schema: 'notifications' })
@Index('reminders_once_key', ['sourceEventId', 'kind', 'recipient'], { unique: true })
@Index('reminders_status_due_idx', ['status', 'dueAt'])
@Index('reminders_reference_idx', ['reference', 'dueAt'])
@Index('reminders_recipient_idx', ['recipient', 'dueAt'])
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: ReminderKind;

  @Column('text')
  template: string;

  @Column('uuid', { name: 'source_event_id' })
  sourceEventId: string;

  @Column('text', { name: 'source_event_type' })
  sourceEventType: string;

  @Column('timestamptz', { name: 'source_occurred_at' })
  sourceOccurredAt: Date;

  @Column('text')
  recipient: string;

  @Column('text', { name: 'recipient_name' })
  recipientName: string;

  @Column('uuid', { name: 'recipient_user_id', nullable: true })
  recipientUserId: string | null;

  @Column('text')
  language: 'pl' | 'en';

  @Column('text', { nullable: true })
  reference: string | null;

  @Column('text', { array: true })
  scopes: string[];

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('timestamptz')
  deadline: Date;

  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('text')
  status: ReminderStatus;

  @Column('text', { name: 'cancelled_by', nullable: true })
  cancelledBy: string | null;

  @Column('uuid', { name: 'delivery_id', nullable: true })
  deliveryId: string | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
