import type { EntityManager } from 'typeorm';
import { multiplyGrosze } from '@app/common';
import type { RefundPart } from '../../domain/index.js';
import { Payment, type Award, type AwardJob } from '../../awards/award.entities.js';

/**
 * The money paid for one job, payment by payment (interest runs from each payment's day):
 * its share of every tranche (by the job's weight) and its own bridging support.
 */
export async function refundParts(
  manager: EntityManager,
  award: Award,
  job: AwardJob,
): Promise<RefundPart[]> {
  const payments = await manager.find(Payment, {
    where: { awardId: award.id },
    order: { paidOn: 'ASC' },
  });
  const [weights]: { total: string }[] = await manager.query(
    `SELECT sum(weight)::bigint AS total FROM grants.award_jobs WHERE award_id = $1`,
    [award.id],
  );
  const totalWeight = Number(weights!.total);
  const parts: RefundPart[] = [];
  for (const p of payments) {
    const principal =
      p.kind === 'tranche'
        ? multiplyGrosze(p.amount, job.weight, totalWeight)
        : p.jobId === job.id
          ? p.amount
          : 0;
    if (principal > 0) parts.push({ principal, paidOn: p.paidOn });
  }
  return parts;
}
