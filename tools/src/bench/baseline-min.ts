import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SYSTEM_SCOPE, type DatabaseLayout } from '../database-config.js';
import { pool } from '../system/async.js';

/**
 * Baseline (a), the design's minimum: the applications transaction of a submission written by
 * hand (lock the draft, take the year's number, mark it submitted, write the outbox row) with
 * plain `pg`, and one raw JetStream publish of the event — nothing else: no HTTP, no session
 * check, no validation, no audit, no consumers, no e-mail.
 */
export async function runMinimalBaseline(options: {
  layout: DatabaseLayout;
  nc: NatsConnection;
  prefix: string;
  form: unknown;
  n: number;
  concurrency: number;
}): Promise<{ rate: number; seconds: number }> {
  const { layout, nc, prefix, form, n, concurrency } = options;
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const stream = `${prefix.toUpperCase()}_BASELINE`;
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.baseline.>`] });
  const rawPool = new pg.Pool({
    ...SYSTEM_SCOPE,
    connectionString: layout.urls.applications,
    max: 20,
  });
  await rawPool.query(
    `CREATE TABLE applications.bench_baseline (id uuid PRIMARY KEY, state text, form jsonb, reference text)`,
  );
  await rawPool.query(
    `INSERT INTO applications.bench_baseline SELECT gen_random_uuid(), 'draft', $1, NULL FROM generate_series(1, $2)`,
    [JSON.stringify(form), n],
  );
  const ids = (await rawPool.query('SELECT id FROM applications.bench_baseline')).rows.map(
    (r) => r.id as string,
  );
  let b = 0;
  const t0 = performance.now();
  await pool(n, concurrency, async () => {
    const rowId = ids[b++];
    const client = await rawPool.connect();
    let envelope: string;
    try {
      await client.query('BEGIN');
      await client.query('SELECT * FROM applications.bench_baseline WHERE id = $1 FOR UPDATE', [
        rowId,
      ]);
      const counter = await client.query(
        `INSERT INTO applications.reference_counters (year, last_value) VALUES (9998, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = applications.reference_counters.last_value + 1 RETURNING last_value`,
      );
      const reference = `OWES/9998/${String(counter.rows[0].last_value).padStart(5, '0')}`;
      await client.query(
        `UPDATE applications.bench_baseline SET state = 'submitted', reference = $2 WHERE id = $1`,
        [rowId, reference],
      );
      envelope = JSON.stringify({ id: randomUUID(), reference, form });
      await client.query(
        // Published already as far as the system's relay is concerned (the bench publishes it).
        `INSERT INTO applications.outbox (id, subject, envelope, correlation_id, published_at)
         VALUES ($1, 'baseline', $2, 'bench', now())`,
        [randomUUID(), envelope],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await js.publish(`${prefix}.baseline.submitted`, envelope, { msgID: randomUUID() });
  });
  const seconds = (performance.now() - t0) / 1000;
  await rawPool.query(`DELETE FROM applications.outbox WHERE subject = 'baseline'`);
  await rawPool.query(`DROP TABLE applications.bench_baseline`);
  await rawPool.end();
  await jsm.streams.delete(stream);
  return { rate: n / seconds, seconds };
}
