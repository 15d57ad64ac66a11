import { validationFailed } from '@app/common';
import type { EntityManager } from 'typeorm';
import { entityName } from '../domain/grant-application.js';
import { field, text } from '../domain/problems.js';
import { formProblems } from '../forms/form-validation.js';
import { InitiativeGroup } from '../initiative-groups/initiative-group.entity.js';
import type { Application } from './application.entity.js';
import { ApplicationFormDto } from './application-form.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A draft may be half-filled, but what it holds must have the right types (400 otherwise). */
export async function assertDraftTypes(form: Record<string, unknown>): Promise<void> {
  const problems = await formProblems(ApplicationFormDto, form, 'draft');
  if (problems.length > 0) throw validationFailed(problems);
}

/**
 * List columns copied from the form on every save. The group column links only a group the
 * applicant leads: a UUID of no group and another applicant's group are kept in the form alone
 * and both answer alike (the save succeeds, submission says the group does not qualify), so an
 * answer never tells whether a group id exists.
 */
export async function copyListColumns(
  manager: EntityManager,
  application: Application,
): Promise<void> {
  const applicant = field(application.form, 'applicant');
  application.entityName = entityName(application.form);
  application.applicantKind = text(field(applicant, 'kind')) ?? null;
  application.county = text(field(applicant, 'county')) ?? null;
  const groupId = text(field(applicant, 'groupId'));
  const own =
    groupId && isUuid(groupId)
      ? await manager.exists(InitiativeGroup, {
          where: { id: groupId, leaderId: application.applicantId },
        })
      : false;
  application.groupId = own ? (groupId as string) : null;
}
