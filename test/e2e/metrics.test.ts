import { jest } from '@jest/globals';
import { DEFAULT_CENTRE_ID, ManualClock, OutboxService, streamName } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startPrivateNats } from '../support/nats-server.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(120_000);

/** One sample of a Prometheus text exposition: the value of `name` whose labels include `labels`. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      found[key!] = value!;
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Issue 11: `/metrics` on each service serves the gauges and histograms of
 * docs/runbook.md#metrics-and-alerts with plausible values, and still answers while NATS is down.
 */
describe('Prometheus metrics', () => {
  let nats: Awaited<ReturnType<typeof startPrivateNats>>;
  let platform: Platform;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    nats = await startPrivateNats();
    platform = await startPlatform({
      natsUrl: nats.url,
      clock,
      services: ['applications', 'grants', 'notifications'],
      env: { notifications: { MAIL_DRY_RUN: 'true' } },
    });
  });

  afterAll(async () => {
    await nats?.start().catch(() => {});
    await platform?.close();
    await nats?.dispose();
  });

  const scrape = async (service: 'applications' | 'grants' | 'notifications') => {
    const response = await fetch(`${platform.api[service].url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('serves the HTTP histogram by route template and status class, outside /api and without a token', async () => {
    const route = { method: 'GET', route: '/api/calls', status_class: '2xx' };
    const before =
      sample(await scrape('applications'), 'owes_http_request_duration_seconds_count', route) ?? 0;
    expect((await platform.api.applications.get('/api/calls')).status).toBe(200);
    expect((await platform.api.applications.get('/api/calls?status=all')).status).toBe(200);
    expect((await platform.api.applications.get('/api/no-such-route')).status).toBe(404);
    const text = await scrape('applications');
    expect(sample(text, 'owes_http_request_duration_seconds_count', route)).toBe(before + 2);
    expect(
      sample(text, 'owes_http_request_duration_seconds_bucket', { ...route, le: '+Inf' }),
    ).toBe(before + 2);
    expect(
      sample(text, 'owes_http_request_duration_seconds_count', { status_class: '4xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'owes_dependency_up', { dependency: 'database', service: 'applications' }),
    ).toBe(1);
    expect(sample(text, 'owes_dependency_up', { dependency: 'nats' })).toBe(1);
    expect(sample(text, 'owes_dead_letters', { consumer: 'applications' })).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'owes_worker_passes', { worker: 'OutboxRelay' })).toBeGreaterThan(0);
    expect(sample(text, 'owes_worker_consecutive_failures', { worker: 'OutboxRelay' })).toBe(0);
    const grants = await scrape('grants');
    expect(sample(grants, 'owes_worker_failures', { worker: 'MonitoringScheduler' })).toBe(0);
    expect(
      sample(grants, 'owes_dependency_up', { dependency: 'database', service: 'grants' }),
    ).toBe(1);
    expect((await platform.api.applications.get('/api/metrics')).status).toBe(404);
  });

  it('shows events waiting in the outbox and how old the oldest is while NATS is down, and 0 once they are out', async () => {
    const outbox = platform.apps.applications!.get(OutboxService);
    await nats.stop();
    await outbox.transaction(async (_, emit) => {
      await emit('applications.application.submitted', {
        centreId: DEFAULT_CENTRE_ID,
        applicationId: '11111111-1111-4111-8111-111111111111',
        reference: 'OWES/2026/99991',
        version: 1,
        callId: '22222222-2222-4222-8222-222222222222',
        callNumber: 'NAB/X/2026',
        callTitle: 'Nabór',
        submittedAt: clock.now().toISOString(),
        applicant: { email: 'metrics@example.pl', name: 'Jan Nowak', language: 'pl' },
      });
    });
    clock.advance(90_000);

    const started = performance.now();
    const down = await scrape('applications');
    console.log(`scrape with NATS down took ${(performance.now() - started).toFixed(0)} ms`);
    expect(sample(down, 'owes_outbox_unsent')).toBe(1);
    expect(sample(down, 'owes_outbox_lag_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(down, 'owes_dependency_up', { dependency: 'nats' })).toBe(0);
    expect(sample(down, 'owes_consumer_pending')).toBeUndefined();
    // The relay, woken by the commit, has failed a pass (NATS is away).
    await expectEventually(async () =>
      expect(
        sample(await scrape('applications'), 'owes_worker_consecutive_failures', {
          worker: 'OutboxRelay',
        }),
      ).toBeGreaterThan(0),
    );

    await nats.start();
    await expectEventually(
      async () => {
        const text = await scrape('applications');
        expect(sample(text, 'owes_outbox_unsent')).toBe(0);
        expect(sample(text, 'owes_outbox_lag_seconds')).toBe(0);
        expect(sample(text, 'owes_dependency_up', { dependency: 'nats' })).toBe(1);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    // Notifications took the event: its consumer is drained and the e-mail is recorded as sent.
    const stream = streamName('applications', platform.prefix);
    await expectEventually(
      async () => {
        const text = await scrape('notifications');
        expect(sample(text, 'owes_consumer_pending', { stream, consumer: 'notifications' })).toBe(
          0,
        );
        expect(
          sample(text, 'owes_consumer_ack_pending', { stream, consumer: 'notifications' }),
        ).toBe(0);
        expect(
          sample(text, 'owes_consumer_redelivered', { stream, consumer: 'notifications' }),
        ).toBe(0);
        expect(sample(text, 'owes_deliveries', { status: 'sent' })).toBe(1);
        expect(sample(text, 'owes_deliveries', { status: 'failed' })).toBe(0);
        expect(sample(text, 'owes_deliveries_due')).toBe(0);
        expect(sample(text, 'owes_reminder_lag_seconds')).toBe(0);
        expect(sample(text, 'owes_dead_letters', { consumer: 'notifications' })).toBe(0);
        expect(sample(text, 'owes_worker_passes', { worker: 'ReminderScheduler' })).toBeGreaterThan(
          0,
        );
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });
});
