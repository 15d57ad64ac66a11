/** Injection tokens of the portal's platform providers. */
export const ASSETS = 'PORTAL_ASSETS';
export const SERVICE_URLS = 'PORTAL_SERVICE_URLS';
/**
 * The Postgres pool of the portal's sessions. A token, not the `pg.Pool` class: compiled by tsc,
 * a parameter typed with a class of a CommonJS package's default import carries no usable
 * metadata, and Nest could not tell what to inject.
 */
export const PG_POOL = 'PORTAL_PG_POOL';

export interface ServiceUrls {
  applications: string;
  grants: string;
  notifications: string;
}
