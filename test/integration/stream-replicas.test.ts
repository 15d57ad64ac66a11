import { jest } from '@jest/globals';
import { AckPolicy } from '@nats-io/jetstream';
import { JetStreamService, streamName } from '@app/common';
import { PrivateNatsCluster } from '../../tools/src/system/private-nats-cluster.js';
import { startPrivateNats } from '../support/nats-server.js';
import { expectEventually } from '../support/eventually.js';

jest.setTimeout(120_000);

/**
 * Issue 15, part 4: NATS_STREAM_REPLICAS on a three-node JetStream cluster of its own (nats-server
 * 2.9): streams are created with that many replicas, an existing R1 stream is scaled up in place
 * (messages and the durable consumer's position kept; the consumer follows the stream), a
 * replica started with a lower setting does not scale it back down, an R3 stream keeps taking
 * writes with one node killed, and a single server refuses R3 with a message naming the setting
 * (docs/scaling.md#nats-jetstream).
 */
describe('stream replicas (NATS_STREAM_REPLICAS)', () => {
  let cluster: PrivateNatsCluster;
  const services: JetStreamService[] = [];
  const prefix = `repl${Date.now().toString(36)}`;
  const stream = streamName('applications', prefix);

  async function start(streamReplicas: number, natsUrl = cluster.url): Promise<JetStreamService> {
    const service = new JetStreamService({
      service: 'applications',
      natsUrl,
      prefix,
      streamReplicas,
    });
    services.push(service);
    await service.onModuleInit();
    return service;
  }

  beforeAll(async () => {
    cluster = await PrivateNatsCluster.create(3);
  });

  afterAll(async () => {
    for (const s of services) await s.onApplicationShutdown().catch(() => {});
    await cluster?.dispose();
  });

  it('creates R1, scales to R3 in place keeping messages and the consumer, never scales down', async () => {
    const r1 = await start(1);
    expect((await r1.jsm.streams.info(stream)).config.num_replicas).toBe(1);
    // A durable consumer as the transport declares it (no num_replicas: it follows the stream).
    await r1.jsm.consumers.add(stream, {
      durable_name: 'grants',
      ack_policy: AckPolicy.Explicit,
    });
    for (let i = 0; i < 20; i++)
      await r1.js.publish(`${prefix}.applications.test.v1`, `m${i}`, { msgID: `r1-${i}` });

    const r3 = await start(3);
    const info = await expectEventually(
      async () => {
        const i = await r3.jsm.streams.info(stream);
        expect(i.config.num_replicas).toBe(3);
        expect(i.cluster?.replicas?.filter((r) => r.current)).toHaveLength(2);
        return i;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(info.state.messages).toBe(20);
    const consumer = await expectEventually(
      async () => {
        const c = await r3.jsm.consumers.info(stream, 'grants');
        expect(c.cluster?.replicas).toHaveLength(2);
        return c;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(consumer.num_pending).toBe(20);

    // A replica still configured for 1 (a rolling update) leaves it at 3.
    const again = await start(1);
    expect((await again.jsm.streams.info(stream)).config.num_replicas).toBe(3);
  });

  it('keeps taking writes and serving the consumer with the stream leader killed', async () => {
    const service = services[services.length - 1];
    const leader = (await service.jsm.streams.info(stream)).cluster?.leader;
    expect(leader).toBeDefined();
    await cluster.kill(leader!);
    try {
      // A new leader is elected among the two left; a publish is acknowledged by the quorum.
      const ack = await expectEventually(
        () =>
          service.js.publish(`${prefix}.applications.test.v1`, 'after', { msgID: 'after-kill' }),
        { timeoutMs: 30_000, intervalMs: 250 },
      );
      expect(ack.duplicate).toBe(false);
      const info = await service.jsm.streams.info(stream);
      expect(info.cluster?.leader).not.toBe(leader);
      expect(info.state.messages).toBe(21);
      // The consumer is a Raft group of its own: it may need a moment more to elect its leader.
      await expectEventually(
        async () =>
          expect((await service.jsm.consumers.info(stream, 'grants')).num_pending).toBe(21),
        { timeoutMs: 30_000, intervalMs: 250 },
      );
    } finally {
      await cluster.restart(leader!);
    }
    // The restarted node catches up: every follower current again.
    await expectEventually(
      async () => {
        const i = await service.jsm.streams.info(stream);
        expect(i.cluster?.replicas?.filter((r) => r.current)).toHaveLength(2);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('refuses R3 on a single server, naming the setting', async () => {
    const single = await startPrivateNats();
    try {
      await expect(start(3, single.url)).rejects.toThrow(
        /NATS_STREAM_REPLICAS.*replicas > 1 not supported in non-clustered mode/,
      );
    } finally {
      await services[services.length - 1].onApplicationShutdown().catch(() => {});
      await single.dispose();
    }
  });
});
