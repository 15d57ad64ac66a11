import type { EntityManager } from 'typeorm';
import { ApiError } from '@app/common';
import { Call } from './call.entity.js';

export const CALL_NOT_FOUND = { pl: 'Nie ma takiego naboru', en: 'No such call' };

/** The call, locked for the transaction when asked; 404 when there is none. */
export async function findCall(manager: EntityManager, id: string, lock = false): Promise<Call> {
  const call = await manager.findOne(Call, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!call) throw ApiError.notFound(CALL_NOT_FOUND);
  return call;
}
