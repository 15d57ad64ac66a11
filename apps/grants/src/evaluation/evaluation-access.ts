import type { EntityManager } from 'typeorm';
import { ApiError, type AuthUser } from '@app/common';
import { Evaluation } from './evaluation.entities.js';

const EVALUATION_NOT_FOUND = { pl: 'Nie ma takiej oceny', en: 'No such evaluation' };

/** The caller's own evaluation, locked when asked; 404 for anyone else's and a cancelled one. */
export async function ownEvaluation(
  manager: EntityManager,
  user: AuthUser,
  id: string,
  lock = false,
): Promise<Evaluation> {
  const evaluation = await manager.findOne(Evaluation, {
    where: { id, evaluatorId: user.id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!evaluation || evaluation.status === 'cancelled')
    throw ApiError.notFound(EVALUATION_NOT_FOUND);
  return evaluation;
}
