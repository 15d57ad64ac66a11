import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  DEFAULT_CENTRE_ID,
  JetStreamService,
  ManualClock,
  createEvent,
  peselCheckDigit,
  wireSubject,
  type EventPayload,
  type EventSubject,
} from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { expectEventually } from '../support/eventually.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import { EN, publishCall } from './applications-fixtures.js';

jest.setTimeout(120_000);

const at = (iso: string) => new Date(iso);

/**
 * Rules across applications (docs/product.md#rules-across-applications): the most jobs one
 * entity may get and one person in one funded job. Shown to the operator on the later
 * application and holding up its formal acceptance; never shown to an applicant.
 */
describe('rules across applications', () => {
  let platform: Platform;
  const clock = new ManualClock(at('2026-12-02T09:00:00+01:00'));
  const api = () => platform.api.applications;
  const programmeId = randomUUID();
  let call: EventPayload<'grants.call.published'>;
  let anna: { token: string; id: string; email: string };
  let bartek: { token: string; id: string; email: string };
  let operator: { token: string; id: string };

  beforeAll(async () => {
    platform = await startPlatform({ clock, services: ['applications'] });
    call = await publishCall(platform, {
      number: 'NAB/21/2026',
      budget: 1_000_000_000,
      maxJobsPerEntity: 10,
      programmeId,
    });
    anna = await platform.account('applicant', { name: 'Anna Pierwsza' });
    bartek = await platform.account('applicant', { name: 'Bartek Drugi' });
    operator = await platform.account('operator');
  });

  afterAll(async () => {
    await platform?.close();
  });

  // --- test data: every entity and every employee of this file is new unless a test shares it

  let serial = 0;
  /** A valid PESEL of an adult (born 1980) no other test of this file uses. */
  function freshPesel(): string {
    serial += 1;
    const month = String(1 + (Math.floor(serial / 28) % 12)).padStart(2, '0');
    const day = String(1 + (serial % 28)).padStart(2, '0');
    const first10 = `80${month}${day}${String(serial).padStart(4, '0')}`;
    return `${first10}${peselCheckDigit(first10)}`;
  }

  const weighted = (digits: string, weights: number[]) =>
    weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);

  let entities = 0;
  /** An entity with a valid NIP, REGON and KRS of its own. */
  function freshEntity(): { nip: string; regon: string; krs: string; name: string } {
    entities += 1;
    let nip = '';
    for (let s = entities * 100; !nip; s++) {
      const first9 = `77${String(s).padStart(7, '0')}`;
      const r = weighted(first9, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
      if (r !== 10) nip = `${first9}${r}`;
    }
    const first8 = `6${String(entities).padStart(7, '0')}`;
    const regon = `${first8}${(weighted(first8, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10}`;
    const krs = String(500_000 + entities).padStart(10, '0');
    return { nip, regon, krs, name: `Spółdzielnia Socjalna nr ${entities}` };
  }

  function form(
    entity: Record<string, unknown>,
    jobs: number,
    pesels: string[] = [],
  ): Record<string, unknown> {
    const f = applicationForm(jobs);
    f.applicant = { ...(f.applicant as object), ...entity } as typeof f.applicant;
    (f.jobs as any[]).forEach((job, i) => (job.person.pesel = pesels[i] ?? freshPesel()));
    return f;
  }

  async function submitted(
    f: Record<string, unknown>,
    token: string,
    callId = call.callId,
  ): Promise<{ id: string; reference: string; state: string }> {
    clock.set(new Date(clock.now().getTime() + 60_000)); // one submission a minute
    const draft = await api().post('/api/applications', { callId, form: f }, token);
    expect(draft.status).toBe(201);
    const result = await api().post(`/api/applications/${draft.body.id}/submit`, {}, token);
    expect(result.body.errors ?? []).toEqual([]);
    expect(result.status).toBe(200);
    return result.body;
  }

  const conflicts = async (id: string) => {
    const res = await api().get(`/api/applications/${id}/conflicts`, operator.token);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  const formalCheck = (
    id: string,
    body: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => api().post(`/api/applications/${id}/formal-check`, body, operator.token, headers);

  const link = (a: { id: string; reference: string }) => ({
    applicationId: a.id,
    reference: a.reference,
    href: `/api/applications/${a.id}`,
  });

  /** Nothing of `other` in what the applicant sees of their own application. */
  async function expectNoTrace(
    applicant: { token: string },
    own: { id: string },
    other: { id: string; reference: string },
  ) {
    const views = [
      await api().get(`/api/applications/${own.id}`, applicant.token),
      await api().get('/api/applications', applicant.token),
      await api().get(`/api/applications/${own.id}/versions`, applicant.token),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      const text = JSON.stringify(view.body);
      expect(text).not.toContain(other.reference);
      expect(text).not.toContain(other.id);
      expect(text).not.toContain('conflict');
    }
    for (const id of [own.id, other.id]) {
      const asked = await api().get(`/api/applications/${id}/conflicts`, applicant.token);
      expect(asked.status).toBe(404);
      expect(JSON.stringify(asked.body)).not.toContain(other.reference);
    }
  }

  /** Publishes an event of grants into this test's namespace and waits until applications took it. */
  async function publishGrants<S extends EventSubject>(subject: S, payload: EventPayload<S>) {
    const envelope = createEvent(subject, payload, {
      correlationId: randomUUID(),
      occurredAt: clock.now(),
    });
    const jetstream = platform.apps.applications!.get(JetStreamService);
    await jetstream.js.publish(
      wireSubject(envelope.type, platform.prefix),
      JSON.stringify(envelope),
      {
        msgID: envelope.id,
      },
    );
    const db = platform.apps.applications!.get(DataSource);
    await expectEventually(async () => {
      const rows = await db.query(`SELECT 1 FROM applications.inbox WHERE event_id = $1`, [
        envelope.id,
      ]);
      expect(rows).toHaveLength(1);
    });
  }

  const recipient = (who: { email: string }) => ({
    email: who.email,
    name: 'Wnioskodawca',
    language: 'pl' as const,
  });

  function granted(
    a: { id: string; reference: string },
    callId: string,
    awardId: string,
  ): EventPayload<'grants.award.granted'> {
    return {
      centreId: DEFAULT_CENTRE_ID,
      decisionId: randomUUID(),
      applicationId: a.id,
      reference: a.reference,
      callId,
      callNumber: 'NAB/22/2026',
      callTitle: 'Nabór',
      score: 80,
      maxScore: 100,
      requiredScore: 60,
      decidedAt: clock.now().toISOString(),
      appealLastDay: '2026-12-20',
      appealDeadline: '2026-12-20T23:59:59.999+01:00',
      appealTermWorkingDays: 5,
      afterAppeal: false,
      applicant: recipient(anna),
      awardId,
      rank: 1,
      amount: 10_000_000,
    };
  }

  const awardStatus = async (id: string) =>
    (
      await platform.apps
        .applications!.get(DataSource)
        .query(`SELECT award_status FROM applications.applications WHERE id = $1`, [id])
    )[0].award_status;

  it('adds up the jobs of one NIP across accounts: the later application waits, the earlier is accepted', async () => {
    const entity = freshEntity();
    const first = await submitted(form(entity, 6), anna.token);
    // the same entity from another account, the NIP written with dashes
    const nip = `${entity.nip.slice(0, 3)}-${entity.nip.slice(3, 6)}-${entity.nip.slice(6, 8)}-${entity.nip.slice(8)}`;
    const second = await submitted(form({ ...entity, nip }, 6), bartek.token);
    expect(second.state).toBe('submitted'); // the applicant's submission is never refused for it

    const items = await conflicts(second.id);
    expect(items).toEqual([
      {
        rule: 'max-jobs-per-entity',
        path: 'jobs',
        jobs: 12,
        limit: 10,
        message: {
          pl: expect.stringContaining(`łącznie 12, dopuszczalne w naborze 10`),
          en: expect.stringContaining('12 in all, 10 allowed'),
        },
        conflictsWith: [{ ...link(first), callId: call.callId, scope: 'call', jobs: 6 }],
      },
    ]);
    expect(await conflicts(first.id)).toEqual([]); // the earlier one is never flagged
    // the staff's view of the application carries the same list
    const staffView = await api().get(`/api/applications/${second.id}`, operator.token);
    expect(staffView.body.conflicts).toEqual(items);

    const refused = await formalCheck(second.id, { result: 'accepted' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CROSS_APPLICATION_CONFLICT',
      message: expect.stringContaining('Wniosku nie można przyjąć formalnie'),
      errors: [{ path: 'form.jobs', message: expect.stringContaining(first.reference) }],
    });
    const english = await formalCheck(second.id, { result: 'accepted' }, EN);
    expect(english.body.message).toMatch(/cannot be formally accepted/);
    await expectNoTrace(bartek, second, first);
    await expectNoTrace(anna, first, second);

    expect((await formalCheck(first.id, { result: 'accepted' })).status).toBe(200);
    expect((await formalCheck(second.id, { result: 'accepted' })).status).toBe(409);

    // resolved by a correction of the later application: corrections may still be requested
    const corrections = await formalCheck(second.id, {
      result: 'corrections',
      issues: [{ path: 'form.jobs', description: 'Podmiot przekracza limit miejsc pracy' }],
    });
    expect(corrections.status).toBe(200);
    const corrected = form({ ...entity, nip }, 4);
    expect(
      (await api().patch(`/api/applications/${second.id}`, { form: corrected }, bartek.token))
        .status,
    ).toBe(200);
    const answered = await api().post(`/api/applications/${second.id}/submit`, {}, bartek.token);
    expect(answered.status).toBe(200);
    expect(await conflicts(second.id)).toEqual([]);
    expect((await formalCheck(second.id, { result: 'accepted' })).status).toBe(200);
  });

  it('forgets the earlier application once it is formally rejected', async () => {
    const entity = freshEntity();
    const first = await submitted(form(entity, 6), anna.token);
    // the same entity known by its KRS alone under another NIP and REGON
    const second = await submitted(form({ ...freshEntity(), krs: entity.krs }, 5), bartek.token);
    expect((await conflicts(second.id)).map((c: any) => c.conflictsWith)).toEqual([
      [expect.objectContaining(link(first))],
    ]);
    expect((await formalCheck(second.id, { result: 'accepted' })).status).toBe(409);
    const rejected = await formalCheck(first.id, {
      result: 'rejected',
      reasons: ['Podmiot nie spełnia warunków'],
    });
    expect(rejected.status).toBe(200);
    expect(await conflicts(second.id)).toEqual([]);
    expect((await formalCheck(second.id, { result: 'accepted' })).status).toBe(200);
  });

  it('stays quiet within the limit', async () => {
    const entity = freshEntity();
    await submitted(form(entity, 4), anna.token);
    const second = await submitted(form(entity, 6), bartek.token);
    expect(await conflicts(second.id)).toEqual([]);
  });

  it('one person, one job: the same PESEL in two applications of the call holds up the later one until the earlier is withdrawn', async () => {
    const person = freshPesel();
    const first = await submitted(form(freshEntity(), 2, [person]), anna.token);
    const second = await submitted(form(freshEntity(), 2, [freshPesel(), person]), bartek.token);
    expect(await conflicts(second.id)).toEqual([
      {
        rule: 'person-in-another-job',
        path: 'jobs[1].person.pesel',
        message: {
          pl: expect.stringContaining(first.reference),
          en: expect.stringContaining('the same PESEL'),
        },
        conflictsWith: [
          { ...link(first), callId: call.callId, scope: 'call', path: 'jobs[0].person.pesel' },
        ],
      },
    ]);
    expect(await conflicts(first.id)).toEqual([]);
    const refused = await formalCheck(second.id, { result: 'accepted' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CROSS_APPLICATION_CONFLICT');
    expect(refused.body.errors).toEqual([
      { path: 'form.jobs[1].person.pesel', message: expect.stringContaining(first.reference) },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(person);
    await expectNoTrace(bartek, second, first);

    const withdrawn = await api().post(`/api/applications/${first.id}/withdraw`, {}, anna.token);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(await conflicts(second.id)).toEqual([]);
    expect((await formalCheck(second.id, { result: 'accepted' })).status).toBe(200);
  });

  it('weighs jobs still funded in another call of the programme, until the award is given up', async () => {
    const sameProgramme = await publishCall(platform, {
      number: 'NAB/22/2026',
      budget: 1_000_000_000,
      programmeId,
    });
    const otherProgramme = await publishCall(platform, {
      number: 'NAB/23/2026',
      budget: 1_000_000_000,
      programmeId: randomUUID(),
    });
    const entity = freshEntity();
    const person = freshPesel();
    const funded = await submitted(form(entity, 6, [person]), anna.token, sameProgramme.callId);
    expect((await formalCheck(funded.id, { result: 'accepted' })).status).toBe(200);

    // not funded yet: an accepted application of another call does not count
    const subject = await submitted(form(entity, 5, [freshPesel(), person]), bartek.token);
    expect(await conflicts(subject.id)).toEqual([]);

    const awardId = randomUUID();
    await publishGrants('grants.award.granted', granted(funded, sameProgramme.callId, awardId));
    expect(await awardStatus(funded.id)).toBe('granted');
    const items = await conflicts(subject.id);
    expect(items.map((c: any) => [c.rule, c.path, c.conflictsWith])).toEqual([
      [
        'max-jobs-per-entity',
        'jobs',
        [{ ...link(funded), callId: sameProgramme.callId, scope: 'programme', jobs: 6 }],
      ],
      [
        'person-in-another-job',
        'jobs[1].person.pesel',
        [
          {
            ...link(funded),
            callId: sameProgramme.callId,
            scope: 'programme',
            path: 'jobs[0].person.pesel',
          },
        ],
      ],
    ]);
    expect(items[0].message.pl).toContain('finansowany w innym naborze programu');
    expect((await formalCheck(subject.id, { result: 'accepted' })).status).toBe(409);
    await expectNoTrace(bartek, subject, funded);

    // a call of another programme does not see it
    const elsewhere = await submitted(
      form(entity, 5, [person]),
      bartek.token,
      otherProgramme.callId,
    );
    expect(await conflicts(elsewhere.id)).toEqual([]);

    await publishGrants('grants.award.given-up', {
      centreId: DEFAULT_CENTRE_ID,
      awardId,
      applicationId: funded.id,
      reference: funded.reference,
      callId: sameProgramme.callId,
      callNumber: 'NAB/22/2026',
      amount: 10_000_000,
      reason: 'Rezygnacja',
      by: 'applicant',
      givenUpAt: clock.now().toISOString(),
      applicant: recipient(anna),
    });
    expect(await conflicts(subject.id)).toEqual([]);
    // a late or repeated `granted` does not bring a given-up award back
    await publishGrants('grants.award.granted', granted(funded, sameProgramme.callId, awardId));
    expect(await awardStatus(funded.id)).toBe('given-up');
    expect(await conflicts(subject.id)).toEqual([]);
    expect((await formalCheck(subject.id, { result: 'accepted' })).status).toBe(200);
  });

  it('marks a settled award as no longer funded (grants.award.settled names the award and the reference)', async () => {
    const sameProgramme = await publishCall(platform, {
      number: 'NAB/24/2026',
      budget: 1_000_000_000,
      programmeId,
    });
    const person = freshPesel();
    const funded = await submitted(
      form(freshEntity(), 1, [person]),
      anna.token,
      sameProgramme.callId,
    );
    expect((await formalCheck(funded.id, { result: 'accepted' })).status).toBe(200);
    const awardId = randomUUID();
    await publishGrants('grants.award.granted', granted(funded, sameProgramme.callId, awardId));
    const subject = await submitted(form(freshEntity(), 1, [person]), bartek.token);
    expect((await conflicts(subject.id)).map((c: any) => c.rule)).toEqual([
      'person-in-another-job',
    ]);
    await publishGrants('grants.award.settled', {
      centreId: DEFAULT_CENTRE_ID,
      awardId,
      reference: funded.reference,
      amount: 10_000_000,
      paidTotal: 10_000_000,
      refundClaimedTotal: 0,
      jobsKept: 1,
      settledOn: '2026-12-03',
      applicant: recipient(anna),
    });
    expect(await awardStatus(funded.id)).toBe('settled');
    expect(await conflicts(subject.id)).toEqual([]);
  });

  it('answers 404 to an applicant and 403 to an evaluator asking for conflicts', async () => {
    const mine = await submitted(form(freshEntity(), 1), anna.token);
    expect((await api().get(`/api/applications/${mine.id}/conflicts`, anna.token)).status).toBe(
      404,
    );
    const evaluator = await platform.account('evaluator');
    expect(
      (await api().get(`/api/applications/${mine.id}/conflicts`, evaluator.token)).status,
    ).toBe(403);
    expect(
      (await api().get(`/api/applications/${randomUUID()}/conflicts`, operator.token)).status,
    ).toBe(404);
  });
});
