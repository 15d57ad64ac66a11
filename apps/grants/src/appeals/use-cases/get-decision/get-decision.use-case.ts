import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { Evaluation } from '../../../evaluation/evaluation.entities.js';
import { decisionFor, type DecisionWithAppeal } from '../../decision-access.js';

export interface GetDecisionInput {
  readonly user: AuthUser;
  readonly decisionId: string;
}

/** One of the call's criteria with the points the application got in it (what an appeal names). */
export interface CriterionPoints {
  id: string;
  name: string;
  maxPoints: number;
  /** The mean of the submitted first- and third-round scores in this criterion (null: none yet). */
  points: number | null;
}

/**
 * A decision with its appeal and the call's criteria with the points given in each (the mean
 * of the evaluators' scores that counted): the applicant's own, or any for staff.
 */
@Injectable()
export class GetDecision {
  constructor(private readonly dataSource: DataSource) {}

  async execute({
    user,
    decisionId,
  }: GetDecisionInput): Promise<DecisionWithAppeal & { criteria: CriterionPoints[] }> {
    const manager = this.dataSource.manager;
    const found = await decisionFor(manager, user, decisionId);
    const call = await manager.findOneOrFail(Call, { where: { id: found.decision.callId } });
    const evaluations = await manager.find(Evaluation, {
      where: {
        applicationId: found.decision.applicationId,
        status: 'submitted',
        round: In(['first', 'third']),
      },
    });
    const criteria = call.criteria.map((c) => {
      const given = evaluations.flatMap((e) =>
        (e.scores ?? []).filter((s) => s.criterionId === c.id).map((s) => s.points),
      );
      const points =
        given.length === 0
          ? null
          : Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100;
      return { id: c.id, name: c.name, maxPoints: c.maxPoints, points };
    });
    return { ...found, criteria };
  }
}
