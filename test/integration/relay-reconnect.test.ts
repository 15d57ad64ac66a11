import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEFAULT_CENTRE_ID, OutboxService } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startPrivateNats } from '../support/nats-server.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(90_000);

/**
 * Issue 11, point 4: after an outage long enough for the relay to back off to its longest wait
 * (5 s), the relay publishes what waited as soon as the NATS connection is back, woken by the
 * client's 'reconnect' status, instead of at the end of its backoff.
 */
describe('outbox relay after a NATS outage', () => {
  let nats: Awaited<ReturnType<typeof startPrivateNats>>;
  let platform: Platform;

  beforeAll(async () => {
    nats = await startPrivateNats();
    platform = await startPlatform({
      natsUrl: nats.url,
      services: ['applications', 'notifications'],
      env: { notifications: { MAIL_DRY_RUN: 'true' } },
    });
  });

  afterAll(async () => {
    await nats?.start().catch(() => {});
    await platform?.close();
    await nats?.dispose();
  });

  it('publishes the waiting events within a second or two of the reconnect', async () => {
    const app = platform.apps.applications!;
    const outbox = app.get(OutboxService);
    const db = app.get(DataSource);

    await nats.stop();
    const ids: string[] = [];
    await outbox.transaction(async (_, emit) => {
      for (let i = 0; i < 3; i++) {
        const envelope = await emit('applications.application.submitted', {
          centreId: DEFAULT_CENTRE_ID,
          applicationId: '11111111-1111-4111-8111-11111111111' + i,
          reference: `OWES/2026/9990${i}`,
          version: 1,
          callId: '22222222-2222-4222-8222-222222222222',
          callNumber: 'NAB/X/2026',
          callTitle: 'Nabór',
          submittedAt: new Date().toISOString(),
          applicant: { email: `reconnect-${i}@example.pl`, name: 'Jan Nowak', language: 'pl' },
        });
        ids.push(envelope.id);
      }
    });
    // The relay's loop has failed often enough to sleep its longest backoff (400 ms doubling to 5 s).
    await expectEventually(() => expect(outbox.metrics().consecutiveFailures).toBeGreaterThan(4), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const unpublished = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
          [ids],
        )
      )[0].n as number;
    expect(await unpublished()).toBe(3);

    // Timed from the restart of the server (its start-up included), to be on the safe side.
    const restarted = performance.now();
    await nats.start();
    await expectEventually(async () => expect(await unpublished()).toBe(0), {
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    const delayMs = performance.now() - restarted;
    console.log(`outbox published ${delayMs.toFixed(0)} ms after nats-server was restarted`);
    // The client reconnects within ~0.5 s (reconnectTimeWait) and the relay goes at once; without
    // the wake it would sleep out up to 5 s of backoff.
    expect(delayMs).toBeLessThan(3000);

    // The consumers resume too: notifications handles the events (its inbox has them). Logged,
    // not asserted tightly: the pull consumer's own recovery timing belongs to nats.js.
    const notifications = platform.apps.notifications!.get(DataSource);
    await expectEventually(
      async () =>
        expect(
          (
            await notifications.query(
              `SELECT count(*)::int AS n FROM inbox WHERE consumer = 'notifications' AND event_id = ANY($1::uuid[])`,
              [ids],
            )
          )[0].n,
        ).toBe(3),
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    console.log(
      `notifications handled them ${(performance.now() - restarted).toFixed(0)} ms after nats-server was restarted`,
    );
  });
});
