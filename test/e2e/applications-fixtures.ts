import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  DEFAULT_CENTRE_ID,
  DEFAULT_FUNDING_MODEL,
  JetStreamService,
  createEvent,
  wireSubject,
  type EventEnvelope,
  type EventPayload,
  type EventSubject,
} from '@app/common';
import { TimersService } from '../../apps/applications/src/timers/timers.service.js';
import type { Platform } from '../support/platform.js';
import { expectEventually } from '../support/eventually.js';

/**
 * Helpers of the applications end-to-end tests. Calls reach applications the way they do in
 * production, as `grants.call.published` on JetStream; publishing the event directly keeps these
 * tests independent of the grants service (the slice test covers grants → applications).
 */
export async function publishCall(
  platform: Platform,
  overrides: Partial<EventPayload<'grants.call.published'>> = {},
): Promise<EventPayload<'grants.call.published'>> {
  const payload: EventPayload<'grants.call.published'> = {
    callId: randomUUID(),
    centreId: DEFAULT_CENTRE_ID,
    number: `NAB/${Math.floor(Math.random() * 1000)}/2026`,
    title: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
    opensAt: '2026-12-01T08:00:00+01:00',
    closesAt: '2026-12-15T16:00:00+01:00',
    budget: 42_388_633,
    counties: ['1462', '1419', '1427', '1404'],
    fundingModel: DEFAULT_FUNDING_MODEL,
    maxJobsPerEntity: 10,
    correctionTermWorkingDays: 5,
    appealTermWorkingDays: 5,
    publishedAt: '2026-11-20T10:00:00+01:00',
    ...overrides,
  };
  const envelope = createEvent('grants.call.published', payload, {
    correlationId: randomUUID(),
    occurredAt: new Date(payload.publishedAt),
  });
  const jetstream = platform.apps.applications!.get(JetStreamService);
  await jetstream.js.publish(
    wireSubject(envelope.type, platform.prefix),
    JSON.stringify(envelope),
    {
      msgID: envelope.id,
    },
  );
  await expectEventually(async () => {
    const call = await platform.api.applications.get(`/api/calls/${payload.callId}`);
    expect(call.status).toBe(200);
  });
  return payload;
}

/** Events applications wrote to its outbox (what the relay publishes), oldest first. */
export async function emitted<S extends EventSubject>(
  platform: Platform,
  subject: S,
): Promise<EventEnvelope<S>[]> {
  const rows: { envelope: EventEnvelope<S> }[] = await platform.apps
    .applications!.get(DataSource)
    .query(`SELECT envelope FROM applications.outbox WHERE subject = $1 ORDER BY seq`, [subject]);
  return rows.map((r) => r.envelope);
}

export function runDueTimers(platform: Platform): Promise<number> {
  return platform.apps.applications!.get(TimersService).runDue();
}

export const EN = { 'accept-language': 'en' };
