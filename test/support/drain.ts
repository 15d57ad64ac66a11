import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import type { Platform } from './platform.js';
import { expectEventually } from './eventually.js';

/**
 * Positive signs that the asynchronous parts of a test have finished what they were given, so a
 * test can then assert that nothing more happened (no second e-mail, no second effect). A fixed
 * sleep cannot do that: a duplicate arriving after the sleep passes unnoticed, and under load the
 * sleep is too short anyway.
 */

/**
 * Every durable consumer on every stream of the namespace has taken and acknowledged every
 * message: nothing pending, nothing waiting for an ack (a redelivery or a duplicate published
 * before this call has been handled, or dead-lettered, by then).
 */
export async function streamsDrained(
  natsUrl: string,
  prefix: string,
  { timeoutMs = 15_000 } = {},
): Promise<void> {
  const nc = await connect({ servers: natsUrl, timeout: 2000 });
  try {
    const jsm = await jetstreamManager(nc);
    const upper = `${prefix.toUpperCase()}_`;
    await expectEventually(
      async () => {
        const busy: string[] = [];
        for await (const stream of jsm.streams.names()) {
          if (!stream.startsWith(upper)) continue;
          for await (const consumer of jsm.consumers.list(stream)) {
            if (consumer.num_pending > 0 || consumer.num_ack_pending > 0)
              busy.push(
                `${stream}/${consumer.name}: ${consumer.num_pending} pending, ${consumer.num_ack_pending} unacked`,
              );
          }
        }
        expect(busy).toEqual([]);
      },
      { timeoutMs, intervalMs: 50 },
    );
  } finally {
    await nc.close();
  }
}

/** The service's outbox (the DataSource's own schema) has no row left to publish. */
export async function outboxEmpty(db: DataSource, { timeoutMs = 15_000 } = {}): Promise<void> {
  await expectEventually(
    async () =>
      expect(
        await db.query(`SELECT count(*)::int AS unsent FROM outbox WHERE published_at IS NULL`),
      ).toEqual([{ unsent: 0 }]),
    { timeoutMs, intervalMs: 50 },
  );
}

/**
 * Notifications has no e-mail due to be sent at `now` (the injected clock's time) that it has not
 * sent or given up: each one was accepted by the SMTP server or failed for good before this
 * returns. (A delivery waiting for a later retry is not due and does not count.)
 */
export async function deliveriesIdle(
  notifications: DataSource,
  now: Date,
  { timeoutMs = 15_000 } = {},
): Promise<void> {
  await expectEventually(
    async () =>
      expect(
        await notifications.query(
          `SELECT count(*)::int AS due FROM notifications.deliveries
            WHERE status = 'pending' AND next_attempt_at <= $1`,
          [now],
        ),
      ).toEqual([{ due: 0 }]),
    { timeoutMs, intervalMs: 50 },
  );
}

/**
 * All of the above for a platform of test/support/platform.ts: every booted service's outbox
 * published, every consumer drained, every e-mail due at `now` sent (and what sending them
 * emitted published and consumed too).
 */
export async function platformSettled(platform: Platform, now = new Date()): Promise<void> {
  const services = Object.values(platform.apps).filter((app) => app !== undefined);
  for (const app of services) await outboxEmpty(app.get(DataSource));
  await streamsDrained(platform.natsUrl, platform.prefix);
  const notifications = platform.apps.notifications;
  if (notifications) {
    await deliveriesIdle(notifications.get(DataSource), now);
    await outboxEmpty(notifications.get(DataSource));
    await streamsDrained(platform.natsUrl, platform.prefix);
  }
}
