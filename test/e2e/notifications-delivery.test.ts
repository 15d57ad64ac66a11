import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  deliveriesTo,
  mailsTo,
  payload,
  publish,
  query,
  recipient,
  sendNow,
  settled,
  startNotifications,
  type NotificationsHarness,
} from '../support/notifications-fixtures.js';

jest.setTimeout(90_000);

/**
 * Issue 5 (c, d): SMTP failures are retried with exponential backoff until the server is back,
 * a refused address ends `failed` with its error at once, too many failures end `failed`, and
 * none of this holds up other messages.
 */
describe('notifications: delivery with retries', () => {
  let h: NotificationsHarness;
  const clock = new ManualClock(new Date('2026-12-03T11:15:00+01:00'));
  const BASE_MS = 60_000; // MAIL_RETRY_BASE_MS of the harness

  beforeAll(async () => {
    h = await startNotifications(clock, { MAIL_MAX_ATTEMPTS: '4' });
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(() => {
    h.smtp.failTemporarily = false;
    h.smtp.rejectRecipient = undefined;
  });

  const submitted = (who: ReturnType<typeof recipient>) =>
    publish(
      h,
      'applications.application.submitted',
      payload('applications.application.submitted', who),
      clock.now(),
    );

  it('retries with doubling delays while the server refuses, delivers once it is back, and holds up nothing meanwhile', async () => {
    h.smtp.failTemporarily = true;
    const a = recipient();
    await submitted(a);
    const first = await expectEventually(async () => {
      const [d] = await deliveriesTo(h, a.email);
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d.last_error).toMatch(/451/);
      // attempts grows when the send is claimed; the retry moment is recorded after it failed
      expect(d.next_attempt_at.getTime() - clock.now().getTime()).toBe(BASE_MS);
      return d;
    });
    expect(first.attempts).toBe(1);

    clock.advance(BASE_MS);
    const second = await expectEventually(async () => {
      const [d] = await deliveriesTo(h, a.email);
      expect(d).toMatchObject({ status: 'pending', attempts: 2 });
      expect(d.next_attempt_at.getTime() - clock.now().getTime()).toBe(2 * BASE_MS);
      return d;
    });
    expect(second.attempts).toBe(2);

    // The server is back: a new message goes out at once, while the first waits for its retry.
    h.smtp.failTemporarily = false;
    const b = recipient();
    await submitted(b);
    await expectEventually(() => expect(mailsTo(h.smtp, b.email)).toHaveLength(1));
    expect(mailsTo(h.smtp, a.email)).toHaveLength(0);
    expect((await deliveriesTo(h, a.email))[0]).toMatchObject({ status: 'pending', attempts: 2 });

    clock.advance(2 * BASE_MS);
    await expectEventually(async () => {
      expect((await deliveriesTo(h, a.email))[0]).toMatchObject({
        status: 'sent',
        attempts: 3,
        last_error: null,
      });
    });
    await settled(h, clock.now());
    expect(mailsTo(h.smtp, a.email)).toHaveLength(1);
    expect(mailsTo(h.smtp, a.email)[0].subject).toBe(
      'Potwierdzenie złożenia wniosku OWES/2026/00042',
    );
  });

  it('a refused address ends failed at once, with the error, visible to operators', async () => {
    const who = recipient();
    h.smtp.rejectRecipient = new RegExp(who.email.replace(/[.]/g, '\\.'));
    await submitted(who);
    const failed = await expectEventually(async () => {
      const [d] = await deliveriesTo(h, who.email);
      expect(d).toMatchObject({ status: 'failed', attempts: 1 });
      return d;
    });
    expect(failed.last_error).toMatch(/550|Mailbox unavailable/);

    const operator = await h.issuer.account('operator');
    const log = await h.platform.api.notifications.get(
      `/api/deliveries?status=failed&recipient=${encodeURIComponent(who.email)}`,
      operator.token,
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, lastError: failed.last_error }),
    ]);
    const [outcome] = await query(
      h,
      `SELECT envelope FROM notifications.outbox WHERE subject = 'notifications.email.failed' AND envelope->'payload'->>'recipient' = $1`,
      [who.email],
    );
    expect(outcome.envelope.payload).toMatchObject({
      deliveryId: failed.id,
      template: 'application-submitted',
      error: failed.last_error,
    });

    clock.advance(24 * 3_600_000);
    await sendNow(h.app()); // a whole sending pass a day later
    await settled(h, clock.now());
    expect((await deliveriesTo(h, who.email))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('gives up after MAIL_MAX_ATTEMPTS temporary failures: failed, with the last error', async () => {
    h.smtp.failTemporarily = true;
    const who = recipient();
    await submitted(who);
    for (let attempt = 1; attempt < 4; attempt++) {
      // `attempts` counts at the claim: wait for the attempt's outcome (the lease released, the
      // next attempt scheduled) before moving the clock, or the retry is scheduled from the
      // moved clock and never falls due.
      await expectEventually(async () =>
        expect((await deliveriesTo(h, who.email))[0]).toMatchObject({
          status: 'pending',
          attempts: attempt,
          lease_until: null,
        }),
      );
      clock.advance(BASE_MS * 2 ** (attempt - 1));
    }
    const [d] = await expectEventually(async () => {
      const rows = await deliveriesTo(h, who.email);
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 4 });
      return rows;
    });
    expect(d.last_error).toMatch(/451/);
    expect(mailsTo(h.smtp, who.email)).toHaveLength(0);
  });
});
