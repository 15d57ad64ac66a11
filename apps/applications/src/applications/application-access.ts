import type { EntityManager } from 'typeorm';
import { ApiError, isStaff, type AuthUser } from '@app/common';
import { Application } from './application.entity.js';

export const NO_SUCH_APPLICATION = { pl: 'Nie ma takiego wniosku', en: 'No such application' };

/** Loads an application the caller may see; another applicant's id answers 404, never 403. */
export async function findVisibleApplication(
  manager: EntityManager,
  user: AuthUser,
  id: string,
  lock = false,
): Promise<Application> {
  const application = await manager.findOne(Application, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!application || (!isStaff(user) && application.applicantId !== user.id)) {
    throw ApiError.notFound(NO_SUCH_APPLICATION);
  }
  return application;
}

/** The applicant's own application, locked for a change. */
export async function findOwnApplication(
  manager: EntityManager,
  user: AuthUser,
  id: string,
): Promise<Application> {
  const application = await findVisibleApplication(manager, user, id, true);
  if (application.applicantId !== user.id) throw ApiError.notFound(NO_SUCH_APPLICATION);
  return application;
}
