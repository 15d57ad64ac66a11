import { jest } from '@jest/globals';
import { startPlatform, type Platform } from '../support/platform.js';

jest.setTimeout(60_000);

const PORTAL = 'https://portal.owes.example';
const SERVICES = ['applications', 'grants', 'notifications'] as const;

/** Security headers, caching and CORS of every service (docs/architecture.md#http-hardening). */
describe('HTTP hardening', () => {
  let platform: Platform;
  let token: string;

  beforeAll(async () => {
    const env = { PORTAL_ORIGIN: PORTAL };
    platform = await startPlatform({
      env: { applications: env, grants: env, notifications: env },
    });
    token = (await platform.account('admin')).token;
  });

  afterAll(async () => {
    await platform?.close();
  });

  describe.each(SERVICES)('%s', (service) => {
    const api = () => platform.api[service];

    it('sends the security headers and no X-Powered-By', async () => {
      const res = await api().get('/api/no-such-route');
      expect(res.status).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      // Plain HTTP without HSTS=true: no Strict-Transport-Security.
      expect(res.headers.get('strict-transport-security')).toBeNull();
      const health = await api().get('/health/live');
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('x-powered-by')).toBeNull();
    });

    it('answers an authenticated request with Cache-Control: no-store', async () => {
      const anonymous = await api().get('/api/no-such-route');
      expect(anonymous.headers.get('cache-control') ?? '').not.toContain('no-store');
      const authenticated = await api().get('/api/no-such-route', token);
      expect(authenticated.headers.get('cache-control')).toBe('no-store');
    });

    it("allows CORS for the portal's origin only, never a wildcard", async () => {
      const preflight = (origin: string) =>
        api().call('OPTIONS', '/api/no-such-route', {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
      const allowed = await preflight(PORTAL);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );

      const refused = await preflight('https://evil.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();

      const simple = await api().get('/health/live', undefined, { origin: 'https://evil.example' });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const fromPortal = await api().get('/health/live', undefined, { origin: PORTAL });
      expect(fromPortal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    });

    it('serves Swagger UI with a CSP that lets it run, still unframeable', async () => {
      const ui = await api().get('/api/docs');
      expect(ui.status).toBe(200);
      const csp = ui.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const document = await api().get('/api/docs-json');
      expect(document.status).toBe(200);
      expect(document.body.openapi).toMatch(/^3\./);
    });
  });

  it('drops /api/docs with API_DOCS=false and sends HSTS with HSTS=true', async () => {
    await platform.restart('notifications', {
      PORTAL_ORIGIN: PORTAL,
      API_DOCS: 'false',
      HSTS: 'true',
    });
    const api = platform.api.notifications;
    expect((await api.get('/api/docs')).status).toBe(404);
    expect((await api.get('/api/docs-json')).status).toBe(404);
    const res = await api.get('/health/live');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});
