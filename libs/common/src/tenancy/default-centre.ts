/**
 * Centre no. 1: the centre an installation that ran one centre before tenancy is migrated into,
 * and the one a fresh installation starts with (docs/tenancy.md#centre-no-1). The same id in every
 * service, so each service's migration can fill its existing rows without asking another.
 */
export const DEFAULT_CENTRE_ID = '00000000-0000-4000-8000-000000000001';
