import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { FundReserve } from '../../../ranking/use-cases/fund-reserve/fund-reserve.use-case.js';
import type { Tx } from '../../../shared/tx.js';

export interface SettleAppealsInput {
  readonly callId: string;
}

/**
 * After the appeal terms: once every decision's appeal term is over and no appeal is pending,
 * positive applications on the reserve list are funded in ranking order from what is left
 * (domain `fundFromReserve`: never skipping down, never un-funding), and the ranking list is
 * published again. Runs once per call; returns whether it ran.
 */
@Injectable()
export class SettleAppeals {
  constructor(
    private readonly clock: Clock,
    private readonly fundReserve: FundReserve,
  ) {}

  async execute(tx: Tx, { callId }: SettleAppealsInput): Promise<boolean> {
    const { manager } = tx;
    const call = await manager.findOne(Call, {
      where: { id: callId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!call || !call.rankingApprovedAt || call.appealsSettledAt) return false;
    const now = this.clock.now();
    const [state]: { last_deadline: Date | null; pending: string }[] = await manager.query(
      `SELECT max(appeal_deadline) AS last_deadline,
              (SELECT count(*) FROM grants.appeals WHERE call_id = $1 AND status = 'pending') AS pending
         FROM grants.decisions WHERE call_id = $1`,
      [callId],
    );
    if (
      Number(state!.pending) > 0 ||
      (state!.last_deadline && new Date(state!.last_deadline) >= now)
    )
      return false;
    call.appealsSettledAt = now;
    await this.fundReserve.execute(tx, { call, why: 'after-appeals' });
    return true;
  }
}
