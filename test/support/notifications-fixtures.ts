import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ParsedMail } from 'mailparser';
import {
  JetStreamService,
  createEvent,
  wireSubject,
  type Clock,
  type EventEnvelope,
  type EventPayload,
  type EventSubject,
  type Recipient,
} from '@app/common';
import { ReminderScheduler } from '../../apps/notifications/src/reminders/reminder-scheduler.service.js';
import { DeliverySender } from '../../apps/notifications/src/deliveries/delivery-sender.service.js';
import { samplePayloads, type SampleSubject } from '../../apps/notifications/test/sample-events.js';
import { NATS_URL, startPlatform, startService, type Platform } from './platform.js';
import { startTokenIssuer, type TokenIssuer } from './grants-fixtures.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import { deliveriesIdle, streamsDrained } from './drain.js';
import { uniqueId } from './database.js';

export const OPERATOR_MAILBOX = 'biuro@owes-plock.example.pl';

export interface NotificationsHarness {
  platform: Platform;
  smtp: TestSmtp;
  issuer: TokenIssuer;
  env: Record<string, string>;
  app(): INestApplication;
  close(): Promise<void>;
}

/**
 * The notifications service alone, with its own database and NATS namespace, a real SMTP server
 * inside the test, and bearer tokens signed by a test issuer (the service only needs the JWKS of
 * applications, so applications is not booted). The reminder poll is long: tests call
 * `runDue()` after moving the clock, except where they test the start-up run.
 */
export async function startNotifications(
  clock: Clock,
  extraEnv: Record<string, string> = {},
): Promise<NotificationsHarness> {
  const smtp = await startSmtp();
  const issuer = await startTokenIssuer();
  const env = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    JWKS_URL: issuer.jwksUrl,
    OPERATOR_EMAILS: OPERATOR_MAILBOX,
    REMINDERS_POLL_MS: '3600000',
    MAIL_RETRY_BASE_MS: '60000',
    ...extraEnv,
  };
  const platform = await startPlatform({
    clock,
    services: ['notifications'],
    env: { notifications: env },
  });
  return {
    platform,
    smtp,
    issuer,
    env,
    app: () => platform.apps.notifications!,
    async close() {
      await platform.close();
      await smtp.close();
      await issuer.close();
    },
  };
}

/** A second replica of notifications on the same database and NATS namespace. */
export async function startReplica(
  h: NotificationsHarness,
  clock: Clock,
): Promise<INestApplication> {
  const { app } = await startService('notifications', {
    layout: h.platform.db.layout,
    natsUrl: NATS_URL,
    prefix: h.platform.prefix,
    clock,
    env: h.env,
  });
  return app;
}

/** A recipient of this test's own (fresh address), so tests never see each other's mail. */
export function recipient(overrides: Partial<Recipient> = {}): Recipient {
  const id = uniqueId();
  return {
    userId: randomUUID(),
    email: `osoba-${id}@example.pl`,
    name: `Osoba ${id}`,
    language: 'pl',
    ...overrides,
  };
}

const ID_FIELDS = [
  'applicationId',
  'callId',
  'groupId',
  'evaluationId',
  'decisionId',
  'awardId',
  'jobId',
  'reportId',
  'refundId',
  'paymentId',
  'appealId',
];

/**
 * A realistic payload of `subject` (the samples of apps/notifications/test) for `who`, with fresh
 * ids — consistent within one call of `ids` — so tests do not cancel each other's reminders.
 */
export function payload<S extends SampleSubject>(
  subject: S,
  who: Recipient,
  overrides: Partial<EventPayload<S>> = {},
  ids: Record<string, string> = {},
): EventPayload<S> {
  const base = { ...(samplePayloads(who)[subject] as Record<string, unknown>) };
  for (const field of ID_FIELDS) {
    if (field in base) base[field] = ids[field] ??= randomUUID();
  }
  if ('userId' in base) base.userId = who.userId;
  return { ...base, ...overrides } as EventPayload<S>;
}

/** Publishes an event into the namespace as its producer's outbox relay would (msgID = event id). */
export async function publish<S extends EventSubject>(
  h: NotificationsHarness,
  subject: S,
  body: EventPayload<S>,
  occurredAt: Date,
  envelope?: EventEnvelope<S>,
): Promise<EventEnvelope<S>> {
  const event = envelope ?? createEvent(subject, body, { correlationId: randomUUID(), occurredAt });
  await h
    .app()
    .get(JetStreamService)
    .js.publish(wireSubject(subject, h.platform.prefix), JSON.stringify(event), {
      msgID: envelope ? randomUUID() : event.id, // a re-publication gets past JetStream's de-duplication
    });
  return event;
}

/** Redelivers an envelope (as NATS would after a lost ack): same event id, new message. */
export const redeliver = <S extends EventSubject>(
  h: NotificationsHarness,
  event: EventEnvelope<S>,
) => publish(h, event.type, event.payload, new Date(event.occurredAt), event);

export function mailsTo(smtp: TestSmtp, email: string): ParsedMail[] {
  return smtp.messages.filter((m) => {
    const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
    return to.some((a) => a.value.some((v) => v.address?.toLowerCase() === email.toLowerCase()));
  });
}

export async function query<T = any>(
  h: NotificationsHarness,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return h.app().get(DataSource).query(sql, params);
}

export const deliveriesTo = (h: NotificationsHarness, email: string) =>
  query(h, `SELECT * FROM notifications.deliveries WHERE recipient = $1 ORDER BY created_at, id`, [
    email.toLowerCase(),
  ]);

export const remindersOf = (h: NotificationsHarness, email: string) =>
  query(h, `SELECT * FROM notifications.reminders WHERE recipient = $1 ORDER BY due_at, id`, [
    email.toLowerCase(),
  ]);

export const runDue = (app: INestApplication) => app.get(ReminderScheduler).runDue();
export const sendNow = (app: INestApplication) => app.get(DeliverySender).runOnce();

/**
 * The positive sign before asserting that nothing more happened: notifications has consumed and
 * acknowledged every event of the namespace (redeliveries included) and sent every e-mail due at
 * `now`.
 */
export async function settled(h: NotificationsHarness, now: Date): Promise<void> {
  await streamsDrained(h.platform.natsUrl, h.platform.prefix);
  await deliveriesIdle(h.app().get(DataSource), now);
}
