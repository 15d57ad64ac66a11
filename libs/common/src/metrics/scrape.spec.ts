import { Metrics } from './metrics.js';
import { scrapeSnapshot } from './scrape.js';

describe('gauges collected at scrape: docs/runbook.md#metrics-and-alerts', () => {
  it('shares one load between the gauges of one scrape, and loads again at the next', async () => {
    let loads = 0;
    const snapshot = scrapeSnapshot(async () => ++loads);
    expect(await Promise.all([snapshot(), snapshot(), snapshot()])).toEqual([1, 1, 1]);
    expect(await snapshot()).toBe(2);
  });

  it('gives nothing, rather than failing, for a source that fails or does not answer in time', async () => {
    expect(await scrapeSnapshot(() => Promise.reject(new Error('down')))()).toBeUndefined();
    expect(await scrapeSnapshot(() => new Promise(() => {}), { timeoutMs: 20 })()).toBeUndefined();
  });

  it('leaves a gauge whose source failed empty while the rest of the scrape answers', async () => {
    const metrics = new Metrics('test', { defaultMetrics: false });
    metrics.collectedGauge('owes_test_broken', 'fails', [], () => {
      throw new Error('database down');
    });
    metrics.collectedGauge('owes_test_rows', 'rows by kind', ['kind'], (gauge) => {
      gauge.set({ kind: 'a' }, 3);
    });
    const text = await metrics.render();
    expect(text).toContain('owes_test_rows{kind="a",service="test"} 3');
    expect(text).toContain('# TYPE owes_test_broken gauge');
    expect(text).not.toMatch(/^owes_test_broken[{ ]/m);
  });

  it('exports each worker of the service with its name', async () => {
    const metrics = new Metrics('test', { defaultMetrics: false });
    const base = { running: true, processed: 5, failures: 1, inFlight: 0 };
    metrics.worker(() => ({
      ...base,
      name: 'OutboxRelay',
      passes: 7,
      consecutiveFailures: 0,
      lagMs: 1500,
    }));
    metrics.worker(() => ({
      ...base,
      name: 'ReminderScheduler',
      passes: 2,
      consecutiveFailures: 1,
    }));
    const text = await metrics.render();
    expect(text).toContain('owes_worker_passes{worker="OutboxRelay",service="test"} 7');
    expect(text).toContain('owes_worker_passes{worker="ReminderScheduler",service="test"} 2');
    expect(text).toContain(
      'owes_worker_consecutive_failures{worker="ReminderScheduler",service="test"} 1',
    );
    expect(text).toContain('owes_worker_lag_seconds{worker="OutboxRelay",service="test"} 1.5');
    expect(text).not.toContain('owes_worker_lag_seconds{worker="ReminderScheduler"');
  });
});
