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
import { DEFAULT_CENTRE_ID } from '@app/common';
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

  it("shows the operator of another centre nothing of the world's centre in the lists and exports they may read", async () => {
    const token = w.token('otherCentreOperator');
    const lists: [Operation['service'], string][] = [
      ['applications', '/api/applications'],
      ['applications', '/api/initiative-groups'],
      ['grants', '/api/programmes'],
      ['grants', '/api/calls'],
      ['grants', `/api/decisions?callId=${w.awardCallId}`],
      ['grants', `/api/awards?callId=${w.awardCallId}`],
      ['notifications', '/api/deliveries'],
      ['notifications', '/api/reminders'],
    ];
    for (const [service, path] of lists) {
      const theirs = await w.platform.api[service].get(path, w.token('operator'));
      const other = await w.platform.api[service].get(path, token);
      expect({ path, statuses: [theirs.status, other.status] }).toEqual({
        path,
        statuses: [200, 200],
      });
      expect({ path, seen: theirs.body.items.length > 0 }).toEqual({ path, seen: true });
      expect({ path, items: other.body.items }).toEqual({ path, items: [] });
    }
    // The CSV export and the indicators: the header only, no programme of the world's centre.
    const csv = await w.platform.api.applications.get('/api/applications/export.csv', token);
    expect(csv.status).toBe(200);
    expect(String(csv.body).trim().split('\n')).toHaveLength(1);
    const indicators = await w.platform.api.grants.get('/api/indicators', token);
    expect(JSON.stringify(indicators.body)).not.toContain(w.programmeId);
  });

  it('shows the coordinator figures only: no personal data in anything it may read', async () => {
    // everyone's but the coordinator's own (its own account is its to read)
    const people = Object.entries(w.accounts)
      .filter(([who]) => who !== 'coordinator')
      .flatMap(([, a]) => [a.email, a.name]);
    const readable = served.filter((op) => op.method === 'GET');
    let read = 0;
    for (const op of readable) {
      const response = await callAs(w, op, 'coordinator');
      if (response.status !== 200 || op.path.startsWith('/health') || op.path === '/metrics')
        continue;
      read += 1;
      const text =
        typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      for (const person of people)
        expect({ op: op.key, person, found: text.includes(person) }).toEqual({
          op: op.key,
          person,
          found: false,
        });
      expect({ op: op.key, reference: /OWES\/\d{4}\/\d{5}/.test(text) }).toEqual({
        op: op.key,
        reference: false,
      });
      expect({ op: op.key, pesel: /\b\d{11}\b/.test(text) }).toEqual({ op: op.key, pesel: false });
    }
    // the region's indicators at least (a coordinator who may read nothing proves nothing)
    expect(read).toBeGreaterThan(0);
    const region = await w.platform.api.grants.get(
      '/api/region/indicators',
      w.token('coordinator'),
    );
    expect(region.status).toBe(200);
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
      // an operator of another centre claiming the world's centre
      const [h2, , s2] = w.token('otherCentreOperator')!.split('.');
      const widened = { ...decodeJwt(w.token('otherCentreOperator')!), ctr: [DEFAULT_CENTRE_ID] };
      await expectRefused(`${h2}.${b64(widened)}.${s2}`);
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
