import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, AuditService, Clock, type AuthUser } from '@app/common';
import { DeliveriesErrors } from '../../deliveries.errors.js';
import { DeliveryMetrics } from '../../delivery-metrics.js';
import { DeliverySender } from '../../delivery-sender.service.js';

/** The most failed deliveries one re-send may take. */
export const RESEND_LIMIT = 10_000;

/** Which failed deliveries to send again; every field narrows, none: all failed deliveries. */
export interface ResendFilter {
  readonly template?: string;
  readonly recipient?: string;
  readonly reference?: string;
  /** Queued at or after this moment. */
  readonly from?: Date;
  /** Queued before this moment. */
  readonly to?: Date;
}

export interface ResendDeliveriesCommand {
  readonly user: AuthUser;
  readonly filter: ResendFilter;
}

/**
 * An operator sends again every failed delivery matching a filter (e.g. after an SMTP relay
 * outage longer than the retry schedule): each goes back to `pending` with a fresh schedule, in
 * one transaction with one audit entry (`delivery-resend`, the filter and the deliveries).
 * Idempotent: a second call finds them pending or sent and re-sends none.
 */
@Injectable()
export class ResendDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sender: DeliverySender,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async execute({ filter }: ResendDeliveriesCommand): Promise<{ resent: number }> {
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw ApiError.unprocessable(DeliveriesErrors.RESEND_RANGE_INVALID, {
        pl: 'Początek okresu (from) musi być wcześniejszy niż jego koniec (to)',
        en: 'The start of the period (from) must be before its end (to)',
      });
    }
    const where = [`status = 'failed'`];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.template) add('template = ?', filter.template);
    // Recipients are stored lower-cased.
    if (filter.recipient) add('recipient = ?', filter.recipient.toLowerCase());
    if (filter.reference) add('reference = ?', filter.reference);
    if (filter.from) add('created_at >= ?', filter.from);
    if (filter.to) add('created_at < ?', filter.to);
    const now = this.clock.now();
    const ids = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM notifications.deliveries WHERE ${where.join(' AND ')}
          ORDER BY created_at, id LIMIT ${RESEND_LIMIT + 1} FOR UPDATE`,
        params,
      );
      if (rows.length > RESEND_LIMIT) {
        throw ApiError.unprocessable(DeliveriesErrors.RESEND_TOO_MANY, {
          pl: `Filtr obejmuje ponad ${RESEND_LIMIT} nieudanych wysyłek: zawęź go`,
          en: `The filter matches more than ${RESEND_LIMIT} failed deliveries: narrow it`,
        });
      }
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await manager.query(
        `UPDATE notifications.deliveries
            SET status = 'pending', attempts = 0, next_attempt_at = $2, retry_from = $2, last_error = NULL, lease_until = NULL
          WHERE id = ANY($1::uuid[])`,
        [ids, now],
      );
      await this.audit.record(manager, {
        entityType: 'delivery-resend',
        entityId: randomUUID(),
        action: 'resend-failed',
        fromState: 'failed',
        toState: 'pending',
        changes: {
          filter: {
            ...filter,
            from: filter.from?.toISOString(),
            to: filter.to?.toISOString(),
          },
          count: ids.length,
          deliveryIds: ids,
        },
      });
      return ids;
    });
    if (ids.length > 0) {
      this.metrics.resends.inc({ reason: 'operator' }, ids.length);
      this.sender.wake();
    }
    return { resent: ids.length };
  }
}
