import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@app/common';
import { decisionFor, type DecisionWithAppeal } from '../../decision-access.js';

export interface GetDecisionInput {
  readonly user: AuthUser;
  readonly decisionId: string;
}

/** A decision with its appeal: the applicant's own, or any for staff. */
@Injectable()
export class GetDecision {
  constructor(private readonly dataSource: DataSource) {}

  execute({ user, decisionId }: GetDecisionInput): Promise<DecisionWithAppeal> {
    return decisionFor(this.dataSource.manager, user, decisionId);
  }
}
