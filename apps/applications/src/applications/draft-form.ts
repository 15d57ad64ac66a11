import { validationFailed } from '@app/common';
import { entityName } from '../domain/grant-application.js';
import { field, text } from '../domain/problems.js';
import { formProblems } from '../forms/form-validation.js';
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

/** List columns copied from the form on every save. */
export function copyListColumns(application: Application): void {
  const applicant = field(application.form, 'applicant');
  application.entityName = entityName(application.form);
  application.applicantKind = text(field(applicant, 'kind')) ?? null;
  application.county = text(field(applicant, 'county')) ?? null;
  const groupId = text(field(applicant, 'groupId'));
  application.groupId = groupId && isUuid(groupId) ? groupId : null;
}
