import { RequestContext } from '../context/request-context.js';
import { CENTRE_VISIBLE, centreWallStatements } from './centre-wall.js';
import { CentreScope, scopeFor } from './centre-scope.js';

const ZG = '11111111-1111-4111-8111-111111111111';
const GW = '22222222-2222-4222-8222-222222222222';

describe('centre scope', () => {
  it('is every centre outside any request or message (workers, CLI, migrations)', () => {
    expect(CentreScope.current()).toBe('*');
  });

  it('is no centre in an HTTP request until the guard names the caller', () => {
    RequestContext.run({ correlationId: 'c', centres: [] }, () => {
      expect(CentreScope.current()).toEqual([]);
      expect(CentreScope.setting(CentreScope.current())).toBe('');
      RequestContext.setCentres([ZG]);
      expect(CentreScope.current()).toEqual([ZG]);
    });
  });

  it('lets a worker pass woken inside a request run for every centre, keeping the correlation id', () => {
    RequestContext.run({ correlationId: 'corr', centres: [ZG] }, () => {
      CentreScope.system(() => {
        expect(CentreScope.current()).toBe('*');
        expect(RequestContext.correlationId()).toBe('corr');
      });
      expect(CentreScope.current()).toEqual([ZG]);
    });
  });

  it('walls staff and coordinators to their centres, and no one else by centre', () => {
    expect(scopeFor({ roles: ['operator'], centres: [ZG] })).toEqual([ZG]);
    expect(scopeFor({ roles: ['admin'], centres: [ZG, GW] })).toEqual([ZG, GW]);
    expect(scopeFor({ roles: ['coordinator'], centres: [GW] })).toEqual([GW]);
    expect(scopeFor({ roles: ['operator'], centres: [] })).toEqual([]);
    expect(scopeFor({ roles: ['platform-admin'], centres: [] })).toBe('*');
    expect(scopeFor({ roles: ['applicant'], centres: [] })).toBe('*');
    expect(scopeFor({ roles: ['evaluator'], centres: [] })).toBe('*');
  });

  it('says which rows a scope lets through', () => {
    expect(CentreScope.includes('*', GW)).toBe(true);
    expect(CentreScope.includes([ZG], GW)).toBe(false);
    expect(CentreScope.includes([ZG], ZG)).toBe(true);
    expect(CentreScope.includes([ZG], null)).toBe(false);
  });

  it('writes a forced policy for reading and writing', () => {
    const statements = centreWallStatements('grants.awards');
    expect(statements).toContain('ALTER TABLE grants.awards FORCE ROW LEVEL SECURITY');
    expect(statements.at(-1)).toContain(`USING ${CENTRE_VISIBLE()} WITH CHECK ${CENTRE_VISIBLE()}`);
  });
});
