import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  mailsTo,
  payload,
  publish,
  recipient,
  remindersOf,
  runDue,
  settled,
  startNotifications,
  type NotificationsHarness,
} from '../support/notifications-fixtures.js';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);

/**
 * docs/product.md#reminders: "call closing in 3 days" to applicants whose draft in it is still
 * open.
 */
describe('notifications: call closing reminder', () => {
  let h: NotificationsHarness;
  const clock = new ManualClock(at('2026-12-01T10:00:00+01:00'));

  beforeAll(async () => {
    h = await startNotifications(clock);
  });
  afterAll(async () => {
    await h?.close();
  });

  const reminders = (email: string) =>
    mailsTo(h.smtp, email).filter((m) => m.subject?.startsWith('Przypomnienie: nabór'));

  it('reminds an open draft once, three days before the close, and not a submitted or withdrawn one', async () => {
    const open = recipient();
    const submitted = recipient();
    const withdrawn = recipient();
    const ids = { open: {}, submitted: {}, withdrawn: {} } as Record<
      string,
      Record<string, string>
    >;
    for (const [key, who] of [
      ['open', open],
      ['submitted', submitted],
      ['withdrawn', withdrawn],
    ] as const) {
      await publish(
        h,
        'applications.application.draft-created',
        payload(
          'applications.application.draft-created',
          who,
          { callClosesAt: '2026-12-15T16:00:00+01:00' },
          ids[key],
        ),
        clock.now(),
      );
    }
    await expectEventually(async () => {
      for (const who of [open, submitted, withdrawn])
        expect(await remindersOf(h, who.email)).toHaveLength(1);
    });
    await publish(
      h,
      'applications.application.submitted',
      payload('applications.application.submitted', submitted, {}, ids.submitted),
      clock.now(),
    );
    await publish(
      h,
      'applications.application.withdrawn',
      payload('applications.application.withdrawn', withdrawn, {}, ids.withdrawn),
      clock.now(),
    );
    await expectEventually(async () => {
      expect((await remindersOf(h, submitted.email))[0].status).toBe('cancelled');
      expect((await remindersOf(h, withdrawn.email))[0].status).toBe('cancelled');
    });

    // the day before the reminder's day: nothing yet
    clock.set(at('2026-12-11T09:00:00+01:00'));
    await runDue(h.app());
    await settled(h, clock.now());
    expect(reminders(open.email)).toHaveLength(0);

    // 12 December, 08:00 Warsaw time: three days before the close
    clock.set(at('2026-12-12T08:00:00+01:00'));
    await runDue(h.app());
    const mail = await expectEventually(() => {
      expect(reminders(open.email)).toHaveLength(1);
      return reminders(open.email)[0];
    });
    expect(mail.subject).toBe('Przypomnienie: nabór NAB/1/2026 zamyka się 15 grudnia 2026');
    expect(mail.text?.replace(/[\u00a0\u202f]/g, ' ')).toContain('(za 3 dni)');
    expect(mail.text).toContain('jest wciąż wersją roboczą');

    // once only, also when the scheduler runs again
    await runDue(h.app());
    await settled(h, clock.now());
    expect(reminders(open.email)).toHaveLength(1);
    expect(reminders(submitted.email)).toHaveLength(0);
    expect(reminders(withdrawn.email)).toHaveLength(0);
  });
});
