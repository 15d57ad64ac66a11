import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStaff, type AuthUser } from '@app/common';
import { Award } from '../../award.entities.js';

export interface ListAwardsInput {
  readonly user: AuthUser;
  readonly callId?: string;
}

/** Awards, newest first: an applicant's own, or all (optionally of one call) for staff. */
@Injectable()
export class ListAwards {
  constructor(private readonly dataSource: DataSource) {}

  execute({ user, callId }: ListAwardsInput): Promise<Award[]> {
    const qb = this.dataSource.getRepository(Award).createQueryBuilder('w');
    if (!isStaff(user)) qb.where('w.applicantUserId = :user', { user: user.id });
    if (callId) qb.andWhere('w.callId = :callId', { callId });
    return qb.orderBy('w.grantedAt', 'DESC').limit(500).getMany();
  }
}
