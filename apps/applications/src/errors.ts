import { mergeErrorCatalogues, PLATFORM_ERRORS } from '@app/common';
import { ApplicationsErrors } from './applications/applications.errors.js';
import { CentresErrors } from './centres/centres.errors.js';
import { IdentityErrors } from './identity/identity.errors.js';
import { InitiativeGroupsErrors } from './initiative-groups/initiative-groups.errors.js';

/**
 * Every error code the applications service can answer: the platform's, then each feature's
 * (`<feature>/<feature>.errors.ts`). A code two features share is one entry with one status.
 */
export const APPLICATIONS_ERRORS = mergeErrorCatalogues(
  PLATFORM_ERRORS,
  IdentityErrors,
  ApplicationsErrors,
  InitiativeGroupsErrors,
  CentresErrors,
);
