import type { EntityManager } from 'typeorm';
import { ApiError, PLATFORM_ERRORS, isStaff, type AuthUser } from '@app/common';
import { CallEvaluator } from '../evaluation/evaluation.entities.js';

/** A call's ranking is for operators and admins, and of the evaluators only the committee chair. */
export async function assertCommitteeAccess(
  manager: EntityManager,
  user: AuthUser,
  callId: string,
): Promise<void> {
  if (isStaff(user)) return;
  const chair = await manager.findOne(CallEvaluator, {
    where: { callId, userId: user.id, chair: true },
  });
  if (!chair) throw ApiError.forbidden(PLATFORM_ERRORS.FORBIDDEN);
}
