import type { ClaimedDelivery } from './delivery-store.js';

/** An e-mail the SMTP server accepted, waiting for its `sent` state to be recorded. */
export interface SentOutcome {
  kind: 'sent';
  deliveryId: string;
  /** The claim it was sent under (the delivery's attempts then), for the lease renewal. */
  attempts: number;
  /** The centre the letter is of (null: the installation's), for `notifications.email.sent`. */
  centreId: string | null;
  eventId: string;
  template: string;
  recipient: string;
  reference: string | null;
  messageId: string;
  sentAt: Date;
  correlationId: string;
}

/** An e-mail the SMTP server refused, waiting for its retry (or failure) to be recorded. */
export interface RefusedOutcome {
  kind: 'refused';
  deliveryId: string;
  attempts: number;
  delivery: ClaimedDelivery;
  error: string;
  permanent: boolean;
  correlationId: string;
}

export type UnrecordedOutcome = SentOutcome | RefusedOutcome;

/**
 * The outcomes of this process's sends that the database did not take, oldest first, at most
 * `capacity`: while the database is away the sender keeps them here (and stops claiming once it
 * is full), keeps their leases, and records them as soon as the database answers — so an accepted
 * e-mail is never sent again because the database was away, and a refused one is not mistaken for
 * a crashed send (docs/architecture.md#e-mail-delivery).
 */
export class UnrecordedOutcomes {
  private readonly items = new Map<string, UnrecordedOutcome>();

  constructor(readonly capacity: number) {}

  /** Keeps an outcome (a second one for the same delivery replaces the first). */
  add(outcome: UnrecordedOutcome): void {
    this.items.set(outcome.deliveryId, outcome);
  }

  remove(deliveryId: string): void {
    this.items.delete(deliveryId);
  }

  /** Oldest first. */
  list(): UnrecordedOutcome[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }
}
