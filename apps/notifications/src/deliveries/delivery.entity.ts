import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One e-mail to one person, caused by one event through one template: unique per
 * (event, recipient, template), so a redelivered event never sends twice. Pending deliveries are
 * sent by the DeliverySender with retries; `failed` ends the schedule, is visible to operators,
 * and may be re-sent by them (`POST /api/deliveries/:id/resend`).
 */
@Entity({ name: 'deliveries', schema: 'notifications' })
@Index('deliveries_once_key', ['eventId', 'recipient', 'template'], { unique: true })
@Index('deliveries_due_idx', ['nextAttemptAt'], { where: `status = 'pending'` })
@Index('deliveries_recipient_idx', ['recipient', 'createdAt'])
@Index('deliveries_reference_idx', ['reference'])
@Index('deliveries_created_idx', ['createdAt'])
@Index('deliveries_failed_idx', ['createdAt'], { where: `status = 'failed'` })
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text', { name: 'event_type' })
  eventType: string;

  @Column('text')
  template: string;

  @Column('text')
  recipient: string;

  @Column('text', { name: 'recipient_name', nullable: true })
  recipientName: string | null;

  @Column('text')
  language: 'pl' | 'en';

  @Column('text', { nullable: true })
  reference: string | null;

  @Column('text')
  subject: string;

  @Column('text')
  text: string;

  @Column('text')
  html: string;

  @Column('text')
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  /** Claimed by a sender until then (database time); a crashed sender's claim runs out. */
  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('text', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /**
   * Times the message went out again because an earlier claim ran out without an outcome (the
   * earlier attempt may have been accepted): same Message-ID, so mail stores collapse the copy.
   */
  @Column('int', { default: 0 })
  resends: number;

  @Column('timestamptz', { name: 'last_resent_at', nullable: true })
  lastResentAt: Date | null;

  /** When the current retry schedule started: queued (null: `createdAt`) or re-sent by an operator. */
  @Column('timestamptz', { name: 'retry_from', nullable: true })
  retryFrom: Date | null;

  /** The centre the letter is of; null for a letter of the installation (an account's). */
  @Column('uuid', { name: 'centre_id', nullable: true })
  centreId: string | null;

  /** The From it goes out with, frozen when queued (null on rows queued before: MAIL_FROM). */
  @Column('text', { name: 'mail_from', nullable: true })
  mailFrom: string | null;

  /** The Reply-To it goes out with, frozen when queued (with `mail_from`). */
  @Column('text', { name: 'reply_to', nullable: true })
  replyTo: string | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
