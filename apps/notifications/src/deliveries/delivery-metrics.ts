import { Injectable } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { Metrics } from '@app/common';

/** Why a message went out again: see docs/runbook.md#e-mail-delivery-metrics. */
export type ResendReason = 'resent_same_id' | 'operator';

/** What the e-mail delivery counts, in the service's registry (docs/runbook.md#e-mail-delivery-metrics). */
@Injectable()
export class DeliveryMetrics {
  readonly smtpErrors: Counter<'kind'>;
  readonly resends: Counter<'reason'>;
  readonly sent: Counter;
  readonly unrecorded: Gauge;

  constructor(metrics: Metrics) {
    this.smtpErrors = metrics.counter(
      'owes_smtp_errors_total',
      'Failed SMTP sends: transient (retried) or permanent (5xx refusal, delivery failed)',
      ['kind'],
    );
    this.resends = metrics.counter(
      'owes_delivery_resends_total',
      'E-mails sent again: resent_same_id (a claim ran out without an outcome; same Message-ID), operator (a failed delivery re-sent by an operator)',
      ['reason'],
    );
    this.sent = metrics.counter(
      'owes_deliveries_sent_total',
      'E-mails the SMTP server accepted (recorded at once or held until the database answered)',
    );
    this.unrecorded = metrics.gauge(
      'owes_delivery_unrecorded_outcomes',
      'E-mails accepted by SMTP whose sent state this process still holds because the database did not answer',
    );
    // Every series from the start, so a rate() sees the first increment.
    this.smtpErrors.inc({ kind: 'transient' }, 0);
    this.smtpErrors.inc({ kind: 'permanent' }, 0);
    this.resends.inc({ reason: 'resent_same_id' }, 0);
    this.resends.inc({ reason: 'operator' }, 0);
    this.unrecorded.set(0);
  }
}
