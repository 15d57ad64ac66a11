import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Controller, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  DEFAULT_CENTRE_ID,
  BaseEnv,
  JetStreamContext,
  JetStreamService,
  OnEvent,
  PLATFORM_ERRORS,
  PermanentEventError,
  PlatformModule,
  configureApp,
  createEvent,
  wireSubject,
  type EventEnvelope,
  type EventPayload,
} from '@app/common';
import { createTestDatabase, uniqueId, type TestDatabase } from '../support/database.js';
import { NATS_URL, deleteStreams } from '../support/platform.js';
import { expectEventually } from '../support/eventually.js';
import { streamsDrained } from '../support/drain.js';

jest.setTimeout(60_000);

/** How the probe handler behaves for an application id (set by each test). */
const behaviour = new Map<string, 'ok' | 'fail-once' | 'fail-always' | 'permanent'>();
const attempts = new Map<string, number>();

/**
 * A consumer with a deliberately non-idempotent effect (one row per handling), so a second
 * handling of the same event would show.
 */
@Controller()
class ProbeController {
  @OnEvent('applications.application.submitted')
  async handle(
    @Payload() event: EventEnvelope<'applications.application.submitted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const id = event.payload.applicationId;
    const n = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, n);
    await ctx.manager.query(
      'INSERT INTO probe_effects (event_id, application_id) VALUES ($1, $2)',
      [event.id, id],
    );
    const mode = behaviour.get(id) ?? 'ok';
    if (mode === 'permanent') throw new PermanentEventError('cannot ever handle this');
    if (mode === 'fail-always' || (mode === 'fail-once' && n === 1))
      throw new Error('transient failure');
  }
}

function payload(applicationId: string): EventPayload<'applications.application.submitted'> {
  return {
    centreId: DEFAULT_CENTRE_ID,
    applicationId,
    reference: 'OWES/2026/00001',
    version: 1,
    callId: randomUUID(),
    callNumber: 'NAB/1/2026',
    callTitle: 'Nabór',
    submittedAt: new Date().toISOString(),
    applicant: { email: 'anna@example.pl', name: 'Anna', language: 'pl' },
  };
}

describe('idempotent inbox and dead letters', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let url: string;
  const prefix = `t${uniqueId()}`;

  const publish = async (envelope: EventEnvelope, msgID: string = randomUUID()) => {
    const jetstream = app.get(JetStreamService);
    await jetstream.js.publish(wireSubject(envelope.type, prefix), JSON.stringify(envelope), {
      msgID,
    });
  };
  const effects = async (applicationId: string) =>
    Number(
      (
        await dataSource.query(
          'SELECT count(*)::int AS n FROM probe_effects WHERE application_id = $1',
          [applicationId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({
      imports: [
        PlatformModule.forService({
          service: 'notifications',
          envClass: BaseEnv,
          rawEnv: {
            DATABASE_URL: db.layout.urls.notifications,
            NATS_URL,
            NATS_PREFIX: prefix,
            LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
            EVENT_MAX_DELIVER: '3',
            EVENT_RETRY_BASE_MS: '50',
          },
          entities: [],
        }),
      ],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    app = await NestFactory.create(ProbeModule, { bufferLogs: true, abortOnError: false });
    dataSource = app.get(DataSource);
    await dataSource.query(
      'CREATE TABLE probe_effects (id serial PRIMARY KEY, event_id uuid NOT NULL, application_id uuid NOT NULL)',
    );
    await configureApp(app, { title: 'probe', description: 'probe', errors: PLATFORM_ERRORS });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await deleteStreams(NATS_URL, prefix).catch(() => {});
    await db?.drop();
  });

  it('handles the same event delivered twice exactly once', async () => {
    const id: string = randomUUID();
    const envelope = createEvent('applications.application.submitted', payload(id), {
      correlationId: randomUUID(),
      occurredAt: new Date(),
    });
    // Two different message ids: JetStream keeps both, as after a redelivery or a republish
    // outside the de-duplication window.
    await publish(envelope);
    await publish(envelope);
    await expectEventually(async () => expect(await effects(id)).toBe(1));
    await streamsDrained(NATS_URL, prefix); // both copies taken and acknowledged
    expect(await effects(id)).toBe(1);
    const inbox = await dataSource.query('SELECT consumer FROM inbox WHERE event_id = $1', [
      envelope.id,
    ]);
    expect(inbox).toEqual([{ consumer: 'notifications' }]);
  });

  it('rolls back a failed handling with its inbox row and succeeds on redelivery', async () => {
    const id: string = randomUUID();
    behaviour.set(id, 'fail-once');
    const envelope = createEvent('applications.application.submitted', payload(id), {
      correlationId: randomUUID(),
      occurredAt: new Date(),
    });
    await publish(envelope, envelope.id);
    await expectEventually(() => expect(attempts.get(id)).toBe(2));
    await expectEventually(async () => expect(await effects(id)).toBe(1));
  });

  it('gives up after the maximum deliveries into a dead letter an operator can list', async () => {
    const id: string = randomUUID();
    behaviour.set(id, 'fail-always');
    const envelope = createEvent('applications.application.submitted', payload(id), {
      correlationId: randomUUID(),
      occurredAt: new Date(),
    });
    await publish(envelope, envelope.id);
    const [letter] = await expectEventually(async () => {
      const rows = await dataSource.query('SELECT * FROM dead_letters WHERE event_id = $1', [
        envelope.id,
      ]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(letter).toMatchObject({
      consumer: 'notifications',
      subject: 'applications.application.submitted',
      deliveries: 3,
    });
    expect(letter.error).toContain('transient failure');
    expect(attempts.get(id)).toBe(3);
    expect(await effects(id)).toBe(0);
    await streamsDrained(NATS_URL, prefix); // terminated, so nothing is left to redeliver
    expect(attempts.get(id)).toBe(3);
    expect((await fetch(`${url}/api/dead-letters`)).status).toBe(401);
  });

  it('dead-letters a permanent failure and an event that breaks its contract at once', async () => {
    const id: string = randomUUID();
    behaviour.set(id, 'permanent');
    const envelope = createEvent('applications.application.submitted', payload(id), {
      correlationId: randomUUID(),
      occurredAt: new Date(),
    });
    await publish(envelope, envelope.id);
    const broken = {
      ...envelope,
      id: randomUUID(),
      payload: { ...envelope.payload, reference: 'not a reference' },
    };
    await publish(broken as EventEnvelope, broken.id);
    await expectEventually(async () => {
      const rows = await dataSource.query(
        'SELECT event_id, deliveries, error FROM dead_letters WHERE event_id = ANY($1)',
        [[envelope.id, broken.id]],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.deliveries).toBe(1);
    });
    expect(attempts.get(id)).toBe(1);
  });
});
