import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStaff, type AuthUser } from '@app/common';
import { GrantApplication } from '../../../applications/application.entity.js';
import { Decision } from '../../../ranking/decision.entity.js';

export interface ListDecisionsInput {
  readonly user: AuthUser;
  readonly callId?: string;
}

export type DecisionWithApplication = Decision & { application: GrantApplication };

/** Decisions, newest first: an applicant's own, or all (optionally of one call) for staff. */
@Injectable()
export class ListDecisions {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, callId }: ListDecisionsInput): Promise<DecisionWithApplication[]> {
    const qb = this.dataSource
      .getRepository(Decision)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.application', GrantApplication, 'a', 'a.id = d.applicationId');
    if (!isStaff(user)) qb.where('a.applicantUserId = :user', { user: user.id });
    if (callId) qb.andWhere('d.callId = :callId', { callId });
    return (await qb
      .orderBy('d.decidedAt', 'DESC')
      .limit(500)
      .getMany()) as DecisionWithApplication[];
  }
}
