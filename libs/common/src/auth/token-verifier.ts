import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTPayload } from 'jose';
import { ROLES, type AuthUser, type Role } from './roles.js';

/**
 * Verifies bearer tokens against a JSON Web Key Set. In `grants` and `notifications` the set is
 * fetched from the identity module's `/api/auth/jwks.json` (or an external OIDC provider's, by
 * configuration) and cached by jose; `applications` gives its own keys directly.
 */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<AuthUser>;
}

export class InvalidTokenError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function userFromClaims(payload: JWTPayload): AuthUser {
  const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r as string),
  );
  if (typeof payload.sub !== 'string' || roles.length === 0) {
    throw new InvalidTokenError('Token without subject or roles');
  }
  const centres = Array.isArray(payload.ctr)
    ? payload.ctr.filter((c): c is string => typeof c === 'string' && UUID.test(c))
    : [];
  return {
    id: payload.sub,
    centres: centres.map((c) => c.toLowerCase()),
    email: typeof payload.email === 'string' ? payload.email : '',
    roles,
    language: payload.lang === 'en' ? 'en' : 'pl',
    ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
    tokenVersion:
      typeof payload.tv === 'number' && Number.isInteger(payload.tv) && payload.tv >= 0
        ? payload.tv
        : 0,
  };
}

export class JwksTokenVerifier extends TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    /** The moment expiry is checked against: the service's Clock (tests move it). */
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  static remote(
    url: string,
    issuer: string,
    audience: string,
    now?: () => Date,
  ): JwksTokenVerifier {
    return new JwksTokenVerifier(
      createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
      issuer,
      audience,
      now,
    );
  }

  async verify(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ['ES256', 'RS256', 'EdDSA'],
        currentDate: this.now(),
      });
      return userFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
  }
}
