import { jest } from '@jest/globals';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  calculateJwkThumbprint,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importPKCS8,
  SignJWT,
  type JWTPayload,
} from 'jose';
import { buildWorld, ACTORS, type World } from '../support/access-world.js';
import { ACCESS_POLICY, callAs, formatRow, parseKey } from '../support/access-policy.js';
import { errorShapeProblem } from '../support/fuzz-runner.js';
import { operationsOf, servedDocuments, type Operation } from '../support/openapi.js';

jest.setTimeout(120_000);

/**
 * Issue 17 §6: the access policy as a test. The table is ACCESS_POLICY in
 * test/support/access-policy.ts (one row per operation, one column per actor); here every cell is
 * asked of the running services, in the table's order, against one world of fixtures
 * (test/support/access-world.ts), and every operation they serve must have a row.
 */
describe('access policy', () => {
  let w: World;
  let served: Operation[];

  beforeAll(async () => {
    w = await buildWorld({ grantedAwards: 6 });
    served = operationsOf(await servedDocuments(w.platform));
  });

  afterAll(async () => {
    await w?.close();
  });

  it('has a row for every operation the services serve, and none for one they do not', () => {
    const keys = new Set(served.map((op) => op.key));
    const missing = served.filter((op) => !ACCESS_POLICY[op.key]).map((op) => op.key);
    const stale = Object.keys(ACCESS_POLICY).filter((key) => !keys.has(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  describe.each(Object.keys(ACCESS_POLICY))('%s', (key) => {
    it('answers each actor as the policy says', async () => {
      const expected = ACCESS_POLICY[key]!;
      const observed: number[] = [];
      const problems: string[] = [];
      for (const actor of ACTORS) {
        const response = await callAs(w, parseKey(key), actor);
        observed.push(response.status);
        if (response.status >= 400) {
          const problem = errorShapeProblem(response);
          if (problem) problems.push(`${actor}: ${problem}`);
        }
      }
      // On a difference, the observed row is printed as the table's source line.
      expect(formatRow(key, observed)).toBe(formatRow(key, expected));
      expect(problems).toEqual([]);
    });
  });

  it("shows another applicant nothing of the owner's in the lists they may read", async () => {
    const lists: [Operation['service'], string][] = [
      ['applications', '/api/applications'],
      ['applications', '/api/initiative-groups'],
      ['grants', `/api/decisions?callId=${w.awardCallId}`],
      ['grants', `/api/awards?callId=${w.awardCallId}`],
    ];
    for (const [service, path] of lists) {
      const mine = await w.platform.api[service].get(path, w.token('owner'));
      const theirs = await w.platform.api[service].get(path, w.token('otherApplicant'));
      expect({ path, status: theirs.status }).toEqual({ path, status: 200 });
      expect(mine.body.items.length).toBeGreaterThan(0);
      const owners = new Set(mine.body.items.map((item: { id: string }) => item.id));
      expect(theirs.body.items.filter((item: { id: string }) => owners.has(item.id))).toEqual([]);
    }
  });

  describe('forged and stale tokens are refused by every service (401 in the error shape)', () => {
    const protectedRoutes: [Operation['service'], string][] = [
      ['applications', '/api/auth/me'],
      ['grants', '/api/calls'],
      ['notifications', '/api/preferences/me'],
    ];
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    let claims: JWTPayload;
    let kid: string;
    let sign: (
      payload: JWTPayload,
      header?: Record<string, unknown>,
      key?: CryptoKey | Uint8Array,
    ) => Promise<string>;

    beforeAll(async () => {
      claims = decodeJwt(w.token('operator')!);
      const privateKey = await importPKCS8(w.privateKeyPem, 'ES256');
      const { d: _d, ...publicJwk } = await exportJWK(
        createPublicKey(createPrivateKey(w.privateKeyPem)),
      );
      kid = await calculateJwkThumbprint(publicJwk);
      sign = (payload, header = {}, key = privateKey) =>
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', ...header } as never)
          .sign(key);
    });

    async function expectRefused(token: string): Promise<void> {
      for (const [service, path] of protectedRoutes) {
        const response = await w.platform.api[service].get(path, token);
        expect({ service, status: response.status }).toEqual({ service, status: 401 });
        expect(errorShapeProblem(response)).toBeUndefined();
      }
    }

    it('accepts the same claims signed with the real key (the control)', async () => {
      const token = await sign(claims);
      for (const [service, path] of protectedRoutes)
        expect((await w.platform.api[service].get(path, token)).status).toBe(200);
    });

    it('refuses alg "none"', async () => {
      await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
      await expectRefused(`${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims)}.`);
    });

    it('refuses HS256 signed with the public key as the secret', async () => {
      const publicKey = createPublicKey(createPrivateKey(w.privateKeyPem));
      const { d: _d, ...jwk } = await exportJWK(publicKey);
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      for (const secret of [JSON.stringify({ ...jwk, kid }), pem, JSON.stringify({ keys: [jwk] })])
        await expectRefused(await sign(claims, { alg: 'HS256' }, new TextEncoder().encode(secret)));
    });

    it('refuses tampered claims under the original signature (role escalation)', async () => {
      const [header, , signature] = w.token('owner')!.split('.');
      const payload = { ...decodeJwt(w.token('owner')!), roles: ['admin'] };
      await expectRefused(`${header}.${b64(payload)}.${signature}`);
      const other = { ...decodeJwt(w.token('owner')!), sub: w.accounts.operator.id };
      await expectRefused(`${header}.${b64(other)}.${signature}`);
    });

    it('refuses an unknown kid, and a key of its own', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      await expectRefused(await sign(claims, { kid: 'attacker' }, privateKey));
      await expectRefused(await sign(claims, {}, privateKey));
      await expectRefused(await sign(claims, { kid: 'unknown' }));
    });

    it('refuses a wrong issuer or audience, even signed with the real key', async () => {
      await expectRefused(await sign({ ...claims, iss: 'https://login.example.com' }));
      await expectRefused(await sign({ ...claims, aud: 'someone-else' }));
      await expectRefused(await sign({ ...claims, aud: undefined }));
    });

    it('refuses an expired token by the services’ clock', async () => {
      const now = Math.floor(w.clock.now().getTime() / 1000);
      await expectRefused(await sign({ ...claims, iat: now - 7200, exp: now - 3600 }));
      const token = await sign({ ...claims, iat: now, exp: now + 600 });
      for (const [service, path] of protectedRoutes)
        expect((await w.platform.api[service].get(path, token)).status).toBe(200);
      const later = w.clock.now();
      w.clock.set(new Date(later.getTime() + 601_000));
      try {
        await expectRefused(token);
      } finally {
        w.clock.set(later);
      }
    });
  });
});
