/** Injection tokens of the portal's platform providers. */
export const ASSETS = 'PORTAL_ASSETS';
export const SERVICE_URLS = 'PORTAL_SERVICE_URLS';

export interface ServiceUrls {
  applications: string;
  grants: string;
  notifications: string;
}
