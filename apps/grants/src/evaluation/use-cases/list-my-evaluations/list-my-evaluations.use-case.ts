import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { Evaluation } from '../../evaluation.entities.js';

export interface ListMyEvaluationsInput {
  readonly user: AuthUser;
}

export interface MyEvaluation {
  evaluation: Evaluation;
  reference: string;
  callNumber: string;
}

/** An evaluator's own evaluations, newest first (cancelled ones left out). */
@Injectable()
export class ListMyEvaluations {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user }: ListMyEvaluationsInput): Promise<MyEvaluation[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .innerJoin(GrantApplication, 'a', 'a.id = e.applicationId')
      .innerJoin(Call, 'c', 'c.id = e.callId')
      .addSelect(['a.reference', 'c.number'])
      .where('e.evaluatorId = :id', { id: user.id })
      .andWhere(`e.status <> 'cancelled'`)
      .orderBy('e.assignedAt', 'DESC')
      .getRawAndEntities();
    return entities.map((evaluation, i) => ({
      evaluation,
      reference: raw[i].a_reference as string,
      callNumber: raw[i].c_number as string,
    }));
  }
}
