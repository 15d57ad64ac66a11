import type { EntityManager } from 'typeorm';
import { ApiError, type AuthUser } from '@app/common';
import { awardFor } from '../awards/award-access.js';
import { AwardJob, type Award } from '../awards/award.entities.js';
import { MonitoringErrors } from './monitoring.errors.js';

const JOB_NOT_FOUND = { pl: 'Nie ma takiego miejsca pracy', en: 'No such job' };

/**
 * A job of an award the caller may see, locked for the transaction, whose monitoring is still
 * open (409 once kept or settled by a refund claim).
 */
export async function monitoredJob(
  manager: EntityManager,
  user: AuthUser,
  awardId: string,
  jobId: string,
): Promise<{ award: Award; job: AwardJob }> {
  const award = await awardFor(manager, user, awardId);
  const job = await manager.findOne(AwardJob, {
    where: { id: jobId, awardId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!job) throw ApiError.notFound(JOB_NOT_FOUND);
  if (job.status === 'refund-claimed' || job.status === 'kept') {
    throw ApiError.conflict(MonitoringErrors.JOB_TERM_CLOSED, {
      pl: 'Monitorowanie tego miejsca pracy zostało zakończone',
      en: "This job's monitoring is closed",
    });
  }
  return { award, job };
}
