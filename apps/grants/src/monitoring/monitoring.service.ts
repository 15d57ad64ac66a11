import { Injectable } from '@nestjs/common';
import { Clock, warsawDate } from '@app/common';
import { AppealsSettlementScan } from '../appeals/scans/appeals-settlement.scan.js';
import { GrantsEnv } from '../config/grants.env.js';
import { EvaluationsOverdueScan } from '../evaluation/scans/evaluations-overdue.scan.js';
import type { ScanBatch } from '../shared/scan-batch.js';
import { RefundClaimsScan } from './scans/refund-claims.scan.js';
import { ReportNoticesScan } from './scans/report-notices.scan.js';
import { SettlementsScan } from './scans/settlements.scan.js';
import { TermsKeptScan } from './scans/terms-kept.scan.js';

/** Calls whose appeal terms are settled in one tick at most. */
const APPEAL_SETTLEMENTS_PER_TICK = 20;

/**
 * The scheduler's tick (`MonitoringScheduler`, and `POST /api/monitoring/run`): the seven scans,
 * each in its own file, one after the other — reports due and overdue, refund claims for
 * vacancies not refilled in time, terms kept, settlements, overdue evaluations, the settlement
 * after the appeals. Each scan works in batches under SKIP LOCKED until a batch comes back short,
 * so replicas share it. "Today" is the Warsaw day of the injected Clock.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly clock: Clock,
    private readonly env: GrantsEnv,
    private readonly reportNotices: ReportNoticesScan,
    private readonly refundClaims: RefundClaimsScan,
    private readonly termsKept: TermsKeptScan,
    private readonly settlements: SettlementsScan,
    private readonly evaluationsOverdue: EvaluationsOverdueScan,
    private readonly appealsSettlement: AppealsSettlementScan,
  ) {}

  /** One pass of every scan; how many rows each one took. */
  async tick(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    done.reportsDue = await this.drain((batch) => this.reportNotices.execute('due', batch));
    done.reportsOverdue = await this.drain((batch) => this.reportNotices.execute('overdue', batch));
    const unpriced = new Set<string>();
    done.refundsClaimed =
      (await this.drain((batch) => this.refundClaims.execute({ ...batch, unpriced }))) -
      unpriced.size;
    done.termsKept = await this.drain((batch) => this.termsKept.execute(batch));
    done.settled = await this.drain((batch) => this.settlements.execute(batch));
    done.evaluationsOverdue = await this.drain((batch) => this.evaluationsOverdue.execute(batch));
    done.callsSettledAfterAppeals = await this.appealsSettlement.execute({
      now: this.clock.now(),
      limit: APPEAL_SETTLEMENTS_PER_TICK,
    });
    return done;
  }

  /** Runs a scan batch after batch (each with today's date) until one comes back short. */
  private async drain(step: (batch: ScanBatch) => Promise<number>): Promise<number> {
    const limit = this.env.SCHEDULER_BATCH_SIZE;
    let total = 0;
    for (;;) {
      const n = await step({ today: warsawDate(this.clock.now()), limit });
      total += n;
      if (n < limit) return total;
    }
  }
}
