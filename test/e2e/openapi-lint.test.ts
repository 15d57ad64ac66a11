import { jest } from '@jest/globals';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { startPlatform, type Platform } from '../support/platform.js';
import {
  checkTraffic,
  findOperation,
  type OpenApiDocument,
  type RecordedRequest,
} from '../support/traffic/traffic-check.js';

jest.setTimeout(120_000);

const SERVICES = ['applications', 'grants', 'notifications'] as const;

/** A problem as one line: severity, rule, where, what. */
function line(problem: NormalizedProblem): string {
  const where = problem.location[0]?.pointer ?? '';
  return `${problem.severity} ${problem.ruleId} ${where}: ${problem.message}`;
}

/**
 * Issue 17 §5: each service's OpenAPI document, as served at `/api/docs-json`, passes Redocly's
 * `recommended` rules without an error (docs/architecture.md#documenting-an-endpoint). What the
 * services answer is checked against the same documents by the recorded-traffic check
 * (test/support/traffic/).
 */
describe("the OpenAPI documents pass Redocly's recommended rules", () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform();
  });

  afterAll(async () => {
    await platform?.close();
  });

  it.each(SERVICES)('%s: no error', async (service) => {
    const served = await platform.api[service].get('/api/docs-json');
    expect(served.status).toBe(200);
    const problems = await lintFromString({
      source: JSON.stringify(served.body),
      absoluteRef: `${service}.openapi.json`,
      config: await createConfig({ extends: ['recommended'] }),
    });
    const warnings = problems.filter((p) => p.severity !== 'error').map(line);
    if (warnings.length > 0)
      console.info(`${service}: ${warnings.length} warnings\n${warnings.join('\n')}`);
    expect(problems.filter((p) => p.severity === 'error').map(line)).toEqual([]);
  });
});

/** The rules of the recorded-traffic check itself (test/support/traffic/traffic-check.ts). */
describe('the recorded-traffic check', () => {
  const document: OpenApiDocument = {
    info: { title: 'OWES Grants — test' },
    paths: {
      '/api/things': {
        get: { parameters: [{ name: 'page', in: 'query' }], responses: { 200: {}, 400: {} } },
      },
      '/api/things/{id}': { get: { responses: { 200: {}, 404: {} } } },
      '/api/things/export.csv': { get: { responses: { 200: {} } } },
    },
  };
  const request = (r: Partial<RecordedRequest>): RecordedRequest => ({
    document: 'test',
    method: 'GET',
    path: '/api/things',
    query: [],
    status: 200,
    ...r,
  });
  const check = (...records: RecordedRequest[]) => checkTraffic(records, { test: document });

  it('matches literal segments before parameters', () => {
    expect(findOperation(document, 'GET', '/api/things/export.csv')?.template).toBe(
      '/api/things/export.csv',
    );
    expect(findOperation(document, 'GET', '/api/things/42')?.template).toBe('/api/things/{id}');
    expect(findOperation(document, 'POST', '/api/things/42')).toBeUndefined();
  });

  it('passes documented statuses and query parameters', () => {
    expect(
      check(
        request({ query: ['page'] }),
        request({ path: '/api/things/1', status: 404 }),
        request({ path: '/api/things/export.csv' }),
      ),
    ).toEqual({ problems: [], checked: 3, unchecked: 0 });
  });

  it('names every undocumented status, query parameter and operation', () => {
    const { problems } = check(
      request({ path: '/api/things/1', status: 409, test: 'test/e2e/x.test.ts' }),
      request({ query: ['page', 'q'] }),
      request({ method: 'DELETE', path: '/api/things/1', status: 204 }),
    );
    expect(problems).toEqual([
      expect.stringContaining('GET /api/things/{id}: status 409 is not documented'),
      expect.stringContaining('GET /api/things: query parameter `q` is not documented'),
      expect.stringContaining('DELETE /api/things/1: no such operation in the document'),
    ]);
    expect(problems[0]).toContain('in test/e2e/x.test.ts');
  });

  it('leaves out, by narrow rules, what the API refused as unknown and what is no operation', () => {
    expect(
      check(
        // an unknown route, answered 404
        request({ path: '/api/no-such-route', status: 404 }),
        // a query parameter the API refused by name
        request({ query: ['junk'], status: 400, errorPaths: ['junk'] }),
        // a CORS preflight, the documents and Swagger UI
        request({ method: 'OPTIONS', path: '/api/things', status: 204 }),
        request({ path: '/api/docs-json' }),
        request({ path: '/api/docs' }),
      ).problems,
    ).toEqual([]);
    // …but not a parameter refused for another one's sake, nor an unknown route answered 200.
    expect(
      check(
        request({ query: ['junk', 'page'], status: 400, errorPaths: ['page'] }),
        request({ path: '/api/secret', status: 200 }),
      ).problems,
    ).toHaveLength(2);
  });

  it('counts requests to a service that served no document as not checked', () => {
    expect(check(request({ document: null }))).toEqual({ problems: [], checked: 0, unchecked: 1 });
  });
});
