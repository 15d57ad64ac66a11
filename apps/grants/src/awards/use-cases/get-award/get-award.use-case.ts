import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@app/common';
import { JobReport, RefundClaimRecord } from '../../../monitoring/monitoring.entities.js';
import { awardFor } from '../../award-access.js';
import { Award, AwardJob, Payment } from '../../award.entities.js';

export interface GetAwardInput {
  readonly user: AuthUser;
  readonly awardId: string;
}

export interface AwardDetails {
  award: Award;
  jobs: AwardJob[];
  payments: Payment[];
  reports: JobReport[];
  refunds: RefundClaimRecord[];
}

/** An award with its jobs, payments, monthly reports and refund claims. */
@Injectable()
export class GetAward {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, awardId: id }: GetAwardInput): Promise<AwardDetails> {
    const m = this.dataSource.manager;
    const award = await awardFor(m, user, id);
    const [jobs, payments, reports, refunds] = await Promise.all([
      m.find(AwardJob, { where: { awardId: id }, order: { startDate: 'ASC', jobKey: 'ASC' } }),
      m.find(Payment, { where: { awardId: id }, order: { paidOn: 'ASC', recordedAt: 'ASC' } }),
      m.find(JobReport, { where: { awardId: id }, order: { period: 'ASC' } }),
      m.find(RefundClaimRecord, { where: { awardId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { award, jobs, payments, reports, refunds };
  }
}
