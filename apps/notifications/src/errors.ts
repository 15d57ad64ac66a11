import { PLATFORM_ERRORS, mergeErrorCatalogues } from '@app/common';

/**
 * The error codes the notifications service answers: the platform's own (the HTTP layer,
 * validation, authentication, the global filter) and none of its own — its routes only read the
 * delivery log, the reminders and a person's language. A feature that comes to need a code
 * defines it in `<feature>/<feature>.errors.ts` with `defineErrorCodes` and is merged in here.
 */
export const NOTIFICATIONS_ERRORS = mergeErrorCatalogues(PLATFORM_ERRORS);
