import { PLATFORM_ERRORS, mergeErrorCatalogues } from '@app/common';
import { DeliveriesErrors } from './deliveries/deliveries.errors.js';

/**
 * The error codes the notifications service answers: the platform's own (the HTTP layer,
 * validation, authentication, the global filter) and its features' (`<feature>/<feature>.errors.ts`,
 * defined with `defineErrorCodes`): the deliveries' re-sends.
 */
export const NOTIFICATIONS_ERRORS = mergeErrorCatalogues(PLATFORM_ERRORS, DeliveriesErrors);
