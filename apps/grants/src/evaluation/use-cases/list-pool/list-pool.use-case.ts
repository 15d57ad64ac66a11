import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findCall } from '../../../calls/find-call.js';
import { CallEvaluator } from '../../evaluation.entities.js';

export interface ListPoolInput {
  readonly callId: string;
}

/** The call's evaluator pool (its evaluation committee), in the order its members were added. */
@Injectable()
export class ListPool {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ callId }: ListPoolInput): Promise<CallEvaluator[]> {
    await findCall(this.dataSource.manager, callId);
    return this.dataSource
      .getRepository(CallEvaluator)
      .find({ where: { callId }, order: { addedAt: 'ASC', userId: 'ASC' } });
  }
}
