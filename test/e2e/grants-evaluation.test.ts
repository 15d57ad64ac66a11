import { jest } from '@jest/globals';
import { DEFAULT_CENTRE_ID, ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  acceptedPayload,
  addEvaluators,
  createPublishedCall,
  declareAndScore,
  evaluationsOf,
  grantsEvents,
  grantsQuery,
  publishEvent,
  scoresFor,
  startGrants,
  startTokenIssuer,
  waitForAssignments,
  type Account,
  type Evaluator,
  type Platform,
  type TokenIssuer,
} from '../support/grants-fixtures.js';

jest.setTimeout(60_000);

/** Issue 4 (b): the evaluation committee — pool, assignment, declarations, scores, third evaluator. */
describe('grants: evaluation committee', () => {
  let platform: Platform;
  let issuer: TokenIssuer;
  let operator: Account;
  let applicant: Account;
  let call: any;
  let pool: Evaluator[];
  let trainer: Evaluator[];
  const ids: string[] = [];
  const clock = new ManualClock(new Date('2027-01-21T09:00:00+01:00'));

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    platform = await startGrants(clock, issuer);
    operator = await issuer.account('operator');
    applicant = await issuer.account('applicant');
    clock.set(new Date('2027-01-04T09:00:00+01:00'));
    call = await createPublishedCall(platform, operator.token);
    clock.set(new Date('2027-01-21T09:00:00+01:00'));
    pool = await addEvaluators(platform, issuer, operator.token, call.id, 4, { chairFirst: true });
    trainer = await addEvaluators(platform, issuer, operator.token, call.id, 1, {
      trainerOrAdviser: true,
    });
  });

  afterAll(async () => {
    await platform?.close();
    await issuer?.close();
  });

  it('assigns two evaluators per accepted application, evenly, never a trainer/adviser or a recruiter', async () => {
    for (let i = 0; i < 4; i++) {
      const payload = acceptedPayload({
        callId: call.id,
        applicant,
        amount: 7_000_000,
        recruitedBy: i === 0 ? [pool[0]!.id, pool[1]!.id] : [],
      });
      ids.push(payload.applicationId);
      await publishEvent(platform, 'applications.application.formally-accepted', payload);
      // assignment is greedy in arrival order: let the constrained one arrive first
      if (i === 0) await waitForAssignments(platform, pool, payload.applicationId, 2);
    }
    const assigned = [];
    for (const id of ids)
      assigned.push(await waitForAssignments(platform, [...pool, ...trainer], id, 2));
    // the recruiters of the first applicant are not among its evaluators
    expect(assigned[0]!.map((a) => a.evaluator.id).sort()).toEqual(
      [pool[2]!.id, pool[3]!.id].sort(),
    );
    // the trainer never gets anything; 8 assignments over 4 evaluators: 2 each
    expect(await evaluationsOf(platform, trainer[0]!)).toEqual([]);
    for (const evaluator of pool) expect(await evaluationsOf(platform, evaluator)).toHaveLength(2);
    // each assignment is announced to its evaluator with the due date
    const events = await grantsEvents(platform, 'grants.evaluation.assigned');
    expect(events).toHaveLength(8);
    expect(events[0]).toMatchObject({
      round: 'first',
      dueDate: '2027-02-04',
      evaluator: { email: expect.any(String), language: 'pl' },
    });
  });

  it('shows an application only to its declared evaluator: 403 before the declaration, 404 to anyone else', async () => {
    const [mine] = await evaluationsOf(platform, pool[2]!);
    expect(mine.status).toBe('assigned');
    expect(mine).not.toHaveProperty('application');
    const before = await platform.api.get(`/api/evaluations/${mine.id}`, pool[2]!.token);
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('DECLARATION_REQUIRED');
    // scoring before the declaration is refused too
    const early = await platform.api.post(
      `/api/evaluations/${mine.id}/scores`,
      { scores: scoresFor(50) },
      pool[2]!.token,
    );
    expect(early.status).toBe(403);

    const other = pool.find((e) => e.id !== pool[2]!.id)!;
    expect((await platform.api.get(`/api/evaluations/${mine.id}`, other.token)).status).toBe(404);
    expect(
      (
        await platform.api.post(
          `/api/evaluations/${mine.id}/declaration`,
          { conflictOfInterest: false, confidentiality: true },
          other.token,
        )
      ).status,
    ).toBe(404);
    expect((await platform.api.get(`/api/evaluations/${mine.id}`, applicant.token)).status).toBe(
      403,
    );

    // an impartiality declaration without confidentiality is incomplete
    const incomplete = await platform.api.post(
      `/api/evaluations/${mine.id}/declaration`,
      { conflictOfInterest: false },
      pool[2]!.token,
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: any) => e.path)).toEqual(['confidentiality']);

    const declared = await platform.api.post(
      `/api/evaluations/${mine.id}/declaration`,
      { conflictOfInterest: false, confidentiality: true },
      pool[2]!.token,
    );
    expect(declared.status).toBe(200);
    const after = await platform.api.get(`/api/evaluations/${mine.id}`, pool[2]!.token);
    expect(after.status).toBe(200);
    expect(after.body.application.businessPlan).toEqual({
      idea: 'Catering dla szkół',
      market: 'Analiza rynku lokalnego',
    });
    expect(after.body.criteria).toHaveLength(5);
  });

  it('refuses scores that are not whole points within range, each with a justification, and changes nothing', async () => {
    const [mine] = (await evaluationsOf(platform, pool[2]!)).filter((e) => e.status === 'declared');
    const scores = scoresFor(60);
    scores[0] = { ...scores[0]!, points: 31 };
    scores[1] = { ...scores[1]!, points: 2.5 };
    scores[2] = { ...scores[2]!, justification: '   ' };
    const bad = await platform.api.post(
      `/api/evaluations/${mine.id}/scores`,
      { scores: scores.slice(0, 4) },
      pool[2]!.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual([
      'scores',
      'scores[0].points',
      'scores[1].points',
      'scores[2].justification',
    ]);
    expect(bad.body.errors.find((e: any) => e.path === 'scores[0].points').message).toBe(
      'Wartość musi mieścić się w zakresie 0–30',
    );
    const rows = await grantsQuery(
      platform,
      `SELECT status, total FROM grants.evaluations WHERE id = $1`,
      [mine.id],
    );
    expect(rows[0]).toEqual({ status: 'declared', total: null });
  });

  it('re-assigns after a conflict of interest to someone who never had the application', async () => {
    // not the first application: its recruiters may not evaluate it, so nobody would be left
    const [mine] = (await evaluationsOf(platform, pool[3]!)).filter(
      (e) => e.status === 'assigned' && e.applicationId !== ids[0],
    );
    const declared = await platform.api.post(
      `/api/evaluations/${mine.id}/declaration`,
      { conflictOfInterest: true, reason: 'Członek rodziny w zarządzie wnioskodawcy' },
      pool[3]!.token,
    );
    expect(declared.status).toBe(200);
    expect(declared.body.status).toBe('conflict');
    const now = await waitForAssignments(platform, [...pool, ...trainer], mine.applicationId, 2);
    expect(now.map((a) => a.evaluator.id)).not.toContain(pool[3]!.id);
    expect(now.map((a) => a.evaluator.id)).not.toContain(trainer[0]!.id);
    expect((await platform.api.get(`/api/evaluations/${mine.id}`, pool[3]!.token)).status).toBe(
      403,
    );
    // a second declaration is refused
    expect(
      (
        await platform.api.post(
          `/api/evaluations/${mine.id}/declaration`,
          { conflictOfInterest: false, confidentiality: true },
          pool[3]!.token,
        )
      ).status,
    ).toBe(409);
  });

  it('calls a third evaluator when the totals differ by more than the divergence; the final score is the mean with the closer', async () => {
    const payload = acceptedPayload({ callId: call.id, applicant, amount: 7_000_000 });
    await publishEvent(platform, 'applications.application.formally-accepted', payload);
    const [a, b] = await waitForAssignments(platform, pool, payload.applicationId, 2);
    await declareAndScore(platform, a!.evaluator, a!.evaluation.id, 80);
    // exactly at the divergence (30 of 100 points) would not; 31 does
    await declareAndScore(platform, b!.evaluator, b!.evaluation.id, 49);
    const all = await waitForAssignments(platform, pool, payload.applicationId, 3);
    const third = all.find((x) => x.evaluation.round === 'third')!;
    expect([a!.evaluator.id, b!.evaluator.id]).not.toContain(third.evaluator.id);
    // scored twice: refused
    expect(
      (
        await platform.api.post(
          `/api/evaluations/${a!.evaluation.id}/scores`,
          { scores: scoresFor(90) },
          a!.evaluator.token,
        )
      ).status,
    ).toBe(409);
    await declareAndScore(platform, third.evaluator, third.evaluation.id, 70);
    const [app] = await grantsQuery(
      platform,
      `SELECT evaluation_stage, final_score::float AS score, passed FROM grants.applications WHERE id = $1`,
      [payload.applicationId],
    );
    expect(app).toEqual({ evaluation_stage: 'final', score: 75, passed: true });
    // each submission is announced (its reminder is moot), the refused second one is not
    const submitted = (await grantsEvents(platform, 'grants.evaluation.submitted')).filter(
      (e) => e.applicationId === payload.applicationId,
    );
    expect(submitted).toHaveLength(3);
    const first = submitted.find((e) => e.evaluationId === a!.evaluation.id);
    expect(first).toEqual({
      centreId: DEFAULT_CENTRE_ID,
      evaluationId: a!.evaluation.id,
      applicationId: payload.applicationId,
      reference: payload.reference,
      callId: call.id,
      evaluator: {
        userId: a!.evaluator.id,
        email: a!.evaluator.email,
        name: expect.stringMatching(/^Oceniający \d$/),
        language: 'pl',
      },
      submittedAt: clock.now().toISOString(),
    });
    expect(submitted.map((e) => e.evaluationId).sort()).toEqual(
      [a!.evaluation.id, b!.evaluation.id, third.evaluation.id].sort(),
    );

    // not divergent: the mean of the two
    const other = acceptedPayload({ callId: call.id, applicant, amount: 7_000_000 });
    await publishEvent(platform, 'applications.application.formally-accepted', other);
    const [c, d] = await waitForAssignments(platform, pool, other.applicationId, 2);
    await declareAndScore(platform, c!.evaluator, c!.evaluation.id, 61);
    await declareAndScore(platform, d!.evaluator, d!.evaluation.id, 56);
    await expectEventually(async () => {
      const [row] = await grantsQuery(
        platform,
        `SELECT final_score::float AS score, passed FROM grants.applications WHERE id = $1`,
        [other.applicationId],
      );
      expect(row).toEqual({ score: 58.5, passed: false });
    });
  });

  it('a withdrawal cancels the evaluations still open', async () => {
    const payload = acceptedPayload({ callId: call.id, applicant, amount: 7_000_000 });
    await publishEvent(platform, 'applications.application.formally-accepted', payload);
    const assigned = await waitForAssignments(platform, pool, payload.applicationId, 2);
    await publishEvent(platform, 'applications.application.withdrawn', {
      centreId: DEFAULT_CENTRE_ID,
      applicationId: payload.applicationId,
      reference: payload.reference,
      callId: call.id,
      withdrawnAt: clock.now().toISOString(),
      applicant: payload.applicant,
    });
    await expectEventually(async () => {
      const rows = await grantsQuery(
        platform,
        `SELECT status FROM grants.evaluations WHERE application_id = $1`,
        [payload.applicationId],
      );
      expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    });
    expect(
      (
        await platform.api.get(
          `/api/evaluations/${assigned[0]!.evaluation.id}`,
          assigned[0]!.evaluator.token,
        )
      ).status,
    ).toBe(404);
  });
});
