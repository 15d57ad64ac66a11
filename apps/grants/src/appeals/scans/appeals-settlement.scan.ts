import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '@app/common';
import { SettleAppeals } from '../use-cases/settle-appeals/settle-appeals.use-case.js';

export interface AppealsSettlementScanInput {
  /** The scheduler's now. */
  readonly now: Date;
  /** Calls taken in one pass. */
  readonly limit: number;
}

/**
 * Scheduler scan: calls whose appeal terms are over with no appeal pending, not yet settled, are
 * settled (`SettleAppeals`), each in its own transaction. Returns how many were.
 */
@Injectable()
export class AppealsSettlementScan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly settleAppeals: SettleAppeals,
  ) {}

  async execute({ now, limit }: AppealsSettlementScanInput): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM grants.calls c
        WHERE c.ranking_approved_at IS NOT NULL AND c.appeals_settled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM grants.decisions d WHERE d.call_id = c.id AND d.appeal_deadline >= $1)
          AND NOT EXISTS (SELECT 1 FROM grants.appeals p WHERE p.call_id = c.id AND p.status = 'pending')
        LIMIT $2`,
      [now, limit],
    );
    let settled = 0;
    for (const { id } of due) {
      const ran = await this.outbox.transaction((manager, emit) =>
        this.settleAppeals.execute({ manager, emit }, { callId: id }),
      );
      if (ran) settled++;
    }
    return settled;
  }
}
