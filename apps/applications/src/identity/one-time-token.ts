import { createHash, randomBytes } from 'node:crypto';

/** How a one-time token is kept: only its SHA-256 (hex) is stored, never the token. */
export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new one-time secret (verification and password-reset links, refresh tokens): 256 random
 * bits, URL-safe, with the hash to store.
 */
export function oneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
}

/** The link of the web portal's page `path` carrying the token (`?token=…`). */
export function linkWithToken(publicWebUrl: string, path: string, token: string): string {
  const url = new URL(path, publicWebUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
