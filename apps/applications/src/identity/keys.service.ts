import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { DataSource } from 'typeorm';
import { Clock, JwksTokenVerifier, TokenVerifier, type AuthUser } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { tokenCentres } from '../centres/centres.store.js';
import { SigningKey, type User } from './user.entity.js';

const ALG = 'ES256';

/**
 * The identity module's asymmetric signing key (ES256). From JWT_PRIVATE_KEY when configured;
 * otherwise generated once and kept in the applications schema so every replica signs with the
 * same key. The public part is served as a JWKS for the other services (and could equally come
 * from an external OIDC provider).
 */
@Injectable()
export class KeysService implements OnModuleInit {
  private privateKey: CryptoKey;
  private kid: string;
  private publicJwks: JWK[] = [];
  private verifier: JwksTokenVerifier;

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const privateJwk = this.env.JWT_PRIVATE_KEY
      ? await exportJWK(await importPKCS8(this.env.JWT_PRIVATE_KEY, ALG, { extractable: true }))
      : await this.loadOrCreate();
    this.privateKey = (await importJWK(privateJwk, ALG)) as CryptoKey;
    const { d: _d, ...publicJwk } = privateJwk;
    this.kid = await calculateJwkThumbprint(publicJwk);
    this.publicJwks = [{ ...publicJwk, kid: this.kid, alg: ALG, use: 'sig' }];
    this.verifier = new JwksTokenVerifier(
      createLocalJWKSet({ keys: this.publicJwks }),
      this.env.JWT_ISSUER,
      this.env.JWT_AUDIENCE,
      () => this.clock.now(),
    );
  }

  private async loadOrCreate(): Promise<JWK> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('owes.signing-key'))`);
      const existing = await manager.findOne(SigningKey, {
        where: {},
        order: { createdAt: 'DESC' },
      });
      if (existing) return existing.privateJwk as JWK;
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      const jwk = await exportJWK(privateKey);
      const { d: _d, ...pub } = jwk;
      await manager.insert(SigningKey, {
        kid: await calculateJwkThumbprint(pub),
        privateJwk: jwk as any,
      });
      return jwk;
    });
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.publicJwks };
  }

  /**
   * An access token of a session (docs/architecture.md#sessions-and-revocation): `sid` names the
   * session, `tv` the account's token version; issued and expiring by the Clock.
   */
  async sign(user: User, sessionId: string): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    // The centres the caller works for, read afresh on every issue and refresh (docs/tenancy.md).
    const ctr = await tokenCentres(this.dataSource.manager, user);
    return new SignJWT({
      ctr,
      roles: [user.role],
      email: user.email,
      lang: user.language,
      sid: sessionId,
      tv: user.tokenVersion,
    })
      .setProtectedHeader({ alg: ALG, kid: this.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.env.JWT_ISSUER)
      .setAudience(this.env.JWT_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.env.JWT_TTL_SECONDS)
      .sign(this.privateKey);
  }

  verify(token: string): Promise<AuthUser> {
    return this.verifier.verify(token);
  }
}

/** The identity module verifies its own tokens with its own keys (no HTTP round trip). */
@Injectable()
export class LocalTokenVerifier extends TokenVerifier {
  constructor(private readonly keys: KeysService) {
    super();
  }
  verify(token: string): Promise<AuthUser> {
    return this.keys.verify(token);
  }
}
