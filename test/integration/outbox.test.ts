import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DEFAULT_CENTRE_ID, OutboxService, streamName, wireSubject } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startPrivateNats } from '../support/nats-server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import { expectEventually } from '../support/eventually.js';
import { platformSettled } from '../support/drain.js';
import { publishedCall } from '../support/calls.js';

jest.setTimeout(90_000);

/**
 * The transactional outbox: an event written with its business change is never lost while NATS
 * is away, and a relay that published but died before marking the row sends no second e-mail.
 */
describe('transactional outbox', () => {
  let nats: Awaited<ReturnType<typeof startPrivateNats>>;
  let platform: Platform;
  let smtp: TestSmtp;

  beforeAll(async () => {
    nats = await startPrivateNats();
    smtp = await startSmtp();
    platform = await startPlatform({
      natsUrl: nats.url,
      env: { notifications: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } },
    });
  });

  afterAll(async () => {
    await nats?.start().catch(() => {});
    await platform?.close();
    await smtp?.close();
    await nats?.dispose();
  });

  const mailsTo = (email: string) =>
    smtp.messages.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(email));

  it('keeps a submission made while NATS is down and sends its e-mail once NATS is back', async () => {
    const operator = await platform.account('operator');
    const call = await publishedCall(platform, operator.token);
    const applicant = await platform.account('applicant');
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId: call.id, form: applicationForm(1) },
      applicant.token,
    );

    await nats.stop();
    const submitted = await platform.api.applications.post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.reference).toMatch(/^OWES\/\d{4}\/\d{5}$/);

    const db = platform.apps.applications!.get(DataSource);
    // A whole relay pass that took the row and failed to publish it (one that found the row
    // locked by the relay's own loop returns instead of failing, and is tried again).
    const outbox = platform.apps.applications!.get(OutboxService);
    await expectEventually(() => expect(outbox.relayOnce()).rejects.toThrow(), {
      timeoutMs: 30_000,
    });
    const waiting = await db.query(
      `SELECT published_at FROM outbox WHERE subject = 'applications.application.submitted' AND envelope->'payload'->>'applicationId' = $1`,
      [draft.body.id],
    );
    expect(waiting).toEqual([{ published_at: null }]);
    expect(mailsTo(applicant.email)).toHaveLength(0);

    await nats.start();
    const mail = await expectEventually(
      () => {
        expect(mailsTo(applicant.email)).toHaveLength(1);
        return mailsTo(applicant.email)[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(mail.subject).toContain(submitted.body.reference);
    const published = await db.query(
      `SELECT published_at FROM outbox WHERE envelope->'payload'->>'applicationId' = $1`,
      [draft.body.id],
    );
    expect(published[0].published_at).not.toBeNull();
  });

  it('publishes a row again after a crash between publish and mark, and JetStream de-duplicates it', async () => {
    const applicationsApp = platform.apps.applications!;
    const outbox = applicationsApp.get(OutboxService);
    const db = applicationsApp.get(DataSource);
    const email = `crash-${Date.now()}@example.pl`;
    const nc = await connect({ servers: nats.url });
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    const stream = streamName('applications', platform.prefix);
    const subject = wireSubject('applications.application.submitted', platform.prefix);

    // The "crashed relay": the row is written and published, but never marked as sent.
    const queryRunner = db.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    const envelope = await outbox.emitter(queryRunner.manager)(
      'applications.application.submitted',
      {
        centreId: DEFAULT_CENTRE_ID,
        applicationId: '11111111-1111-4111-8111-111111111111',
        reference: 'OWES/2026/99999',
        version: 1,
        callId: '22222222-2222-4222-8222-222222222222',
        callNumber: 'NAB/X/2026',
        callTitle: 'Nabór',
        submittedAt: new Date().toISOString(),
        applicant: { email, name: 'Jan Nowak', language: 'pl' },
      },
    );
    await js.publish(subject, JSON.stringify(envelope), { msgID: envelope.id });
    await queryRunner.commitTransaction();
    await queryRunner.release();

    // The relay (running in the service) finds the unmarked row and publishes it again.
    await expectEventually(async () => {
      const rows = await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [envelope.id]);
      expect(rows[0].published_at).not.toBeNull();
    });
    const mail = await expectEventually(() => {
      expect(mailsTo(email)).toHaveLength(1);
      return mailsTo(email)[0];
    });
    expect(mail.subject).toContain('OWES/2026/99999');

    // one message in the stream for this event
    let copies = 0;
    const info = await jsm.streams.info(stream);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (stored && stored.json<{ id: string }>().id === envelope.id) copies++;
    }
    expect(copies).toBe(1);
    await platformSettled(platform);
    expect(mailsTo(email)).toHaveLength(1);
    await nc.close();
  });

  it('publishes the events of one transaction in the order they were written', async () => {
    const outbox = platform.apps.applications!.get(OutboxService);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    const envelopes = await outbox.transaction(async (_manager, emit) => {
      const written = [];
      for (const applicationId of ids) {
        written.push(
          await emit('applications.application.submitted', {
            centreId: DEFAULT_CENTRE_ID,
            applicationId,
            reference: 'OWES/2026/88888',
            version: 1,
            callId: randomUUID(),
            callNumber: 'NAB/X/2026',
            callTitle: 'Nabór',
            submittedAt: new Date().toISOString(),
            applicant: { email: `order-${applicationId}@example.pl`, name: 'Ola', language: 'pl' },
          }),
        );
      }
      return written;
    });
    const nc = await connect({ servers: nats.url });
    const jsm = await jetstreamManager(nc);
    const stream = streamName('applications', platform.prefix);
    const order = await expectEventually(async () => {
      const info = await jsm.streams.info(stream);
      const seen: string[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        const id = stored?.json<{ id: string }>().id;
        if (id && envelopes.some((e) => e.id === id)) seen.push(id);
      }
      expect(seen).toHaveLength(envelopes.length);
      return seen;
    });
    expect(order).toEqual(envelopes.map((e) => e.id));
    await nc.close();
  });
});
