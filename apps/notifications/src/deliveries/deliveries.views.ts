import { toWarsawIso } from '@app/common';
import type { DeliveryLogEntry } from './deliveries.service.js';

/** A delivery as the API shows it: moments in Warsaw time, the next attempt only while pending. */
export function deliveryView(d: DeliveryLogEntry) {
  return {
    id: d.id,
    /** The centre the letter is of; null for a letter of the installation (an account's). */
    centreId: d.centreId,
    eventId: d.eventId,
    eventType: d.eventType,
    template: d.template,
    recipient: d.recipient,
    language: d.language,
    reference: d.reference,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    messageId: d.messageId,
    /** Times it went out again after a claim ran out without an outcome (same Message-ID). */
    resends: d.resends,
    lastResentAt: d.lastResentAt ? toWarsawIso(d.lastResentAt) : null,
    sentAt: d.sentAt ? toWarsawIso(d.sentAt) : null,
    createdAt: toWarsawIso(d.createdAt),
    nextAttemptAt: d.status === 'pending' ? toWarsawIso(d.nextAttemptAt) : null,
  };
}
