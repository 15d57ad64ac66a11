import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { ManualClock, type EventSubject } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  mailsTo,
  payload,
  publish,
  query,
  recipient,
  redeliver,
  remindersOf,
  runDue,
  settled,
  startNotifications,
  startReplica,
  type NotificationsHarness,
} from '../support/notifications-fixtures.js';
import type { SampleSubject } from '../../apps/notifications/test/sample-events.js';

jest.setTimeout(120_000);

const at = (iso: string) => new Date(iso);

/**
 * Issue 5 (c): durable reminders on a ManualClock — fire once at their moment, are cancelled by
 * the events that make them moot, survive a restart, and fire once with two replicas.
 */
describe('notifications: durable reminders', () => {
  let h: NotificationsHarness;
  const clock = new ManualClock(at('2026-12-07T11:00:00+01:00'));

  beforeAll(async () => {
    h = await startNotifications(clock);
  });

  afterAll(async () => {
    await h?.close();
  });

  const pendingReminder = (email: string) =>
    expectEventually(async () => {
      const rows = await remindersOf(h, email);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe('pending');
      return rows[0];
    });

  it('fires a corrections reminder once, one working day before the last day, at 08:00 Warsaw time', async () => {
    clock.set(at('2026-12-07T11:00:00+01:00'));
    const who = recipient();
    const event = await publish(
      h,
      'applications.application.corrections-requested',
      payload('applications.application.corrections-requested', who),
      clock.now(),
    );
    const reminder = await pendingReminder(who.email);
    expect(reminder.due_at.toISOString()).toBe('2026-12-11T07:00:00.000Z'); // Friday 08:00 before Monday 14 December
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(1)); // the request itself

    clock.set(at('2026-12-11T07:59:59+01:00'));
    await runDue(h.app());
    expect((await remindersOf(h, who.email))[0].status).toBe('pending');

    clock.set(at('2026-12-11T08:00:00+01:00'));
    await runDue(h.app());
    const mails = await expectEventually(() => {
      expect(mailsTo(h.smtp, who.email)).toHaveLength(2);
      return mailsTo(h.smtp, who.email);
    });
    const mail = mails.find((m) => m.subject?.startsWith('Przypomnienie'))!;
    expect(mail.subject).toBe(
      'Przypomnienie: termin uzupełnienia wniosku OWES/2026/00042 mija 14 grudnia 2026',
    );
    expect(mail.text).toContain('upływa 14 grudnia 2026 o godz. 23:59 (za 3 dni)');

    // never again: not on the next run, not when NATS redelivers the request
    await redeliver(h, event);
    clock.set(at('2026-12-11T12:00:00+01:00'));
    await runDue(h.app());
    await settled(h, clock.now());
    expect(mailsTo(h.smtp, who.email)).toHaveLength(2);
    const rows = await remindersOf(h, who.email);
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', kind: 'corrections' })]);
    expect(
      (
        await query(h, `SELECT status FROM notifications.deliveries WHERE id = $1`, [
          rows[0].delivery_id,
        ])
      )[0].status,
    ).toBe('sent');
  });

  // Every row has all three columns: jest reads a test function with more parameters than the row as one taking `done`.
  const CANCELLED_BY: [SampleSubject, SampleSubject, Record<string, unknown>][] = [
    [
      'applications.application.corrections-requested',
      'applications.application.corrections-answered',
      {},
    ],
    [
      'applications.application.corrections-requested',
      'applications.application.formally-accepted',
      {},
    ],
    [
      'applications.application.corrections-requested',
      'applications.application.formally-rejected',
      {},
    ],
    ['applications.application.corrections-requested', 'applications.application.withdrawn', {}],
    ['grants.evaluation.assigned', 'grants.evaluation.overdue', {}],
    ['grants.evaluation.assigned', 'grants.evaluation.submitted', {}],
    ['grants.evaluation.assigned', 'grants.evaluation.assigned', { round: 'third' }],
    ['grants.evaluation.assigned', 'grants.award.granted', {}],
    ['grants.evaluation.assigned', 'grants.award.rejected', {}],
    ['grants.evaluation.assigned', 'grants.ranking.published', {}],
    ['grants.evaluation.assigned', 'applications.application.withdrawn', {}],
    ['grants.job.report-due', 'grants.job.report-overdue', {}],
    ['grants.job.report-due', 'grants.job.report-submitted', {}],
    ['grants.job.report-due', 'grants.refund.claimed', {}],
    ['grants.job.report-due', 'grants.award.settled', {}],
  ];
  const silenced: string[] = [];

  it.each(CANCELLED_BY)(
    'a reminder set up by %s is cancelled by %s',
    async (creator, canceller, overrides) => {
      clock.set(at('2026-12-07T11:00:00+01:00'));
      const who = recipient();
      const ids: Record<string, string> = {};
      const created = payload(creator, who, {}, ids);
      if (creator === 'grants.job.report-due') Object.assign(created, { dueDate: '2027-06-21' }); // a call with a 21-day report term
      await publish(h, creator, created, clock.now());
      await pendingReminder(who.email);

      clock.advance(60_000);
      const cancelling = payload(canceller, recipient(), overrides as any, ids);
      if (canceller === 'grants.evaluation.assigned')
        Object.assign(cancelling, { evaluationId: randomUUID() });
      await publish(h, canceller as EventSubject, cancelling as any, clock.now());
      await expectEventually(async () => {
        expect(await remindersOf(h, who.email)).toEqual([
          expect.objectContaining({ status: 'cancelled', cancelled_by: canceller }),
        ]);
      });
      silenced.push(who.email);
    },
  );

  it('a cancelled reminder is never sent', async () => {
    expect(silenced).toHaveLength(CANCELLED_BY.length);
    // each kind's moment, before its term ends: a pending reminder would go out here
    for (const moment of [
      '2026-12-11T09:00:00+01:00',
      '2027-01-30T09:00:00+01:00',
      '2027-06-14T09:00:00+02:00',
    ]) {
      clock.set(at(moment));
      await runDue(h.app());
      await settled(h, clock.now());
    }
    for (const email of silenced) {
      expect(mailsTo(h.smtp, email).filter((m) => m.subject?.startsWith('Przypomnienie'))).toEqual(
        [],
      );
    }
  });

  it('a cancelling event handled before the one that sets the reminder up still wins', async () => {
    clock.set(at('2026-12-07T11:00:00+01:00'));
    const who = recipient();
    const ids: Record<string, string> = {};
    const requested = payload('applications.application.corrections-requested', who, {}, ids);
    await publish(
      h,
      'applications.application.corrections-answered',
      payload('applications.application.corrections-answered', who, {}, ids),
      at('2026-12-08T10:00:00+01:00'),
    );
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(1));
    await publish(
      h,
      'applications.application.corrections-requested',
      requested,
      at('2026-12-07T11:00:00+01:00'),
    );
    await expectEventually(async () => {
      expect(await remindersOf(h, who.email)).toEqual([
        expect.objectContaining({
          status: 'cancelled',
          cancelled_by: 'applications.application.corrections-answered',
        }),
      ]);
    });
  });

  it('scores submitted before the assignment is handled still silence its reminder', async () => {
    clock.set(at('2027-01-21T09:00:00+01:00'));
    const evaluator = recipient();
    const ids: Record<string, string> = {};
    const assigned = payload('grants.evaluation.assigned', evaluator, {}, ids);
    await publish(
      h,
      'grants.evaluation.submitted',
      payload('grants.evaluation.submitted', evaluator, {}, ids),
      at('2027-01-22T12:00:00+01:00'),
    );
    await expectEventually(async () => {
      const [{ n }] = await query(
        h,
        `SELECT count(*)::int AS n FROM notifications.reminder_cancellations WHERE scope = $1`,
        [`evaluation:${ids.evaluationId}`],
      );
      expect(n).toBe(1);
    });
    await publish(h, 'grants.evaluation.assigned', assigned, at('2027-01-21T09:00:00+01:00'));
    await expectEventually(async () => {
      expect(await remindersOf(h, evaluator.email)).toEqual([
        expect.objectContaining({
          status: 'cancelled',
          cancelled_by: 'grants.evaluation.submitted',
        }),
      ]);
    });
    // another evaluation of the same application keeps its reminder
    const colleague = recipient();
    await publish(
      h,
      'grants.evaluation.assigned',
      payload('grants.evaluation.assigned', colleague, {}, { applicationId: ids.applicationId }),
      clock.now(),
    );
    await pendingReminder(colleague.email);
  });

  it('a reminder whose term is over when it comes due is marked expired, not sent', async () => {
    clock.set(at('2026-12-07T11:00:00+01:00'));
    const who = recipient();
    await publish(
      h,
      'applications.application.corrections-requested',
      payload('applications.application.corrections-requested', who),
      clock.now(),
    );
    await pendingReminder(who.email);
    clock.set(at('2026-12-15T00:00:00+01:00')); // the term ended at the end of 14 December
    await runDue(h.app());
    expect((await remindersOf(h, who.email))[0].status).toBe('expired');
    await settled(h, clock.now());
    expect(mailsTo(h.smtp, who.email)).toHaveLength(1); // only the request
  });

  it('survives a restart: a reminder that fell due while the service was down goes out once at start-up', async () => {
    clock.set(at('2027-01-21T09:00:00+01:00'));
    const evaluator = recipient({ language: 'en' });
    await publish(
      h,
      'grants.evaluation.assigned',
      payload('grants.evaluation.assigned', evaluator),
      clock.now(),
    );
    await pendingReminder(evaluator.email);
    await expectEventually(() => expect(mailsTo(h.smtp, evaluator.email)).toHaveLength(1));

    await h.platform.stop('notifications');
    clock.set(at('2027-01-31T10:00:00+01:00')); // the reminder was due on 30 January, 08:00
    await h.platform.restart('notifications');

    // no runDue(): the scheduler's start-up run sends it
    const reminder = await expectEventually(() => {
      const mails = mailsTo(h.smtp, evaluator.email).filter((m) =>
        m.subject?.startsWith('Reminder'),
      );
      expect(mails).toHaveLength(1);
      return mails[0];
    });
    expect(reminder.subject).toBe(
      'Reminder: evaluation of application OWES/2026/00042 due 1 February 2027',
    );
    expect(reminder.text).toContain('(in 1 day)');
    await runDue(h.app());
    await settled(h, clock.now());
    expect(mailsTo(h.smtp, evaluator.email)).toHaveLength(2);
  });

  describe('with two replicas', () => {
    let replica: INestApplication;

    beforeAll(async () => {
      replica = await startReplica(h, clock);
    });

    afterAll(async () => {
      await replica?.close();
    });

    it('each due reminder fires exactly once while both schedulers run at the same time', async () => {
      clock.set(at('2027-01-20T09:00:00+01:00'));
      const evaluators = Array.from({ length: 80 }, () => recipient());
      for (const evaluator of evaluators) {
        await publish(
          h,
          'grants.evaluation.assigned',
          payload('grants.evaluation.assigned', evaluator),
          clock.now(),
        );
      }
      await expectEventually(
        async () => {
          const [{ n }] = await query(
            h,
            `SELECT count(*)::int AS n FROM notifications.reminders WHERE status = 'pending' AND recipient = ANY($1)`,
            [evaluators.map((e) => e.email)],
          );
          expect(n).toBe(80);
        },
        { timeoutMs: 30_000 },
      );

      clock.set(at('2027-01-30T08:30:00+01:00'));
      const runs = await Promise.all([
        runDue(h.app()),
        runDue(replica),
        runDue(h.app()),
        runDue(replica),
      ]);
      expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(80);

      const rows = await query(
        h,
        `SELECT r.status, count(d.id)::int AS deliveries FROM notifications.reminders r
           LEFT JOIN notifications.deliveries d ON d.event_id = r.id
          WHERE r.recipient = ANY($1) GROUP BY r.id, r.status`,
        [evaluators.map((e) => e.email)],
      );
      expect(rows).toHaveLength(80);
      expect(rows.every((r) => r.status === 'sent' && r.deliveries === 1)).toBe(true);
      await expectEventually(
        () => {
          for (const evaluator of evaluators)
            expect(mailsTo(h.smtp, evaluator.email)).toHaveLength(2);
        },
        { timeoutMs: 30_000 },
      );
    });
  });
});
