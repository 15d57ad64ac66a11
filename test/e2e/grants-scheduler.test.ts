import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import { MonitoringScheduler } from '../../apps/grants/src/monitoring/monitoring.scheduler.js';
import {
  acceptedPayload,
  addEvaluators,
  createPublishedCall,
  grantsEvents,
  publishEvent,
  startGrants,
  startTokenIssuer,
  waitForAssignments,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(60_000);

/** Issue 4 (f): the scheduler runs by itself on the injected clock, and a notice fires once. */
describe('grants: durable scheduler', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer, { SCHEDULER_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  it('tells the operator once when an evaluation is overdue, as the clock passes its due date', async () => {
    const operator = await issuer.account('operator');
    const applicant = await issuer.account('applicant');
    const call = await createPublishedCall(platform, operator.token, {
      evaluationTermWorkingDays: 2,
    });
    clock.set(new Date('2027-01-21T09:00:00+01:00'));
    const pool = await addEvaluators(platform, issuer, operator.token, call.id, 2);
    const payload = acceptedPayload({ callId: call.id, applicant, amount: 5_000_000 });
    await publishEvent(platform, 'applications.application.formally-accepted', payload);
    const assigned = await waitForAssignments(platform, pool, payload.applicationId, 2);
    expect(assigned[0]!.evaluation.dueDate).toBe('2027-01-25');

    // A whole scheduler tick at this moment (it waits for one already running, then runs one).
    const tick = () => platform.app.get(MonitoringScheduler).runOnce();
    await tick();
    expect(await grantsEvents(platform, 'grants.evaluation.overdue')).toEqual([]);
    clock.set(new Date('2027-01-26T00:30:00+01:00'));
    await expectEventually(async () => {
      expect(await grantsEvents(platform, 'grants.evaluation.overdue')).toHaveLength(2);
    });
    await tick();
    await tick();
    const events = await grantsEvents(platform, 'grants.evaluation.overdue');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      reference: payload.reference,
      dueDate: '2027-01-25',
      round: 'first',
    });
  });
});
