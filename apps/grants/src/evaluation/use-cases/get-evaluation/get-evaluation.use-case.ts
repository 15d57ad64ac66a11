import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, type AuthUser } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { ownEvaluation } from '../../evaluation-access.js';
import { EvaluationErrors } from '../../evaluation.errors.js';
import type { Evaluation } from '../../evaluation.entities.js';

export interface GetEvaluationInput {
  readonly user: AuthUser;
  readonly evaluationId: string;
}

export interface EvaluationWithApplication {
  evaluation: Evaluation;
  application: GrantApplication;
  call: Call;
  /** What the appeal contests (appeal round). */
  appeal: { criteria: string[]; justification: string } | null;
}

/**
 * An evaluator's own evaluation (404 otherwise) with the application, only after the
 * impartiality declaration (403 before, and after a declared conflict of interest).
 */
@Injectable()
export class GetEvaluation {
  constructor(private readonly dataSource: DataSource) {}

  async execute({
    user,
    evaluationId: id,
  }: GetEvaluationInput): Promise<EvaluationWithApplication> {
    const evaluation = await ownEvaluation(this.dataSource.manager, user, id);
    if (evaluation.status === 'assigned') {
      throw ApiError.forbidden(EvaluationErrors.DECLARATION_REQUIRED, {
        pl: 'Przed zapoznaniem się z wnioskiem złóż deklarację bezstronności i poufności',
        en: 'Sign the impartiality and confidentiality declaration before seeing the application',
      });
    }
    if (evaluation.status === 'conflict') {
      throw ApiError.forbidden(EvaluationErrors.CONFLICT_OF_INTEREST, {
        pl: 'Zgłoszono konflikt interesów: wniosek oceni ktoś inny',
        en: 'A conflict of interest was declared: someone else evaluates the application',
      });
    }
    const application = await this.dataSource
      .getRepository(GrantApplication)
      .findOneOrFail({ where: { id: evaluation.applicationId } });
    const call = await this.dataSource
      .getRepository(Call)
      .findOneOrFail({ where: { id: evaluation.callId } });
    const appeal: { criteria: string[]; justification: string }[] =
      evaluation.round === 'appeal'
        ? await this.dataSource.query(
            `SELECT criteria, justification FROM grants.appeals WHERE evaluation_id = $1`,
            [id],
          )
        : [];
    return { evaluation, application, call, appeal: appeal[0] ?? null };
  }
}
