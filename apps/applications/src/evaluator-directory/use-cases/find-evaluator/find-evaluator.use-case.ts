import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { User } from '../../../identity/user.entity.js';

export interface FindEvaluatorQuery {
  /** The evaluator's e-mail address, exactly (any case). */
  readonly email: string;
}

/**
 * The evaluator account with this exact e-mail address, enabled — for an operator putting a
 * call's committee together (the pool needs the account's id). Evaluators are invited per call,
 * not staff of a centre, so there is no list to browse: only an address the operator already
 * knows finds an account, and only an evaluator's.
 */
@Injectable()
export class FindEvaluator {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ email }: FindEvaluatorQuery): Promise<User[]> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .andWhere("u.role = 'evaluator'")
      .andWhere('u.disabledAt IS NULL')
      .getMany();
  }
}
