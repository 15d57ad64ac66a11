import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, AuditService, Clock, type AuthUser } from '@app/common';
import { DeliveriesErrors } from '../../deliveries.errors.js';
import { DeliveryMetrics } from '../../delivery-metrics.js';
import { DeliverySender } from '../../delivery-sender.service.js';
import type { DeliveryStatus } from '../../delivery.entity.js';
import { DeliveriesService, type DeliveryLogEntry } from '../../deliveries.service.js';

export interface ResendDeliveryCommand {
  readonly user: AuthUser;
  readonly deliveryId: string;
}

export interface ResendDeliveryResult {
  /** The delivery went back to `pending` now; false when it was already pending or sent. */
  readonly resent: boolean;
  /** The delivery as it is now. */
  readonly delivery: DeliveryLogEntry;
}

/**
 * An operator sends a failed delivery again (docs/runbook.md#failed-e-mails): it goes back to
 * `pending` with a fresh retry schedule (attempts from 0, MAIL_RETRY_FOR_HOURS from now), the
 * same rendered message and Message-ID, audited. Idempotent: a delivery already pending or sent is
 * left as it is and nothing is sent a second time.
 */
@Injectable()
export class ResendDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sender: DeliverySender,
    private readonly metrics: DeliveryMetrics,
    private readonly deliveries: DeliveriesService,
  ) {}

  async execute({ deliveryId }: ResendDeliveryCommand): Promise<ResendDeliveryResult> {
    const resent = await this.dataSource.transaction(async (manager) => {
      const [row]: { status: DeliveryStatus; attempts: number; last_error: string | null }[] =
        await manager.query(
          `SELECT status, attempts, last_error FROM notifications.deliveries WHERE id = $1 FOR UPDATE`,
          [deliveryId],
        );
      if (!row) {
        throw ApiError.of(DeliveriesErrors.DELIVERY_NOT_FOUND, {
          pl: 'Nie ma takiej wysyłki',
          en: 'No such delivery',
        });
      }
      if (row.status !== 'failed') return false;
      const now = this.clock.now();
      await manager.query(
        `UPDATE notifications.deliveries
            SET status = 'pending', attempts = 0, next_attempt_at = $2, retry_from = $2, last_error = NULL, lease_until = NULL
          WHERE id = $1`,
        [deliveryId, now],
      );
      await this.audit.record(manager, {
        entityType: 'delivery',
        entityId: deliveryId,
        action: 'resend',
        fromState: 'failed',
        toState: 'pending',
        changes: { attempts: row.attempts, lastError: row.last_error },
      });
      return true;
    });
    if (resent) {
      this.metrics.resends.inc({ reason: 'operator' });
      this.sender.wake();
    }
    return { resent, delivery: (await this.deliveries.get(deliveryId))! };
  }
}
